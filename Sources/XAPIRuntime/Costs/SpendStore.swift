/// Where a ``SpendLedger`` keeps each App's spending per UTC day: in memory by default, or in
/// files shared by every process on the machine (``FileSpendStore``); another store (a
/// database shared by several machines) plugs in through this protocol.
///
/// An implementation runs `body` on the day's state with exclusive access (no other update of
/// the same App and day, in this process or another sharing the storage, runs in between) and
/// persists what `body` changed (``SpendDay/changes``) before returning.
public protocol SpendStore: Sendable {
    /// Applies `body` to the state of `app` on `day` (`2026-12-04`) atomically and returns
    /// its result.
    func update<Result: Sendable>(
        app: String, day: String, _ body: @Sendable (inout SpendDay) throws -> Result
    ) async throws -> Result
}

/// A spend store could not read or write its storage.
public struct SpendStoreError: Error, Sendable, CustomStringConvertible {
    /// What failed.
    public var message: String

    /// Creates a storage error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
