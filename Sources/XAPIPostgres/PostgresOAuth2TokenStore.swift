import Foundation
import PostgresNIO
import XAPIRuntime

/// An OAuth 2.0 token in PostgreSQL, shared by workers on every machine: an
/// `OAuth2TokenStore` whose lock is the row lock of the token's row in `xapi_oauth2_tokens`.
///
/// An `OAuth2Session` given this store refreshes inside ``update(_:)``: one transaction locks
/// the row (`SELECT … FOR UPDATE`), the session reads the token again and takes it if another
/// worker refreshed it already, or refreshes and writes the new token; the commit releases
/// the lock. So there is one refresh request per expiry across all workers, and X's rotation
/// of the refresh token logs no one out. The column `refreshes` counts the rotations.
///
/// ```swift
/// let store = storage.tokenStore(id: "api.x.com alice")
/// try await store.update { if $0 == nil { $0 = tokenFromLogin } }   // seed it once
/// guard let session = try await authorizer.session(store: store) else { /* log in again */ }
/// let client = UserClient(credentials: .oauth2Session(session), configuration: configuration)
/// ```
///
/// The token is stored as JSON as `OAuth2UserToken` encodes it, readable by whoever can read
/// the table: grant access to it accordingly.
public struct PostgresOAuth2TokenStore: OAuth2TokenStore {
    /// The database.
    public let storage: PostgresStorage
    /// The token's name (a profile, a user).
    public let id: String

    /// A store for the token `id` in `storage` (``PostgresStorage/tokenStore(id:)``).
    public init(storage: PostgresStorage, id: String) {
        self.storage = storage
        self.id = id
    }

    /// The stored token, read without locking; `nil` when there is none.
    ///
    /// - Throws: `OAuth2TokenStoreError` naming the database (without its password).
    public func load() async throws -> OAuth2UserToken? {
        let id = self.id
        let logger = storage.logger
        return try await storage.transaction(failure: failure) { connection in
            let rows = try await connection.query("SELECT token::text FROM xapi_oauth2_tokens WHERE id = \(id)", logger: logger)
            for try await text in rows.decode(String?.self) { return try Self.decode(text, id: id) }
            return nil
        }
    }

    /// Locks the token's row for one transaction, runs `body` (which may send a refresh
    /// request meanwhile) and writes the token back if it changed.
    ///
    /// - Throws: `OAuth2TokenStoreError` naming the database and PostgreSQL's reason, or what
    ///   `body` throws (the transaction is then rolled back and the token unchanged).
    public func update<Result: Sendable>(
        _ body: @Sendable (inout OAuth2UserToken?) async throws -> Result
    ) async throws -> Result {
        let id = self.id
        let logger = storage.logger
        return try await storage.transaction(failure: failure) { connection in
            let original = try await Self.lockedToken(id: id, on: connection, logger: logger)
            var token = original
            let result = try await body(&token)
            if token != original {
                let json = try token.map(Self.encode)
                let rotated = original?.refreshToken != nil && token?.refreshToken != nil
                    && token?.refreshToken != original?.refreshToken ? 1 : 0
                try await connection.query(
                    """
                    UPDATE xapi_oauth2_tokens SET token = \(json)::jsonb, refreshes = refreshes + \(rotated), updated_at = now()
                    WHERE id = \(id)
                    """,
                    logger: logger)
            }
            return result
        }
    }

    /// How many times the stored refresh token was replaced by a new one.
    ///
    /// - Throws: `OAuth2TokenStoreError` naming the database.
    public func rotations() async throws -> Int {
        let id = self.id
        let logger = storage.logger
        return try await storage.transaction(failure: failure) { connection in
            let rows = try await connection.query("SELECT refreshes FROM xapi_oauth2_tokens WHERE id = \(id)", logger: logger)
            for try await count in rows.decode(Int.self) { return count }
            return 0
        }
    }

    private func failure(_ reason: String) -> any Error {
        OAuth2TokenStoreError("The OAuth 2.0 token \"\(id)\" in \(reason)")
    }

    private static func lockedToken(id: String, on connection: PostgresConnection, logger: Logger) async throws -> OAuth2UserToken? {
        for attempt in 0..<2 {
            let rows = try await connection.query("SELECT token::text FROM xapi_oauth2_tokens WHERE id = \(id) FOR UPDATE", logger: logger)
            for try await text in rows.decode(String?.self) { return try decode(text, id: id) }
            if attempt == 0 {
                try await connection.query(
                    "INSERT INTO xapi_oauth2_tokens (id, token) VALUES (\(id), NULL) ON CONFLICT (id) DO NOTHING", logger: logger)
            }
        }
        throw OAuth2TokenStoreError("The OAuth 2.0 token \"\(id)\" has no row after it was created.")
    }

    private static func decode(_ text: String?, id: String) throws -> OAuth2UserToken? {
        guard let text else { return nil }
        do {
            return try XAPIJSON.makeDecoder().decode(OAuth2UserToken.self, from: Data(text.utf8))
        } catch {
            // The decoding error could quote the row; say only which token it is.
            throw OAuth2TokenStoreError("The OAuth 2.0 token \"\(id)\" is stored in a form that is not a token.")
        }
    }

    private static func encode(_ token: OAuth2UserToken) throws -> String {
        do {
            return String(decoding: try XAPIJSON.makeEncoder().encode(token), as: UTF8.self)
        } catch {
            throw OAuth2TokenStoreError("Cannot encode the OAuth 2.0 token.")
        }
    }
}
