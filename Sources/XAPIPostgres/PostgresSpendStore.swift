import Foundation
import PostgresNIO
import XAPIRuntime

/// A spend store in PostgreSQL, shared by every process on every machine that names the same
/// ledger: a `SpendLedger` over it keeps one App's budget across all of them, to the cent.
///
/// A day is a row of `xapi_spend_days` and the journal of its changes in
/// `xapi_spend_changes` (reservations, releases, and charges with the resource keys X charges
/// once a day), appended as `SpendDay` records them. Each update is one transaction: it
/// locks the day's row (`SELECT … FOR UPDATE`), reads the changes other processes appended
/// since this one last looked (it keeps each day it read in memory), applies the ledger's
/// change and appends it before committing. Concurrent reservations therefore see each
/// other, and a budget is never passed.
///
/// ```swift
/// let storage = PostgresStorage(url: try PostgresURL("postgres://xfollows@db.internal/ledgers"))
/// configuration.spending = SpendLedger(app: clientID, store: storage.spendStore(ledger: "api.x.com"))
/// configuration.budget = SpendBudget(perDay: USD("25.00"))
/// ```
public struct PostgresSpendStore: SpendStore {
    /// The database.
    public let storage: PostgresStorage
    /// The ledger's name: processes naming the same one share the Apps' days.
    public let ledger: String
    private let cache = DayCache()

    /// A store for `ledger` in `storage` (``PostgresStorage/spendStore(ledger:)``).
    public init(storage: PostgresStorage, ledger: String) {
        self.storage = storage
        self.ledger = ledger
    }

    /// Locks the day, catches up with the changes others appended, applies `body` and
    /// appends its changes, in one transaction.
    ///
    /// - Throws: `SpendStoreError` naming the database (without its password) and
    ///   PostgreSQL's reason, or what `body` throws (nothing is written then).
    public func update<Result: Sendable>(
        app: String, day: String, _ body: @Sendable (inout SpendDay) throws -> Result
    ) async throws -> Result {
        let ledger = self.ledger, logger = storage.logger, cache = self.cache
        let key = DayKey(ledger: ledger, app: app, day: day)
        let (result, caughtUp) = try await storage.transaction(failure: failure) { connection in
            let count = try await Self.lockDay(key, on: connection, logger: logger)
            var known = cache[key] ?? KnownDay(count: 0, state: SpendDay(day: day))
            if known.count > count { known = KnownDay(count: 0, state: SpendDay(day: day)) }  // the day was cut: read it again
            if known.count < count {
                try await Self.catchUp(&known, key: key, on: connection, logger: logger)
            }
            var state = known.state
            let result = try body(&state)
            let changes = state.changes
            if !changes.isEmpty {
                for (offset, change) in changes.enumerated() {
                    try await Self.append(change, seq: known.count + offset + 1, key: key, on: connection, logger: logger)
                }
                try await connection.query(
                    """
                    UPDATE xapi_spend_days SET changes = \(known.count + changes.count)
                    WHERE ledger = \(key.ledger) AND app = \(key.app) AND day = \(key.day)
                    """,
                    logger: logger)
                for change in changes { known.state.replay(change) }
                known.count += changes.count
            }
            return (result, known)
        }
        cache.keep(caughtUp, for: key)
        return result
    }

    /// The Apps with spending recorded in this ledger, sorted.
    ///
    /// - Throws: `SpendStoreError` naming the database.
    public func apps() async throws -> [String] {
        let ledger = self.ledger, logger = storage.logger
        return try await storage.transaction(failure: failure) { connection in
            var apps: [String] = []
            let rows = try await connection.query(
                "SELECT DISTINCT app FROM xapi_spend_days WHERE ledger = \(ledger) ORDER BY app", logger: logger)
            for try await app in rows.decode(String.self) { apps.append(app) }
            return apps
        }
    }

    private func failure(_ reason: String) -> any Error {
        SpendStoreError("The spend ledger \"\(ledger)\" in \(reason)")
    }

