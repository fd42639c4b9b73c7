import Foundation
import Testing
import XFollows
@testable import XSandbox

@Suite("Request pipeline")
struct SandboxAPITests {
    let harness = APIHarness()
    let alice = SandboxAccounts.alice

    @Test("Unknown paths answer 404 and known paths with another method 405, both as problems")
    func routing() async {
        let missing = await harness.send("GET", "/2/users/1/likes")
        #expect(missing.status == 404)
        #expect(missing.header("content-type") == "application/problem+json")
        let wrongMethod = await harness.send("PUT", "/2/users/1/followers")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.header("allow") == "GET, HEAD")
        // HEAD is routed as the GET of its path (the HTTP layer leaves the body out).
        let head = await harness.send("HEAD", "/2/users/\(alice)/followers")
        #expect(head.status == 200)
        // A literal segment beats a parameter: /2/users/me is not /2/users/{id}.
        let me = await harness.send("GET", "/2/users/me", authorization: harness.bearer(scopes: SandboxCredentials.allFollowsScopes))
        #expect(me.status == 200)
        #expect((me.object["data"] as? [String: Any])?["id"] as? String == alice)
    }

    @Test("No Authorization header, an unknown bearer token or another scheme answer 401")
    func unauthenticated() async {
        for authorization in ["", "Bearer nope", "Basic dXNlcjpwYXNz"] {
            let response = await harness.send("GET", "/2/users/\(alice)/followers", authorization: authorization)
            #expect(response.status == 401)
            #expect(response.object["title"] as? String == "Unauthorized")
            #expect(response.object["type"] as? String == "about:blank")
            #expect(response.object["status"] as? Int == 401)
        }
    }

    @Test("Unknown and repeated query parameters are refused, each reported")
    func unknownParameters() async {
        let response = await harness.send("GET", "/2/users/\(alice)/followers?foo=1&max_results=5&max_results=6")
        #expect(response.status == 400)
        let errors = response.object["errors"] as? [[String: Any]] ?? []
        #expect(errors.count == 2)
        #expect((errors.first?["message"] as? String)?.contains("[foo] is not one of") == true)
    }

    @Test("A token for another user's list or the other list is refused with 400")
    func tokenForAnotherList() async throws {
        let page = await harness.send("GET", "/2/users/\(SandboxAccounts.tenThousandClub)/followers?max_results=10")
        let meta = try #require(page.object["meta"] as? [String: Any])
        let token = try #require(meta["next_token"] as? String)
        #expect(meta["previous_token"] == nil)
        let other = await harness.send("GET", "/2/users/\(SandboxAccounts.xDevelopers)/followers?pagination_token=\(token)")
        #expect(other.status == 400)
        let otherList = await harness.send("GET", "/2/users/\(SandboxAccounts.tenThousandClub)/following?pagination_token=\(token)")
        #expect(otherList.status == 400)
        let errors = otherList.object["errors"] as? [[String: Any]] ?? []
        #expect(errors.first?["message"] as? String == "The `pagination_token` query parameter value [\(token)] is not valid")
        let same = await harness.send("GET", "/2/users/\(SandboxAccounts.tenThousandClub)/followers?pagination_token=\(token)&max_results=10")
        #expect(same.status == 200)
        #expect((same.object["meta"] as? [String: Any])?["previous_token"] != nil)
    }

    @Test("A user who follows no one gets a page with result_count 0 and no data")
    func emptyList() async {
        let response = await harness.send("GET", "/2/users/\(SandboxAccounts.quietQuinn)/following")
        #expect(response.status == 200)
        #expect(response.object["data"] == nil)
        #expect((response.object["meta"] as? [String: Any])?["result_count"] as? Int == 0)
    }

    @Test("A follow body that is not JSON, lacks target_user_id or has a bad ID is refused")
    func followBodies() async {
        let authorization = harness.bearer(scopes: SandboxCredentials.allFollowsScopes)
        let path = "/2/users/\(alice)/following"
        for (body, message) in [
            ("not json", "must be a JSON object"),
            ("{}", "$.target_user_id: is missing but it is required"),
            ("{\"target_user_id\": 2244994945}", "$.target_user_id: expected a string"),
            ("{\"target_user_id\": \"abc\"}", "$.target_user_id: does not match the regex pattern ^[0-9]{1,19}$"),
            ("{\"target_user_id\": \"\(alice)\"}", "You cannot follow yourself."),
        ] {
            let response = await harness.send("POST", path, authorization: authorization, body: body)
            #expect(response.status == 400, "\(body)")
            let errors = response.object["errors"] as? [[String: Any]] ?? []
            #expect((errors.first?["message"] as? String)?.contains(message) == true, "\(body): \(errors)")
        }
    }

    @Test("Following an unknown user answers 200 with only a not-found error, and counts no action")
    func followUnknownUser() async {
        let authorization = harness.bearer(scopes: SandboxCredentials.allFollowsScopes)
        let response = await harness.send("POST", "/2/users/\(alice)/following", authorization: authorization,
                                          body: "{\"target_user_id\": \"123\"}")
        #expect(response.status == 200)
        #expect(response.object["data"] == nil)
        let error = (response.object["errors"] as? [[String: Any]])?.first
        #expect(error?["detail"] as? String == "Could not find user with target_user_id: [123].")
        #expect(error?["parameter"] as? String == "target_user_id")
        #expect(response.header("x-user-limit-24hour-limit") == nil)
    }

    @Test("Every request lands in the journal with its operation, status and user")
    func journal() async {
        _ = await harness.send("GET", "/2/users/\(alice)/followers?max_results=5&user.fields=created_at%2Cdescription")
        _ = await harness.send("GET", "/nowhere")
        let records = await harness.api.store.requests()
        #expect(records.count == 2)
        #expect(records[0].operationID == "usersIdFollowers" && records[0].status == 200)
        #expect(records[0].authentication == .appOnly && records[0].userID == nil)
        #expect(records[0].queryValue("user.fields") == "created_at,description")
        #expect(records[1].operationID == nil && records[1].status == 404)
    }
}

