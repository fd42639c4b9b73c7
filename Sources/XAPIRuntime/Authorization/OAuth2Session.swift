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
///
/// `reload` narrows the race without closing it: two processes can still refresh at the same
/// moment. Workers that must never log each other out — on one machine or several — share an
/// ``OAuth2TokenStore`` instead: the session refreshes under the store's lock, after reading
/// the stored token again, so one worker refreshes per expiry and the others take its token.
///
/// ```swift
/// let store = PostgresOAuth2TokenStore(storage: storage, id: "alice")   // XAPIPostgres
/// let session = OAuth2Session(token: token, authorizer: authorizer, store: store)
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
    /// The store shared with other workers, whose lock every refresh runs under.
    private let store: (any OAuth2TokenStore)?
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
        self.store = nil
        self.authorizer = authorizer
        self.refreshMargin = refreshMargin
        self.onChange = onChange
        self.published = LockedValue(Published(
            token: token, secrets: authorizer.secrets + Self.secrets(of: token)))
    }

    /// Creates a session whose token lives in a store shared with other workers (processes
    /// or machines): each refresh runs under the store's lock, re-reads the stored token
    /// first and takes it when another worker already refreshed it, so one refresh request
    /// is sent per expiry across every worker. New tokens are written to the store (and
    /// handed to `onChange`); a refused refresh token removes the stored token.
    ///
    /// ```swift
    /// let session = OAuth2Session(token: try await store.load()!, authorizer: authorizer, store: store)
    /// ```
    ///
    /// - Parameters:
    ///   - token: The token to start with (the stored one, usually).
    ///   - authorizer: The client that refreshes and revokes it.
    ///   - store: The shared token and its lock.
    ///   - refreshMargin: How long before expiry to refresh (one minute by default).
    ///   - onChange: Called with every new token and with `nil` when the authorization ends.
    public init(
        token: OAuth2UserToken,
        authorizer: OAuth2Authorizer,
        store: any OAuth2TokenStore,
        refreshMargin: Duration = OAuth2Session.defaultRefreshMargin,
        onChange: (@Sendable (OAuth2UserToken?) async -> Void)? = nil
    ) {
        self.token = token
        self.reload = nil
        self.store = store
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
    /// forgets them (a shared ``OAuth2TokenStore`` too, when it still holds this token) and
    /// calls the hook with `nil`. Later requests throw
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
        let revoked = token
        _ = try? await store?.update { stored in
            if let current = stored, ConstantTime.equals(current.accessToken, revoked.accessToken) { stored = nil }
        }
        _ = await end(with: ended("The session was revoked; the user must authorize the App again."))
    }

    /// Records the user's ID (looked up with `GET /2/users/me`) in the token, and hands the
    /// token to the hook.
    func learn(userID: String) async {
        guard var token, token.accessTokenUserID != userID else { return }
        token.accessTokenUserID = userID
        await install(token)
        let learned = token
        _ = try? await store?.update { stored in
            if let current = stored, ConstantTime.equals(current.accessToken, learned.accessToken) { stored = learned }
        }
    }

    // MARK: Refreshing

    private func refresh(from old: OAuth2UserToken) async throws -> OAuth2UserToken {
        let task = Task { try await self.performRefresh(from: old) }
        refreshing = task
        return try await task.value
    }

    private func performRefresh(from old: OAuth2UserToken) async throws -> OAuth2UserToken {
        if let store { return try await performSharedRefresh(from: old, store: store) }
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

    /// What a refresh under the shared store's lock came to.
    private enum SharedRefresh: Sendable {
        /// Another worker had refreshed: its token.
        case adopted(OAuth2UserToken)
        /// This worker refreshed: the new token, now stored.
        case refreshed(OAuth2UserToken)
        /// The refresh token was refused: the stored token was removed.
        case ended(XAPIError)
    }

    /// Refreshes under the store's lock: the stored token is read again first, and taken when
    /// another worker refreshed it already; otherwise its (newest) refresh token is used and
    /// the new token stored before the lock is released.
    private func performSharedRefresh(from old: OAuth2UserToken, store: any OAuth2TokenStore) async throws -> OAuth2UserToken {
        let authorizer = self.authorizer
        let margin = refreshMargin
        let outcome: SharedRefresh
        do {
            outcome = try await store.update { stored in
                if let current = stored, !ConstantTime.equals(current.accessToken, old.accessToken),
                   !current.expires(within: margin, at: authorizer.configuration.clock.now()) {
                    return .adopted(current)
                }
                // The stored token is ours, or due too: refresh with its (newest) refresh token.
                let base = stored ?? old
                do {
                    let new = try await authorizer.refresh(base)
                    stored = new
                    return .refreshed(new)
                } catch let error as XAPIError where error.code == .reauthorizationRequired {
                    stored = nil
                    return .ended(error)
                }
            }
        } catch let error as XAPIError {
            refreshing = nil
            throw error
        } catch {
            refreshing = nil
            throw XAPIError(code: .tokenStorage, operationID: "oauth2Session",
                            message: "The shared token store failed: \(error)", underlyingError: error)
        }
        switch outcome {
        case .adopted(let new), .refreshed(let new):
            await install(new)
            refreshing = nil
            return new
        case .ended(let error):
            refreshing = nil
            throw await end(with: error)
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
