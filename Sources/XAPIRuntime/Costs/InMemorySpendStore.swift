/// A spend store in memory: spending is remembered as long as the process runs.
///
/// ```swift
/// let ledger = SpendLedger(store: InMemorySpendStore())
/// ```
public actor InMemorySpendStore: SpendStore {
    private var days: [String: SpendDay] = [:]

    /// An empty store.
    public init() {}

    /// Applies `body` to the day; the actor serializes updates.
    public func update<Result: Sendable>(
        app: String, day: String, _ body: @Sendable (inout SpendDay) throws -> Result
    ) throws -> Result {
        let key = "\(app)\n\(day)"
        var state = days[key] ?? SpendDay(day: day)
        let result = try body(&state)
        state.changes = []
        days[key] = state
        return result
    }
}
