import Foundation
import Testing
import XFollows
@testable import XSandbox

/// x-sandbox bills as X's pricing page says, with the spec's prices and the runtime's
/// deduplication, and refuses as X does: a plan without the endpoint, spent credits, a usage cap.
@Suite("Billing")
struct BillingTests {
    static let graph = SandboxGraph.seeded()
    static let enterprise = graph.apps[0]
    static let selfServe = graph.apps[1]

    /// Alice's OAuth 2.0 token (all scopes) on an App.
    static func alice(on app: SandboxApp) -> String {
        "Bearer " + app.credentials.oauth2Tokens.first { $0.userID == SandboxAccounts.alice && $0.scopes.contains("follows.write") }!.accessToken
    }

    /// A clock the test moves.
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var date: Date
        init(_ date: Date) { self.date = date }
        var now: Date { lock.withLock { date } }
        func set(_ new: Date) { lock.withLock { date = new } }
        var sandboxClock: SandboxClock { SandboxClock(now: { self.now }) }
    }

    static func bill(_ harness: APIHarness) async throws -> SandboxBill {
        try XAPIJSON.makeDecoder().decode(SandboxBill.self, from: await harness.send("GET", "/_sandbox/bill", authorization: "").body)
    }

    @Test("The seeded Apps: the first on enterprise, owned by @sandbox_alice; the second on pay-per-use, owned by @sandbox_bob")
    func seededApps() {
        #expect(Self.graph.apps.map(\.plan) == [.enterprise, .payPerUse])
        #expect(Self.graph.apps.map(\.ownerID) == [SandboxAccounts.alice, SandboxAccounts.bob])
        #expect(Self.enterprise.includes(.usersIdFollow) && !Self.selfServe.includes(.usersIdFollow))
        #expect(Self.selfServe.includes(.usersIdFollowers) && Self.selfServe.includes(.usersIdUnfollow))
        #expect(Set(Self.enterprise.credentials.accessTokens.map(\.accessToken)).isDisjoint(with: Self.selfServe.credentials.accessTokens.map(\.accessToken)))
    }

    @Test("Follow on a pay-per-use App: X's client-forbidden 403, exactly as X sends it, and nothing followed or billed")
    func planRefusal() async throws {
        let harness = APIHarness(graph: Self.graph)
        let response = await harness.send("POST", "/2/users/\(SandboxAccounts.alice)/following", authorization: Self.alice(on: Self.selfServe),
                                          body: #"{"target_user_id":"\#(SandboxAccounts.quietQuinn)"}"#)
        #expect(response.status == 403)
        let object = response.object
        #expect(object["type"] as? String == "https://api.twitter.com/2/problems/client-forbidden")
        #expect(object["title"] as? String == "Client Forbidden")
        #expect(object["reason"] as? String == "client-not-enrolled")
        #expect(object["required_enrollment"] as? String == "Appropriate Level of API Access")
        #expect(object["client_id"] as? String == SandboxAccounts.selfServeAppID)
        #expect(object["registration_url"] as? String == "https://developer.twitter.com/en/docs/projects/overview")
        #expect(response.header("x-rate-limit-remaining") == "50", "the window is not counted")
        #expect(try await Self.bill(harness).app(SandboxAccounts.selfServeAppID)?.charges.isEmpty == true)

        let allowed = await harness.send("POST", "/2/users/\(SandboxAccounts.alice)/following", authorization: Self.alice(on: Self.enterprise),
                                         body: #"{"target_user_id":"\#(SandboxAccounts.quietQuinn)"}"#)
        #expect(allowed.status == 200)
        #expect(try await Self.bill(harness).app(SandboxAccounts.enterpriseAppID)?.charges.map(\.amount) == [USD("0.015")!])
    }

    @Test("Owned Reads: Alice reading her own followers through the App she owns pays $0.001 a user; through another App, or Bob's list, $0.010")
    func ownedReads() async throws {
        let harness = APIHarness(graph: Self.graph)
        for (app, list) in [(Self.enterprise, SandboxAccounts.alice), (Self.selfServe, SandboxAccounts.alice), (Self.enterprise, SandboxAccounts.bob)] {
            let response = await harness.send("GET", "/2/users/\(list)/followers?max_results=10", authorization: Self.alice(on: app))
            #expect(response.status == 200)
        }
        let bill = try await Self.bill(harness)
        let owned = try #require(bill.app(SandboxAccounts.enterpriseAppID)?.charges)
        #expect(owned.map(\.isOwnedRead) == [true, false])
        #expect(owned.map(\.unitPrice) == [USD("0.001")!, USD("0.010")!])
        #expect(bill.app(SandboxAccounts.selfServeAppID)?.charges.map(\.isOwnedRead) == [false])
        #expect(bill.app(SandboxAccounts.selfServeAppID)?.charges.first?.unitPrice == USD("0.010"))
    }

    @Test("Each user is charged once per UTC day: a re-read is free until midnight, then charged again")
    func deduplication() async throws {
        let clock = Clock(Date(timeIntervalSince1970: 1_796_428_790))  // 2026-12-04T23:59:50Z
        let harness = APIHarness(graph: Self.graph, clock: clock.sandboxClock)
        let path = "/2/users/\(SandboxAccounts.tenThousandClub)/followers?max_results=100"
        #expect(await harness.send("GET", path).status == 200)
        #expect(await harness.send("GET", path).status == 200)
        clock.set(Date(timeIntervalSince1970: 1_796_428_800))  // 2026-12-05T00:00:00Z
        #expect(await harness.send("GET", path).status == 200)
        let charges = try #require(try await Self.bill(harness).app(SandboxAccounts.enterpriseAppID)?.charges)
        #expect(charges.map(\.units) == [100, 100, 100])
        #expect(charges.map(\.chargedUnits) == [100, 0, 100])
        #expect(charges.map(\.amount) == [USD("1.00")!, .zero, USD("1.00")!])
    }

    @Test("Out of credits: X's 402 body with the rate-limit headers untouched, until credits are added")
    func credits() async throws {
        let harness = APIHarness(graph: Self.graph, billing: SandboxBilling(credits: USD("0.50"), usageCap: nil))
        let path = "/2/users/\(SandboxAccounts.tenThousandClub)/followers?max_results=100"
        #expect(await harness.send("GET", path).status == 200)   // $1.00 from $0.50: X lets the balance go below zero once
        let refused = await harness.send("GET", path)
        #expect(refused.status == 402)
        #expect(refused.object as NSDictionary == ["title": "Payment Required", "detail": "credits depleted",
                                                  "type": "https://api.x.com/2/problems/credits-depleted"] as NSDictionary)
        #expect(refused.header("x-rate-limit-remaining") == "299")
        let bill = try await Self.bill(harness)
        #expect(bill.app(SandboxAccounts.enterpriseAppID)?.balance == .zero - USD("0.50")!)
        // The other App has its own credits.
        #expect(bill.app(SandboxAccounts.selfServeAppID)?.balance == USD("0.50"))

        let added = await harness.send("POST", "/_sandbox/credits", authorization: "",
                                       body: #"{"app": "\#(SandboxAccounts.enterpriseAppID)", "amount": "2.00"}"#)
        #expect(added.status == 200)
        #expect(await harness.send("GET", "/2/users/\(SandboxAccounts.xDevelopers)/followers?max_results=100").status == 200)
    }

    @Test("A usage cap: X's usage-capped 429 with its period and scope, while the rate-limit headers say plenty is left")
    func usageCap() async throws {
        let harness = APIHarness(graph: Self.graph, billing: SandboxBilling(credits: nil, usageCap: 150))
        #expect(await harness.send("GET", "/2/users/\(SandboxAccounts.tenThousandClub)/followers?max_results=100").status == 200)
        #expect(await harness.send("GET", "/2/users/\(SandboxAccounts.xDevelopers)/followers?max_results=100").status == 200)
        let capped = await harness.send("GET", "/2/users/\(SandboxAccounts.xDevelopers)/followers?max_results=5")
        #expect(capped.status == 429)
        #expect(capped.object["type"] as? String == "https://api.twitter.com/2/problems/usage-capped")
        #expect(capped.object["period"] as? String == "Monthly" && capped.object["scope"] as? String == "Product")
        #expect(capped.object["title"] as? String == "UsageCapExceeded")
        #expect(Int(capped.header("x-rate-limit-remaining") ?? "") == 298)
        #expect(Int(capped.header("x-rate-limit-limit") ?? "") == 300)
    }

    @Test("The sandbox's own pages refuse what they cannot do, in X's problem JSON")
    func ownPages() async throws {
        let harness = APIHarness(graph: Self.graph)
        let malformed = await harness.send("POST", "/_sandbox/credits", authorization: "", body: #"{"app": "29012345", "amount": 5}"#)
        #expect(malformed.status == 400)
        #expect((malformed.object["type"] as? String)?.hasSuffix("/invalid-request") == true)
        let unknown = await harness.send("POST", "/_sandbox/credits", authorization: "", body: #"{"app": "1", "amount": "5.00"}"#)
        #expect(unknown.status == 400)
        #expect(String(decoding: unknown.body, as: UTF8.self).contains("No App has the ID [1]"))
        let wrongMethod = await harness.send("DELETE", "/_sandbox/bill", authorization: "")
        #expect(wrongMethod.status == 405 && wrongMethod.header("allow") == "GET, HEAD")
        #expect(await harness.send("GET", "/_sandbox/nothing", authorization: "").status == 404)
        // The bill names Apps by ID and name, never by a key.
        let text = String(decoding: await harness.send("GET", "/_sandbox/bill", authorization: "").body, as: UTF8.self)
        #expect(!text.contains(Self.enterprise.credentials.consumerKey) && !text.contains(Self.selfServe.credentials.consumerKey))
    }
}
