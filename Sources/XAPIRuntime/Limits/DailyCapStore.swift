import Foundation

/// Where a ``DailyCapLedger`` keeps its counts: in memory by default, or in a file shared by
/// processes (``FileDailyCapStore``). One store counts for one App.
///
/// An implementation runs `body` on the current state with exclusive access (no other update,
/// in this process or another sharing the storage, runs in between) and persists the result
/// before returning.
public protocol DailyCapStore: Sendable {
    /// Applies `body` to the state atomically and returns its result.
    func update<Result: Sendable>(
        _ body: @Sendable (inout DailyCapState) throws -> Result
    ) async throws -> Result
}

/// The persisted state of daily caps: for each counter key, its committed actions and
/// in-flight reservations.
public struct DailyCapState: Codable, Sendable, Hashable {
    /// One counted action: an in-flight reservation or a committed action.
    public struct Entry: Codable, Sendable, Hashable {
        /// The reservation it belongs to.
        public var reservationID: String
        /// When it was reserved, or when it was committed once it is.
        public var date: Date
        /// Whether the action happened (a 2xx came back).
        public var isCommitted: Bool

        /// Creates an entry.
        public init(reservationID: String, date: Date, isCommitted: Bool) {
            self.reservationID = reservationID
            self.date = date
            self.isCommitted = isCommitted
        }
    }

    /// The format version, for future migrations.
    public var version: Int
    /// Entries by counter key (operation, scope and user).
    public var counters: [String: [Entry]]

    /// An empty state.
    public init(version: Int = 1, counters: [String: [Entry]] = [:]) {
        self.version = version
        self.counters = counters
    }
}

/// A daily-cap store could not read or write its storage.
public struct DailyCapStoreError: Error, Sendable, CustomStringConvertible {
    /// What failed.
    public var message: String

    /// Creates a storage error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
