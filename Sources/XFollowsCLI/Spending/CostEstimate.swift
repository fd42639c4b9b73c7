import XFollows

/// What a run can cost at most, before it starts: how many units (users read, follows) at
/// which price, and how many of them X will not charge again today.
///
/// ```swift
/// let estimate = CostEstimate(units: 100_003, unit: "user", pricing: pricing, ownedRead: false)
/// estimate.sentence   // "up to $1,000.03 (100,003 users at $0.010; users already read today are free)"
/// ```
public struct CostEstimate: Sendable, Hashable {
    /// How many units the run can be charged for.
    public var units: Int
    /// What a unit is, singular: `user`, `follow`.
    public var unit: String
    /// The price of one.
    public var unitPrice: USD
    /// Whether the Owned Read price applies.
    public var isOwnedRead: Bool
    /// Units known to be free (charged already today).
    public var freeUnits: Int
    /// Whether X deduplicates the units (resources do, requests do not).
    public var isDeduplicated: Bool

    /// An estimate of `units` under `pricing`.
    public init(units: Int, unit: String, pricing: OperationPricing, ownedRead: Bool, freeUnits: Int = 0) {
        self.units = max(0, units)
        self.unit = unit
        self.unitPrice = pricing.unitPrice(ownedRead: ownedRead)
        self.isOwnedRead = ownedRead
        self.freeUnits = min(max(0, freeUnits), self.units)
        if case .resource = pricing.unit { isDeduplicated = true } else { isDeduplicated = false }
    }

    /// The most it can cost.
    public var amount: USD { unitPrice * (units - freeUnits) }

    /// `up to $1,000.03 (100,003 users at $0.010; users already read today are free)`.
    public var sentence: String { Self.sentence([self]) }

    /// Several estimates in one: `up to $11.25 (450 follows at $0.015; 450 user lookups at $0.010, …)`.
    public static func sentence(_ estimates: [CostEstimate]) -> String {
        let total = estimates.reduce(USD.zero) { $0 + $1.amount }
        return "up to \(total) (\(estimates.map(\.details).joined(separator: "; ")))"
    }

    /// `100,003 users at $0.010; users already read today are free`.
    public var details: String {
        var details = "\(Formatting.count(units, unit)) at \(unitPrice.priceDescription)"
        if isOwnedRead { details += ", X's Owned Read price for the App owner's own list" }
        if freeUnits > 0 {
            details += "; \(Formatting.count(freeUnits)) of them already read today, free"
        } else if isDeduplicated {
            details += ", those X already charged today free"
        }
        return details
    }
}