    /// Locks the day's row (creating it when missing) and returns how many changes it has.
    private static func lockDay(_ key: DayKey, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        for attempt in 0..<2 {
            let rows = try await connection.query(
                """
                SELECT changes FROM xapi_spend_days WHERE ledger = \(key.ledger) AND app = \(key.app) AND day = \(key.day)
                FOR UPDATE
                """,
                logger: logger)
            for try await count in rows.decode(Int.self) { return count }
            if attempt == 0 {
                try await connection.query(
                    """
                    INSERT INTO xapi_spend_days (ledger, app, day) VALUES (\(key.ledger), \(key.app), \(key.day))
                    ON CONFLICT (ledger, app, day) DO NOTHING
                    """,
                    logger: logger)
            }
        }
        throw SpendStoreError("The spend ledger \"\(key.ledger)\" has no row for \(key.app) on \(key.day) after it was created.")
    }

    /// Replays the changes after `known.count`.
    private static func catchUp(_ known: inout KnownDay, key: DayKey, on connection: PostgresConnection, logger: Logger) async throws {
        let rows = try await connection.query(
            """
            SELECT seq, kind, reservation_id, amount::text, reserved_at, resource_keys FROM xapi_spend_changes
            WHERE ledger = \(key.ledger) AND app = \(key.app) AND day = \(key.day) AND seq > \(known.count)
            ORDER BY seq
            """,
            logger: logger)
        for try await (seq, kind, id, amount, date, keys) in rows.decode((Int, String, String?, String?, Date?, [String]?).self) {
            guard seq == known.count + 1, let change = change(kind: kind, id: id, amount: amount.flatMap(USD.init), date: date, keys: keys)
            else {
                throw SpendStoreError("The spend ledger \"\(key.ledger)\" holds a change of \(key.app) on \(key.day) "
                    + "that cannot be read (number \(seq)).")
            }
            known.state.replay(change)
            known.count = seq
        }
    }

    private static func change(kind: String, id: String?, amount: USD?, date: Date?, keys: [String]?) -> SpendDay.Change? {
        switch kind {
        case "reserved":
            guard let id, let amount, let date else { return nil }
            return .reserved(SpendDay.Reservation(id: id, amount: amount, date: date))
        case "released":
            return id.map { .released(id: $0) }
        case "charged":
            return amount.map { .charged(amount: $0, resourceKeys: keys ?? []) }
        default:
            return nil
        }
    }

    private static func append(
        _ change: SpendDay.Change, seq: Int, key: DayKey, on connection: PostgresConnection, logger: Logger
    ) async throws {
        var kind = "", id: String?, amount: String?, date: Date?, keys: [String]?
        switch change {
        case .reserved(let reservation):
            (kind, id, amount, date) = ("reserved", reservation.id, "\(reservation.amount.amount)", reservation.date)
        case .released(let released):
            (kind, id) = ("released", released)
        case .charged(let charged, let resourceKeys):
            (kind, amount, keys) = ("charged", "\(charged.amount)", resourceKeys)
        }
        try await connection.query(
            """
            INSERT INTO xapi_spend_changes (ledger, app, day, seq, kind, reservation_id, amount, reserved_at, resource_keys)
            VALUES (\(key.ledger), \(key.app), \(key.day), \(seq), \(kind), \(id), \(amount)::numeric, \(date), \(keys))
            """,
            logger: logger)
    }
}

/// A day's identity in the tables.
struct DayKey: Hashable, Sendable {
    var ledger: String
    var app: String
    var day: String
}

/// A day as this process last read it: how many changes, and the state they make.
struct KnownDay: Sendable {
    var count: Int
    var state: SpendDay
}

/// The days this process read, shared by the copies of a store.
final class DayCache: @unchecked Sendable {
    private let lock = NSLock()
    private var days: [DayKey: KnownDay] = [:]

    subscript(key: DayKey) -> KnownDay? {
        lock.withLock { days[key] }
    }

    /// Keeps `day` unless a later one is known already (another task committed after it).
    func keep(_ day: KnownDay, for key: DayKey) {
        lock.withLock {
            if let known = days[key], known.count >= day.count { return }
            days[key] = day
        }
    }
}
