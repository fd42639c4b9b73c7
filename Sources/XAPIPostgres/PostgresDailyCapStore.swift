import Foundation
import PostgresNIO
import XAPIRuntime

/// A daily-cap store in PostgreSQL, shared by every process on every machine that names the
/// same ledger: a `DailyCapLedger` over it counts one App's follows together, so workers on
/// different machines never pass a cap between them.
///
/// Each update is one transaction: it locks the ledger's row in `xapi_daily_caps`
/// (`SELECT … FOR UPDATE`), reads the state, applies the ledger's change and writes it back
/// before committing, so concurrent reservations wait for each other and never overshoot.
///
/// ```swift
/// let storage = PostgresStorage(url: try PostgresURL("postgres://xfollows@db.internal/ledgers"))
/// configuration.dailyCaps = DailyCapLedger(store: storage.dailyCapStore(ledger: "api.x.com"))
/// ```
public struct PostgresDailyCapStore: DailyCapStore {
    /// The database.
    public let storage: PostgresStorage
    /// The ledger's name: processes naming the same one count together.
    public let ledger: String

    /// A store for `ledger` in `storage` (``PostgresStorage/dailyCapStore(ledger:)``).
    public init(storage: PostgresStorage, ledger: String) {
        self.storage = storage
        self.ledger = ledger
    }

    /// Locks the ledger's row, applies `body` and writes the state back if it changed, in
    /// one transaction.
    ///
    /// - Throws: `DailyCapStoreError` naming the database (without its password) and
    ///   PostgreSQL's reason, or what `body` throws (the transaction is then rolled back).
    public func update<Result: Sendable>(
        _ body: @Sendable (inout DailyCapState) throws -> Result
    ) async throws -> Result {
        let ledger = self.ledger
        let logger = storage.logger
        return try await storage.transaction(failure: failure) { connection in
            let original = try await Self.lockedState(ledger: ledger, on: connection, logger: logger)
            var state = original
            let result = try body(&state)
            if state != original {
                let json = try Self.encode(state)
                try await connection.query(
                    "UPDATE xapi_daily_caps SET state = \(json)::jsonb, updated_at = now() WHERE ledger = \(ledger)",
                    logger: logger)
            }
            return result
        }
    }

    /// The state as stored now.
    ///
    /// - Throws: `DailyCapStoreError` when the database cannot be read.
    public func snapshot() async throws -> DailyCapState {
        try await update { $0 }
    }

    private func failure(_ reason: String) -> any Error {
        DailyCapStoreError("The daily-cap ledger \"\(ledger)\" in \(reason)")
    }

    /// The ledger's state, its row locked until the transaction ends (created when missing).
    private static func lockedState(ledger: String, on connection: PostgresConnection, logger: Logger) async throws -> DailyCapState {
        for attempt in 0..<2 {
            let rows = try await connection.query(
                "SELECT state::text FROM xapi_daily_caps WHERE ledger = \(ledger) FOR UPDATE", logger: logger)
            for try await text in rows.decode(String.self) {
                do {
                    return try XAPIJSON.makeDecoder().decode(DailyCapState.self, from: Data(text.utf8))
                } catch {
                    throw DailyCapStoreError("The daily-cap ledger \"\(ledger)\" holds a row that is not a daily-cap state.")
                }
            }
            if attempt == 0 {
                let empty = try encode(DailyCapState())
                try await connection.query(
                    "INSERT INTO xapi_daily_caps (ledger, state) VALUES (\(ledger), \(empty)::jsonb) ON CONFLICT (ledger) DO NOTHING",
                    logger: logger)
            }
        }
        throw DailyCapStoreError("The daily-cap ledger \"\(ledger)\" has no row after it was created.")
    }

    private static func encode(_ state: DailyCapState) throws -> String {
        do {
            return String(decoding: try XAPIJSON.makeEncoder().encode(state), as: UTF8.self)
        } catch {
            throw DailyCapStoreError("Cannot encode the daily-cap state: \(error)")
        }
    }
}
