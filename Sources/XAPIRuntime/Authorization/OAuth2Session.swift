import Foundation

/// A user's OAuth 2.0 authorization kept alive: a ``UserClient`` signs with it instead of a
/// fixed token, and it refreshes the access token before it expires and once after a 401 —
/// one refresh request however many requests need it at once — keeps the rotated refresh
/// token, and hands every new token to a persistence hook.
///
/// ```swift
/// let session = OAuth2Session(token: storedToken, authorizer: authorizer) { token in
///     if let token { try? tokenStore.save(token) } else { try? tokenStore.delete() }
/// }
/// let client = UserClient(credentials: .oauth2Session(session), configuration: configuration)
/// try await client.follow("2244994945")   // refreshed first if the token expires within a minute
///
/// do { … } catch let error as XAPIError where error.code == .reauthorizationRequired {
///     // the refresh token was revoked or refused: send the user through authorization again
/// }
/// try await session.revoke()              // sign out: both tokens revoked, the hook gets nil
/// ```
///
/// The hook is awaited before the new token is used, so a token that was used has been
/// stored. It receives `nil` when the authorization ends (revoked, or refused as
/// `invalid_grant`): forget the stored token then.
///
/// Several processes sharing one stored token (a command-line tool run twice, a web app's
/// workers) each refresh on their own, and X rotates the refresh token, so the slower one's
/// is refused. Pass `reload`, which reads the stored token: before refreshing, and again when
/// the refresh token is refused, the session takes a newer stored token instead.
///
/// ```swift
/// let session = OAuth2Session(token: storedToken, authorizer: authorizer,
///                             onChange: { token in … }, reload: { try? tokenStore.load() })
/// ```
public actor OAuth2Session: CustomStringConvertible {
    /// How long before the access token expires a session refreshes it: one minute.
    public static let defaultRefreshMargin: Duration = .seconds(60)

    /// The client that refreshes and revokes the tokens.
    public nonisolated let authorizer: OAuth2Authorizer
    /// How long before expiry the session refreshes.
    public nonisolated let refreshMargin: Duration

    private let onChange: (@Sendable (OAuth2UserToken?) async -> Void)?
    private let reload: (@Sendable () async -> OAuth2UserToken?)?
    private var token: OAuth2UserToken?
    private var refreshing: Task<OAuth2UserToken, any Error>?
    private var terminalError: XAPIError?
    /// The current token, readable synchronously (for `userID`, scope checks, redaction).
    private nonisolated let published: LockedValue<Published>

    private struct Published: Sendable {
        var token: OAuth2UserToken?
        /// Every token this session held, so an echo of an old one is scrubbed too.
        var secrets: [String]
    }

    /// Creates a session for a token (new from ``OAuth2Authorizer/finishAuthorization(redirect:pending:)``,
    /// or decoded from storage).
    ///
    /// - Parameters:
    ///   - token: The token to start with.
    ///   - authorizer: The client that refreshes and revokes it (its configuration's clock
    ///     decides when the token expires).
    ///   - refreshMargin: How long before expiry to refresh (one minute by default).
    ///   - onChange: Called with every new token (a refresh, a learned user ID) and with `nil`
    ///     when the authorization ends; awaited before the new token is used.
    ///   - reload: Reads the stored token, where other processes may have saved one they
    ///     refreshed; asked before each refresh and after a refused refresh token.
    public init(
        token: OAuth2UserToken,
        authorizer: OAuth2Authorizer,
        refreshMargin: Duration = OAuth2Session.defaultRefreshMargin,
        onChange: (@Sendable (OAuth2UserToken?) async -> Void)? = nil,
        reload: (@Sendable () async -> OAuth2UserToken?)? = nil
    ) {
        self.token = token
        self.reload = reload
        self.authorizer = authorizer
        self.refreshMargin = refreshMargin
        self.onChange = onChange
        self.published = LockedValue(Published(
            token: token, secrets: authorizer.secrets + Self.secrets(of: token)))
    }

    /// The token now: `nil` once the authorization ended.
    public var currentToken: OAuth2UserToken? { token }

    /// A token that does not expire within the refresh margin: the current one, or a new one
    /// from the refresh endpoint (one request for all concurrent callers).
    ///
    /// - Throws: ``XAPIError``: ``XAPIError/Code/reauthorizationRequired`` when the authorization
    ///   ended (revoked, refused, or expired without a refresh token); the refresh's transport
    ///   or HTTP errors otherwise (the next call tries again).
    public func validToken() async throws -> OAuth2UserToken {
        if let terminalError { throw terminalError }
        if let refreshing { return try await refreshing.value }
        guard let token else { throw ended("The session has no token.") }
        let now = authorizer.configuration.clock.now()
        guard token.expires(within: refreshMargin, at: now) else { return token }
        guard token.refreshToken != nil else {
            // Without a refresh token, use the token until it has actually expired.
            guard token.expires(at: now) else { return token }
            throw await end(with: ended("The access token expired and there is no refresh token "
                + "(authorize with offline.access to get one); the user must authorize the App again."))
        }
        return try await refresh(from: token)
    }

    /// Refreshes now, whatever the expiry (joining a refresh already under way).
    ///
    /// - Throws: As ``validToken()``.
    @discardableResult
    public func refresh() async throws -> OAuth2UserToken {
        if let terminalError { throw terminalError }
        if let refreshing { return try await refreshing.value }
        guard let token else { throw ended("The session has no token.") }
        return try await refresh(from: token)
    }

    /// After a 401 to a request that carried `accessToken`: refreshes unless another request
    /// already did. Returns `true` when a retry may succeed.
    ///
    /// - Throws: ``XAPIError/Code/reauthorizationRequired`` when there is no refresh token or
    ///   it is refused.
    func renew(afterRejecting accessToken: String) async throws -> Bool {
        if let terminalError { throw terminalError }
        if let refreshing {
            _ = try await refreshing.value
            return true
        }
        guard let token else { throw ended("The session has no token.") }
        guard ConstantTime.equals(token.accessToken, accessToken) else { return true }
        guard token.refreshToken != nil else {
            throw await end(with: ended("The server refused the access token and there is no refresh token; "
                + "the user must authorize the App again."))
        }
        _ = try await refresh(from: token)
        return true
    }

    /// Ends the authorization: revokes the refresh token and the access token (RFC 7009),
    /// forgets them and calls the hook with `nil`. Later requests throw
    /// ``XAPIError/Code/reauthorizationRequired``. Revoking an ended session does nothing.
    ///
    /// - Throws: ``XAPIError`` when the revocation endpoint refuses or cannot be reached; the
    ///   session then keeps its token.
    public func revoke() async throws {
        if let refreshing { _ = try? await refreshing.value }
        guard let token else { return }
        if let refreshToken = token.refreshToken {
            try await authorizer.revoke(refreshToken, hint: .refreshToken)
        }
        try await authorizer.revoke(token.accessToken, hint: .accessToken)
        _ = await end(with: ended("The session was revoked; the user must authorize the App again."))
    }

    /// Records the user's ID (looked up with `GET /2/users/me`) in the token, and hands the
    /// token to the hook.
    func learn(userID: String) async {
        guard var token, token.accessTokenUserID != userID else { return }
        token.accessTokenUserID = userID
        await install(token)
    }

    // MARK: Refreshing

    private func refresh(from old: OAuth2UserToken) async throws -> OAuth2UserToken {
        let task = Task { try await self.performRefresh(from: old) }
        refreshing = task
        return try await task.value
    }

    private func performRefresh(from old: OAuth2UserToken) async throws -> OAuth2UserToken {
        if let stored = await storedToken(replacing: old), !expiresSoon(stored) {
            return await adopt(stored)
        }
        do {
            let new = try await authorizer.refresh(old)
            // Callers arriving while the hook runs still wait for this task, so no request
            // uses the new token before it was handed to the hook.
            await install(new)
            refreshing = nil
            return new
        } catch let error as XAPIError where error.code == .reauthorizationRequired {
            // Another process may have rotated the refresh token a moment ago.
            if let stored = await storedToken(replacing: old) {
                return expiresSoon(stored) ? try await performRefresh(from: stored) : await adopt(stored)
            }
            refreshing = nil
            throw await end(with: error)
        } catch {
            refreshing = nil
            throw error
        }
    }

    /// The stored token when ``reload`` gives one other than `old`: another process refreshed it.
    private func storedToken(replacing old: OAuth2UserToken) async -> OAuth2UserToken? {
        guard let reload, let stored = await reload(), !ConstantTime.equals(stored.accessToken, old.accessToken)
        else { return nil }
        return stored
    }

    private func expiresSoon(_ token: OAuth2UserToken) -> Bool {
        token.expires(within: refreshMargin, at: authorizer.configuration.clock.now())
    }

    /// Takes a token another process refreshed as this session's own.
    private func adopt(_ stored: OAuth2UserToken) async -> OAuth2UserToken {
        await install(stored)
        refreshing = nil
        return stored
    }

    private func install(_ new: OAuth2UserToken) async {
        token = new
        published.update { published in
            published.token = new
            published.secrets += Self.secrets(of: new).filter { !published.secrets.contains($0) }
        }
        await onChange?(new)
    }

    /// Marks the authorization as ended with `error`, forgets the token and tells the hook
    /// (once: a session ends only once).
    private func end(with error: XAPIError) async -> XAPIError {
        guard terminalError == nil else { return error }
        terminalError = error
        token = nil
        published.update { $0.token = nil }
        await onChange?(nil)
        return error
    }

    private func ended(_ message: String) -> XAPIError {
        XAPIError(code: .reauthorizationRequired, operationID: "oauth2Session", message: message)
    }

    private static func secrets(of token: OAuth2UserToken) -> [String] {
        [token.accessToken] + (token.refreshToken.map { [$0] } ?? [])
    }

    // MARK: Synchronous views

    /// The current token, read without waiting for the actor.
    nonisolated var publishedToken: OAuth2UserToken? { published.current.token }

    /// Every token and secret this session held, for scrubbing texts.
    nonisolated var knownSecrets: [String] { published.current.secrets }

    /// The current token's redacted description, e.g.
    /// `OAuth2Session(OAuth2UserToken(userID: unknown, scopes: [follows.write, …], accessToken: <redacted>, …))`.
    public nonisolated var description: String {
        "OAuth2Session(\(publishedToken?.description ?? "ended"))"
    }
}

extension OAuth2Session: Hashable {
    /// Sessions are equal when they are the same session.
    public static func == (lhs: OAuth2Session, rhs: OAuth2Session) -> Bool { lhs === rhs }

    /// Hashes the session's identity.
    public nonisolated func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(self))
    }
}

extension OAuth2Session: CustomReflectable {
    /// A mirror without secrets.
    public nonisolated var customMirror: Mirror {
        Mirror(self, children: ["description": description])
    }
}