@Suite("Request journal")
struct JournalTests {
    @Test("A full journal keeps the most recent requests, oldest first")
    func ring() async {
        let store = SandboxStore(follows: FollowGraph(), limits: .unlimited, tolerance: 300, journalCapacity: 3)
        for index in 0..<5 {
            await store.record(SandboxRequestRecord(
                method: "GET", path: "/\(index)", query: [], operationID: nil, status: 404,
                authentication: nil, userID: nil, date: Date(timeIntervalSince1970: Double(index))))
        }
        #expect(await store.requests().map(\.path) == ["/2", "/3", "/4"])
        await store.clearRequests()
        #expect(await store.requests().isEmpty)
    }
}

@Suite("Write requests")
struct WriteRequestTests {
    @Test("Follow and unfollow take no query parameters")
    func noQueryParameters() async {
        let harness = APIHarness()
        let authorization = harness.bearer(scopes: SandboxCredentials.allFollowsScopes)
        let follow = await harness.send("POST", "/2/users/\(SandboxAccounts.alice)/following?id=1", authorization: authorization,
                                        body: "{\"target_user_id\": \"\(SandboxAccounts.quietQuinn)\"}")
        #expect(follow.status == 400)
        let unfollow = await harness.send("DELETE", "/2/users/\(SandboxAccounts.alice)/following/\(SandboxAccounts.bob)?force=true",
                                          authorization: authorization)
        #expect(unfollow.status == 400)
        let errors = unfollow.object["errors"] as? [[String: Any]] ?? []
        // X names the operation's parameters, path parameters included.
        #expect(errors.first?["message"] as? String == "The query parameter [force] is not one of [source_user_id,target_user_id]")
    }
}
