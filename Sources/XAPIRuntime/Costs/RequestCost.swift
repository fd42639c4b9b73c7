/// What one request of a priced operation can cost, worked out before it is sent: whether the
/// Owned Read price applies, the unit price and the worst case.
///
/// ```swift
/// let cost = RequestCost(pricing: pricing, request: request, actingUserID: "1354143047324299264",
///                        appOwnerID: "1354143047324299264")
/// cost.isOwnedRead   // true when the request reads the App owner's own followers
/// cost.worstCase     // max_results × $0.001
/// ```
public struct RequestCost: Sendable, Hashable {
    /// The operation's pricing.
    public let pricing: OperationPricing
    /// Whether the Owned Read price applies.
    public let isOwnedRead: Bool
    /// The most units (resources, or one request) the request can be charged for.
    public let worstCaseUnits: Int

    /// Works out a request's cost.
    ///
    /// - Parameters:
    ///   - pricing: The operation's pricing.
    ///   - request: The request, with its path parameters and query.
    ///   - actingUserID: The authenticated user, `nil` for App-only.
    ///   - appOwnerID: The App owner's user ID, when known.
    public init(pricing: OperationPricing, request: OperationRequest, actingUserID: String?, appOwnerID: String?) {
        self.pricing = pricing
        self.isOwnedRead = pricing.isOwnedRead(
            parameterValue: pricing.ownedRead.flatMap { request.pathParameters[$0.parameter] },
            authenticatedUserID: actingUserID, appOwnerID: appOwnerID)
        self.worstCaseUnits = pricing.worstCaseUnits { name in
            request.queryItems.first { $0.name == name }?.value
        }
    }

    /// The price of one unit.
    public var unitPrice: USD { pricing.unitPrice(ownedRead: isOwnedRead) }

    /// The most the request can cost: every resource it can return charged.
    public var worstCase: USD { unitPrice * worstCaseUnits }
}
