/// Where an ``OAuth2Session`` keeps its token when several processes, or several machines,
/// act with one authorization, and the lock that makes them refresh it once.
///
/// X rotates the refresh token at every refresh, so two workers refreshing the same token
/// log each other out: the slower one's refresh token was already used. A session given a
/// store refreshes inside ``update(_:)``: under the store's lock it reads the stored token
/// again and, when another worker already refreshed it, takes that token instead of
/// refreshing; otherwise it refreshes with the stored (newest) refresh token and stores the
/// result before the lock is released. So every worker sharing the store sends one refresh
/// request per expiry between them, and all go on with its result.
///
/// Two implementations: ``FileOAuth2TokenStore`` (one machine: a file and an `flock`), and
/// `PostgresOAuth2TokenStore` in the `XAPIPostgres` library (several machines: a row lock).
///
/// ```swift
/// let store = try FileOAuth2TokenStore(url: dataDirectory.appendingPathComponent("token.json"))
/// try await store.update { stored in if stored == nil { stored = tokenFromLogin } }   // seed once
/// guard let session = try await authorizer.session(store: store) else { /* log in again */ }
/// let client = UserClient(credentials: .oauth2Session(session), configuration: configuration)
/// ```
public protocol OAuth2TokenStore: Sendable {
    /// The stored token, read without the lock; `nil` when there is none.
    ///
    /// - Throws: ``OAuth2TokenStoreError`` when the storage cannot be read.
    func load() async throws -> OAuth2UserToken?

    /// Runs `body` on the stored token with exclusive access — no other `update` of this
    /// token, in this process or any other sharing the storage, runs until it returns — and
    /// stores what `body` leaves in `token` (`nil` removes it) before releasing the lock.
    /// When `body` throws, nothing is written.
    ///
    /// `body` may suspend (a refresh request is sent while the lock is held).
    ///
    /// - Throws: ``OAuth2TokenStoreError`` when the storage cannot be locked, read or
    ///   written, or what `body` throws.
    func update<Result: Sendable>(
        _ body: @Sendable (_ token: inout OAuth2UserToken?) async throws -> Result
    ) async throws -> Result
}

/// An ``OAuth2TokenStore`` could not read, lock or write its storage. The message names what
/// failed, never a token.
public struct OAuth2TokenStoreError: Error, Sendable, CustomStringConvertible {
    /// What failed.
    public var message: String

    /// Creates a storage error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
