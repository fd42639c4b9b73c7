import Foundation
import Testing
@testable import XAPIRuntime

// The prices spec/follows.yaml gives, as the generator renders them.
extension OperationPricing {
    static let followersRead = OperationPricing(
        category: "Following/Followers: Read",
        unit: .resource(kind: "user"),
        price: USD(significand: 10, scale: 3),
        ownedRead: OperationPricing.OwnedRead(price: USD(significand: 1, scale: 3), parameter: "id"),
        bound: .pageSize(parameter: "max_results", defaultValue: 100)
    )

    static let usersByIDs = OperationPricing(
        category: "User: Read",
        unit: .resource(kind: "user"),
        price: USD(significand: 10, scale: 3),
        bound: .itemCount(parameter: "ids")
    )

    static let userLookup = OperationPricing(category: "User: Read", unit: .resource(kind: "user"), price: USD(significand: 10, scale: 3))

    static let followCreate = OperationPricing(category: "User Interaction: Create", unit: .request, price: USD(significand: 15, scale: 3))
}

@Suite("Costs: operation pricing and request cost")
struct OperationPricingTests {
    static let cent = USD(significand: 1, scale: 2)
    static let tenthOfACent = USD(significand: 1, scale: 3)

    static func query(_ items: [String: String]) -> (String) -> String? {
        { items[$0] }
    }

    @Test func aPageSizeBoundIsTheParameterOrItsDefault() {
        let pricing = OperationPricing.followersRead
        #expect(pricing.worstCaseUnits(query: Self.query(["max_results": "1000"])) == 1000)
        #expect(pricing.worstCaseUnits(query: Self.query(["max_results": "1"])) == 1)
        #expect(pricing.worstCaseUnits(query: Self.query([:])) == 100)
        #expect(pricing.worstCaseUnits(query: Self.query(["pagination_token": "abc"])) == 100)
        // Text that is not a number leaves the default; a negative count is no resources.
        #expect(pricing.worstCaseUnits(query: Self.query(["max_results": "many"])) == 100)
        #expect(pricing.worstCaseUnits(query: Self.query(["max_results": "-5"])) == 0)
    }

    @Test func anItemCountBoundCountsTheListsItems() {
        let pricing = OperationPricing.usersByIDs
        #expect(pricing.worstCaseUnits(query: Self.query(["ids": "1,2,3"])) == 3)
        #expect(pricing.worstCaseUnits(query: Self.query(["ids": "2244994945"])) == 1)
        #expect(pricing.worstCaseUnits(query: Self.query(["ids": (1...100).map(String.init).joined(separator: ",")])) == 100)
        #expect(pricing.worstCaseUnits(query: Self.query(["ids": "1,,2"])) == 3)
        #expect(pricing.worstCaseUnits(query: Self.query(["ids": ""])) == 0)
        #expect(pricing.worstCaseUnits(query: Self.query([:])) == 0)
    }

    @Test func oneResourceOrOneRequest() {
        #expect(OperationPricing.userLookup.worstCaseUnits(query: Self.query(["max_results": "1000"])) == 1)
        #expect(OperationPricing.followCreate.worstCaseUnits(query: Self.query([:])) == 1)
        // A per-request price is one unit whatever bound it was given.
        let odd = OperationPricing(category: "c", unit: .request, price: Self.cent, bound: .pageSize(parameter: "max_results", defaultValue: 100))
        #expect(odd.worstCaseUnits(query: Self.query(["max_results": "1000"])) == 1)
    }

    @Test func anOwnedReadNeedsTheParameterTheUserAndTheAppOwnerToMatch() {
        let pricing = OperationPricing.followersRead
        #expect(pricing.isOwnedRead(parameterValue: "6253282", authenticatedUserID: "6253282", appOwnerID: "6253282"))
        #expect(!pricing.isOwnedRead(parameterValue: "2244994945", authenticatedUserID: "6253282", appOwnerID: "6253282"))
        #expect(!pricing.isOwnedRead(parameterValue: "6253282", authenticatedUserID: "2244994945", appOwnerID: "6253282"))
        #expect(!pricing.isOwnedRead(parameterValue: "6253282", authenticatedUserID: "6253282", appOwnerID: "2244994945"))
        // App-only (no user), an unknown owner or no parameter: never.
        #expect(!pricing.isOwnedRead(parameterValue: "6253282", authenticatedUserID: nil, appOwnerID: "6253282"))
        #expect(!pricing.isOwnedRead(parameterValue: "6253282", authenticatedUserID: "6253282", appOwnerID: nil))
        #expect(!pricing.isOwnedRead(parameterValue: nil, authenticatedUserID: "6253282", appOwnerID: "6253282"))
        #expect(!pricing.isOwnedRead(parameterValue: nil, authenticatedUserID: nil, appOwnerID: nil))
        // An operation without an Owned Read price has none.
        #expect(!OperationPricing.userLookup.isOwnedRead(parameterValue: "6253282", authenticatedUserID: "6253282", appOwnerID: "6253282"))
    }

