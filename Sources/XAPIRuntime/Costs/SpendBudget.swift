/// The most a client may spend: per UTC day (for the App, across every process sharing the
/// ledger's store) and over the client's lifetime (what this ledger has charged since it was
/// created). A request whose worst case would pass either is refused before it is sent.
///
/// ```swift
/// var configuration = ClientConfiguration()
/// configuration.budget = SpendBudget(perDay: USD("5.00"), lifetime: USD("20.00"))
/// // a page of 1,000 followers costs up to $10.00: refused, nothing sent
/// ```
public struct SpendBudget: Sendable, Hashable {
    /// The most the App may spend in one UTC day; `nil` for no daily limit.
    public var perDay: USD?
    /// The most the client may spend in all; `nil` for no such limit.
    public var lifetime: USD?

    /// Creates a budget; leave a limit `nil` to have none.
    public init(perDay: USD? = nil, lifetime: USD? = nil) {
        self.perDay = perDay
        self.lifetime = lifetime
    }
}

/// Which budget refused a request, and what is left.
public struct BudgetExhaustion: Sendable, Hashable, CustomStringConvertible {
    /// Which limit of the budget.
    public enum Period: String, Sendable, Hashable {
        /// ``SpendBudget/perDay``.
        case day
        /// ``SpendBudget/lifetime``.
        case lifetime
    }

    /// The limit that refused.
    public var period: Period
    /// The limit.
    public var limit: USD
    /// What was charged within it so far.
    public var spent: USD
    /// The worst cases of requests in flight within it.
    public var reserved: USD
    /// The most the refused request could cost.
    public var requested: USD

    /// What is left: the limit less what was spent and reserved (never negative).
    public var remaining: USD { max(.zero, limit - spent - reserved) }

    /// Creates a report.
    public init(period: Period, limit: USD, spent: USD, reserved: USD, requested: USD) {
        self.period = period
        self.limit = limit
        self.spent = spent
        self.reserved = reserved
        self.requested = requested
    }

    /// E.g. `daily budget $5.00: $4.20 spent, $0.00 in flight, $0.80 left; the request could cost $10.00`.
    public var description: String {
        let name = period == .day ? "daily budget" : "budget"
        return "\(name) \(limit): \(spent) spent, \(reserved) in flight, \(remaining) left; the request could cost \(requested)"
    }
}
