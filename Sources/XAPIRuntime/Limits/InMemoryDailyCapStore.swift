/// A daily-cap store in memory: counts last as long as the process.
///
/// ```swift
/// let ledger = DailyCapLedger(store: InMemoryDailyCapStore())
/// ```
public actor InMemoryDailyCapStore: DailyCapStore {
    private var state: DailyCapState

    /// Creates a store, empty or with a given state.
    public init(state: DailyCapState = DailyCapState()) {
        self.state = state
    }

    /// Applies `body` to the state; the actor serializes updates.
    public func update<Result: Sendable>(
        _ body: @Sendable (inout DailyCapState) throws -> Result
    ) throws -> Result {
        var copy = state
        let result = try body(&copy)
        state = copy
        return result
    }

    /// The current state.
    public var snapshot: DailyCapState { state }
}