    @Test func unitPrices() {
        #expect(OperationPricing.followersRead.unitPrice(ownedRead: false) == Self.cent)
        #expect(OperationPricing.followersRead.unitPrice(ownedRead: true) == Self.tenthOfACent)
        #expect(OperationPricing.userLookup.unitPrice(ownedRead: true) == Self.cent)
        #expect(OperationPricing.followCreate.unitPrice(ownedRead: false) == USD(significand: 15, scale: 3))
    }

    @Test func resourceKeysNameTheKindAndRequestsHaveNone() {
        #expect(OperationPricing.followersRead.resourceKey("2244994945") == "user:2244994945")
        #expect(OperationPricing.usersByIDs.resourceKey("1") == "user:1")
        let tweets = OperationPricing(category: "Post: Read", unit: .resource(kind: "post"), price: Self.cent)
        #expect(tweets.resourceKey("1") == "post:1")
        #expect(OperationPricing.followCreate.resourceKey("2244994945") == nil)
    }

    @Test func summaries() {
        #expect(OperationPricing.followersRead.summary
            == "$0.010 per user returned; $0.001 for the App owner's own account (Owned Read)")
        #expect(OperationPricing.userLookup.summary == "$0.010 per user returned")
        #expect(OperationPricing.followCreate.summary == "$0.015 per request")
    }

    static let followers = OperationDescriptor(
        id: "usersIdFollowers", method: .get, path: "/2/users/{id}/followers", security: [.appOnly, .oauth1UserContext],
        isIdempotent: true, pricing: .followersRead
    )

    static func followersRequest(of id: String, maxResults: Int? = nil) -> OperationRequest {
        var request = OperationRequest(followers)
        request.setPathParameter("id", to: id)
        request.appendQueryItem("max_results", value: maxResults)
        request.appendQueryItem("user.fields", commaSeparated: ["created_at"])
        return request
    }

    @Test func requestCostOfAnotherUsersList() {
        let cost = RequestCost(pricing: .followersRead, request: Self.followersRequest(of: "2244994945", maxResults: 1000),
                               actingUserID: "6253282", appOwnerID: "6253282")
        #expect(!cost.isOwnedRead)
        #expect(cost.worstCaseUnits == 1000)
        #expect(cost.unitPrice == Self.cent)
        #expect(cost.worstCase == USD(significand: 10, scale: 0))
    }

    @Test func requestCostOfTheAppOwnersOwnList() {
        let owned = RequestCost(pricing: .followersRead, request: Self.followersRequest(of: "6253282", maxResults: 1000),
                                actingUserID: "6253282", appOwnerID: "6253282")
        #expect(owned.isOwnedRead)
        #expect(owned.unitPrice == Self.tenthOfACent)
        #expect(owned.worstCase == USD(significand: 1, scale: 0))
        // The same list read by App-only credentials, or by a user who does not own the App.
        let appOnly = RequestCost(pricing: .followersRead, request: Self.followersRequest(of: "6253282", maxResults: 1000),
                                  actingUserID: nil, appOwnerID: "6253282")
        #expect(!appOnly.isOwnedRead)
        #expect(appOnly.worstCase == USD(significand: 10, scale: 0))
        let notOwner = RequestCost(pricing: .followersRead, request: Self.followersRequest(of: "6253282"),
                                   actingUserID: "6253282", appOwnerID: nil)
        #expect(!notOwner.isOwnedRead)
    }

    @Test func requestCostWithoutMaxResultsUsesTheDefault() {
        let cost = RequestCost(pricing: .followersRead, request: Self.followersRequest(of: "2244994945"),
                               actingUserID: nil, appOwnerID: nil)
        #expect(cost.worstCaseUnits == 100)
        #expect(cost.worstCase == USD(significand: 1, scale: 0))
    }

    @Test func requestCostOfALookupByIDs() {
        var request = OperationRequest(OperationDescriptor(id: "getUsersByIds", method: .get, path: "/2/users", security: [.appOnly],
                                                           isIdempotent: true, pricing: .usersByIDs))
        request.appendQueryItem("ids", commaSeparated: ["1", "2", "3", "4", "5", "6", "7"])
        let cost = RequestCost(pricing: .usersByIDs, request: request, actingUserID: nil, appOwnerID: nil)
        #expect(cost.worstCaseUnits == 7)
        #expect(cost.worstCase == USD(significand: 7, scale: 2))
    }

    @Test func requestCostOfAFollow() {
        var request = OperationRequest(OperationDescriptor(id: "usersIdFollow", method: .post, path: "/2/users/{id}/following",
                                                           security: [.oauth1UserContext], isIdempotent: true, pricing: .followCreate))
        request.setPathParameter("id", to: "6253282")
        let cost = RequestCost(pricing: .followCreate, request: request, actingUserID: "6253282", appOwnerID: "6253282")
        #expect(!cost.isOwnedRead)
        #expect(cost.worstCaseUnits == 1)
        #expect(cost.worstCase == USD(significand: 15, scale: 3))
    }
}
