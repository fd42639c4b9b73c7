import XFollows

/// The most one run may spend (`--max-cost`), and how a walk over pages keeps to it: each
/// page asks for no more users than the rest of the budget buys, so the last page shrinks to
/// fit, and the walk stops before a page it cannot pay for.
///
/// ```swift
/// let budget = RunBudget(maximum: USD("1.00")!, unitPrice: USD("0.010")!, ledger: ledger)
/// try await budget.pageSize(upTo: 1000)   // 100 on a fresh run; then 0, and it throws
/// ```
public struct RunBudget: Sendable {
    /// The cap.
    public var maximum: USD
    /// The price of one unit of the walk.
    public var unitPrice: USD
    /// The run's ledger (its ``SpendLedger/lifetimeSpent`` is what the run spent).
    public var ledger: SpendLedger

    /// A budget.
    public init(maximum: USD, unitPrice: USD, ledger: SpendLedger) {
        self.maximum = maximum
        self.unitPrice = unitPrice
        self.ledger = ledger
    }

    /// The units the rest of the budget buys, at most `size`.
    ///
    /// - Throws: ``CLIFailure`` (exit 3) when it buys none: the run stops there.
    public func pageSize(upTo size: Int) async throws -> Int {
        let spent = await ledger.lifetimeSpent
        let affordable = min(size, (maximum - spent).units(of: unitPrice))
        guard affordable > 0 else {
            throw CLIFailure.stopped("Stopped before spending more than \(maximum) (--max-cost): this run spent \(spent)")
        }
        return affordable
    }
}
