import Foundation
import Testing
import XFollows
@testable import XSandbox

/// `GET /_sandbox/dashboard` and `GET /_sandbox/state`: the sandbox's own, saying so, showing
/// what requests did, and never a secret.
@Suite("Dashboard and its state JSON")
struct DashboardStateTests {
    @Test("The page says it is the sandbox's, not X's, and polls the state")
    func page() async {
        let harness = APIHarness()
        let page = await harness.send("GET", "/_sandbox/dashboard", authorization: "")
        #expect(page.status == 200 && page.header("content-type") == "text/html; charset=utf-8")
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(html.contains("not an X API endpoint") && html.contains("fetch(\"/_sandbox/state\""))
        #expect(await harness.send("DELETE", "/_sandbox/dashboard", authorization: "").status == 405)
    }

    @Test("The state shows each request with every field, windows, caps and the bill; secrets shortened; its own polls left out")
    func state() async throws {
        let harness = APIHarness()
        let followers = await harness.send("GET", "/2/users/\(SandboxAccounts.xDevelopers)/followers?max_results=5")
        #expect(followers.status == 200)
        let secret = "requesttokenvalue1234567890"
        _ = await harness.send("GET", "/oauth/authorize?oauth_token=\(secret)", authorization: "")
        let answer = await harness.send("GET", "/_sandbox/state", authorization: "")
        #expect(answer.status == 200)
        let text = String(decoding: answer.body, as: UTF8.self)
        #expect(!text.contains(secret) && text.contains("oauth_token=requ…(27 chars)"))
        #expect(!text.contains(harness.credentials.bearerToken) && !text.contains(harness.credentials.consumerKey))
        let object = answer.object
        let requests = try #require(object["requests"] as? [[String: Any]])
        #expect(requests.count == 2)
        #expect(requests[0]["operation_id"] as? String == "usersIdFollowers" && requests[0]["status"] as? Int == 200)
        // Every field of the record shows, under its snake-case name.
        #expect(Set(requests[0].keys).isSuperset(of: ["method", "path", "query", "operation_id", "status", "authentication",
                                                      "user_id", "date", "charge"]))
        let windows = try #require(object["rate_limits"] as? [[String: Any]])
        #expect(windows.contains { $0["operation_id"] as? String == "usersIdFollowers" && $0["used"] as? Int == 1 })
        #expect((object["bill"] as? [String: Any])?["apps"] != nil)
        #expect(object["notice"] as? String == "This is x-sandbox's own state, not an X API endpoint.")
        // Polling (and loading the page) leaves the journal as it was.
        _ = await harness.send("GET", "/_sandbox/dashboard", authorization: "")
        let again = await harness.send("GET", "/_sandbox/state", authorization: "").object
        #expect((again["requests"] as? [[String: Any]])?.count == 2)
    }

    @Test("Without --state, export, import and reset answer 409 problem JSON")
    func noState() async {
        let harness = APIHarness()
        for (method, path) in [("GET", "/_sandbox/state/export"), ("POST", "/_sandbox/state/import"), ("POST", "/_sandbox/state/reset")] {
            let answer = await harness.send(method, path, authorization: "", body: "{}")
            #expect(answer.status == 409 && answer.header("content-type") == "application/problem+json", "\(path)")
        }
    }
}
