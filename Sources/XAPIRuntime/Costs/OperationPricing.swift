/// What X charges for one operation under its pay-per-usage pricing, from the spec's
/// `x-pricing`: per resource returned (a user read) or per request (a follow), the unit price,
/// and the cheaper Owned Read price when the operation reads the App owner's own data.
///
/// Generated descriptors carry it (``OperationDescriptor/pricing``); the client uses it to
/// say what a call costs before sending it and what it cost after, and x-sandbox bills with
/// the same values.
///
/// ```swift
/// let pricing = OperationDescriptor.usersIdFollowers.pricing!
/// pricing.price                          // $0.010 per user returned
/// pricing.ownedRead?.price               // $0.001 when {id} is the App owner's own account
/// pricing.unitPrice(ownedRead: true)     // $0.001
/// ```
public struct OperationPricing: Sendable, Hashable {
    /// What one charge pays for.
    public enum Unit: Sendable, Hashable {
        /// Each resource returned in the response (each user of a page), named by its kind
        /// (`user`): X charges a resource once per UTC day, whichever operation returns it.
        case resource(kind: String)
        /// Each successful request (a follow, an unfollow).
        case request
    }

    /// How many resources one request can return at most, for the price of the worst case.
    public enum Bound: Sendable, Hashable {
        /// One resource (a lookup of one user).
        case one
        /// The value of an integer query parameter, or `defaultValue` when the request leaves it
        /// out (`max_results`, default 100).
        case pageSize(parameter: String, defaultValue: Int)
        /// The number of items of a list query parameter (`ids`, `usernames`).
        case itemCount(parameter: String)
    }

    /// The Owned Read price and when it applies.
    public struct OwnedRead: Sendable, Hashable {
        /// The price per resource when it applies.
        public let price: USD
        /// The path parameter that must name the authenticated user, who must own the App.
        public let parameter: String

        /// Creates an Owned Read rule.
        public init(price: USD, parameter: String) {
            self.price = price
            self.parameter = parameter
        }
    }

    /// X's name for the charge on its pricing page, e.g. `Following/Followers: Read`.
    public let category: String
    /// What is charged.
    public let unit: Unit
    /// The price per resource or per request.
    public let price: USD
    /// The Owned Read price, when the operation has one.
    public let ownedRead: OwnedRead?
    /// How many resources one request can return at most (``Unit/resource(kind:)`` only).
    public let bound: Bound
    /// The price of each kind of event, for a stream priced per event delivered (X's
    /// `follow.follow`, $0.010); ``price`` is what an event of a kind not listed costs.
    public let eventPrices: [String: USD]

    /// Creates the pricing of an operation.
    public init(
        category: String, unit: Unit, price: USD, ownedRead: OwnedRead? = nil, bound: Bound = .one,
        eventPrices: [String: USD] = [:]
    ) {
        self.category = category
        self.unit = unit
        self.price = price
        self.ownedRead = ownedRead
        self.bound = bound
        self.eventPrices = eventPrices
    }

    /// The price of one event of kind `type`: its own price when listed, else ``price``.
    ///
    /// ```swift
    /// let pricing = OperationDescriptor.activityStream.pricing!
    /// pricing.eventPrice(for: "follow.follow")   // $0.010
    /// pricing.eventPrice(for: "post.delete")     // $0.000 (not billed)
    /// ```
    public func eventPrice(for type: String?) -> USD {
        type.flatMap { eventPrices[$0] } ?? price
    }

    /// The pricing of one event of kind `type`: a resource of kind `event` at its price, which
    /// X charges once per UTC day per event ID.
    public func pricing(forEvent type: String?) -> OperationPricing {
        OperationPricing(category: type.map { "\(category): \($0)" } ?? category, unit: unit, price: eventPrice(for: type))
    }

    /// The price of one unit: the Owned Read price when `ownedRead` and the operation has one.
    public func unitPrice(ownedRead: Bool) -> USD {
        ownedRead ? self.ownedRead?.price ?? price : price
    }

    /// Whether a request is an Owned Read: its Owned Read parameter names the authenticated
    /// user, and that user owns the App (X: "when `{id}` matches the authenticated user and
    /// that user is the owner of the developer app").
    ///
    /// - Parameters:
    ///   - parameterValue: The value of the Owned Read parameter, e.g. the `{id}` requested.
    ///   - authenticatedUserID: The user the credentials act for; `nil` for App-only.
    ///   - appOwnerID: The App owner's user ID, when known.
    public func isOwnedRead(parameterValue: String?, authenticatedUserID: String?, appOwnerID: String?) -> Bool {
        guard ownedRead != nil, let parameterValue, let authenticatedUserID, let appOwnerID else { return false }
        return parameterValue == authenticatedUserID && authenticatedUserID == appOwnerID
    }

    /// How many units a request can cost at most: its resource bound, or one request.
    ///
    /// - Parameter value: The text of a query parameter of the request, by name.
    public func worstCaseUnits(query value: (String) -> String?) -> Int {
        guard case .resource = unit else { return 1 }
        switch bound {
        case .one:
            return 1
        case .pageSize(let parameter, let defaultValue):
            return value(parameter).flatMap { Int($0) }.map { max(0, $0) } ?? defaultValue
        case .itemCount(let parameter):
            guard let list = value(parameter), !list.isEmpty else { return 0 }
            return list.split(separator: ",", omittingEmptySubsequences: false).count
        }
    }

    /// The key under which X deduplicates a resource for a day (`user:2244994945`); `nil` for
    /// per-request charges, which are never deduplicated.
    public func resourceKey(_ id: String) -> String? {
        guard case .resource(let kind) = unit else { return nil }
        return "\(kind):\(id)"
    }

    /// Describes the price: `$0.010 per user returned; $0.001 for the App owner's own account
    /// (Owned Read)`, `$0.015 per request`, or for events `$0.010 per follow.follow event,
    /// $0.010 per follow.unfollow event`.
    public var summary: String {
        if !eventPrices.isEmpty {
            return eventPrices.sorted { $0.key < $1.key }
                .map { "\($0.value.priceDescription) per \($0.key) event" }
                .joined(separator: ", ")
        }
        switch unit {
        case .resource(let kind):
            let owned = ownedRead.map { "; \($0.price.priceDescription) for the App owner's own account (Owned Read)" } ?? ""
            return "\(price.priceDescription) per \(kind) returned\(owned)"
        case .request:
            return "\(price.priceDescription) per request"
        }
    }
}
