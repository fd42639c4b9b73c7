/// What one response cost under X's pay-per-usage pricing: the resources it returned (or the
/// request), the unit price, and the amount after X's same-day deduplication (a resource
/// already charged today is free).
///
/// ```swift
/// let page = try await client.followers(of: "2244994945", maxResults: 1000)
/// page.charge?.billableUnits    // 1000 users returned
/// page.charge?.chargedUnits     // 640 not yet read today
/// page.charge?.amount           // $6.40
/// ```
public struct Charge: Sendable, Hashable, CustomStringConvertible {
    /// X's name for the charge (`Following/Followers: Read`).
    public var category: String
    /// Resources returned, or 1 for a per-request charge.
    public var billableUnits: Int
    /// Units charged after same-day deduplication.
    public var chargedUnits: Int
    /// The price of one unit.
    public var unitPrice: USD
    /// Whether the Owned Read price applied.
    public var isOwnedRead: Bool
    /// What the response cost: `chargedUnits × unitPrice`.
    public var amount: USD { unitPrice * chargedUnits }

    /// Creates a charge.
    public init(category: String, billableUnits: Int, chargedUnits: Int, unitPrice: USD, isOwnedRead: Bool) {
        self.category = category
        self.billableUnits = billableUnits
        self.chargedUnits = chargedUnits
        self.unitPrice = unitPrice
        self.isOwnedRead = isOwnedRead
    }

    /// E.g. `$6.40 (640 of 1000 at $0.010; 360 already charged today)`.
    public var description: String {
        var text = "\(amount) (\(chargedUnits) of \(billableUnits) at \(unitPrice.priceDescription)\(isOwnedRead ? ", Owned Read" : "")"
        if chargedUnits < billableUnits { text += "; \(billableUnits - chargedUnits) already charged today" }
        return text + ")"
    }
}
