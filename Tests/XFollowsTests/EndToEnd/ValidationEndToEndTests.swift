import Foundation
import Testing
import XFollows
import XSandbox

@Suite("End to end: invalid input")
struct ValidationEndToEndTests {
    @Test("The generated functions refuse an invalid id or max_results before anything is sent")
    func clientSideValidation() async throws {
        try await withSandbox { server in
            let recorder = RequestRecorder()
            let configuration = server.clientConfiguration(middlewares: [recorder.middleware])
            let app = server.appClient(configuration)
            let alice = server.oauth1Client(SandboxAccounts.alice, configuration)
            let calls: [(String, String, @Sendable () async throws -> Void)] = [
                ("id abc", "id", { _ = try await app.followers(of: "abc") }),
                ("id ../1", "id", { _ = try await app.following(of: "../1") }),
                ("max_results 0", "max_results", { _ = try await app.followers(of: SandboxAccounts.alice, maxResults: 0) }),
                ("max_results 1001", "max_results", { _ = try await app.following(of: SandboxAccounts.alice, maxResults: 1001) }),
                ("empty token", "pagination_token", { _ = try await app.followers(of: SandboxAccounts.alice, paginationToken: "") }),
                ("follow abc", "target_user_id", { _ = try await alice.follow("abc") }),
                ("unfollow 12a", "target_user_id", { _ = try await alice.unfollow("12a") }),
            ]
            for (name, parameter, call) in calls {
                let error = await expectXAPIError(call)
                #expect(error?.code == .invalidArgument, "\(name)")
                #expect(error?.parameter == parameter, "\(name)")
            }
            #expect(await recorder.entries.isEmpty)
            #expect(await server.requests().isEmpty)
        }
    }

    @Test("An unknown field value is refused before sending")
    func unknownFieldClientSide() async throws {
        try await withSandbox { server in
            let recorder = RequestRecorder()
            let client = server.appClient(server.clientConfiguration(middlewares: [recorder.middleware]))
            let error = await expectXAPIError {
                try await client.followers(of: SandboxAccounts.alice, userFields: [.unknown("favourite_colour")])
            }
            // The generated function checks the value against the spec's enum: nothing is sent.
            #expect(error?.code == .invalidArgument)
            #expect(error?.parameter == "user.fields")
            #expect(await recorder.entries.isEmpty)
            #expect(await server.requests().isEmpty)
        }
    }

    @Test("Sent raw, an invalid id, max_results or field is refused by the sandbox with X's 400 problem")
    func serverSideValidation() async throws {
        try await withSandbox(limits: roomyLimits) { server in
            let followers = "/2/users/\(SandboxAccounts.alice)/followers"
            let cases: [(path: String, parameter: String, value: String, message: String)] = [
                ("/2/users/abc/followers", "id", "abc", "The `id` query parameter value [abc] does not match ^[0-9]{1,19}$"),
                ("\(followers)?max_results=1001", "max_results", "1001",
                 "The `max_results` query parameter value [1001] is not between 1 and 1000"),
                ("\(followers)?max_results=0", "max_results", "0",
                 "The `max_results` query parameter value [0] is not between 1 and 1000"),
                ("\(followers)?user.fields=created_at,bogus", "user.fields", "bogus",
                 "The `user.fields` query parameter value [bogus] is not one of [\(User.Field.allCases.map(\.rawValue).sorted().joined(separator: ","))]"),
                ("\(followers)?post.fields=bogus", "post.fields", "bogus",
                 "The `post.fields` query parameter value [bogus] is not one of [\(Tweet.Field.allCases.map(\.rawValue).sorted().joined(separator: ","))]"),
                // The older spelling X's document 2.159 uses is read as post.fields, and named so.
                ("\(followers)?tweet.fields=bogus", "post.fields", "bogus",
                 "The `post.fields` query parameter value [bogus] is not one of [\(Tweet.Field.allCases.map(\.rawValue).sorted().joined(separator: ","))]"),
                ("\(followers)?expansions=author_id", "expansions", "author_id",
                 "The `expansions` query parameter value [author_id] is not one of [affiliation,most_recent_post_id,pinned_post_id]"),
                ("/2/users/\(SandboxAccounts.alice)/following/x1", "target_user_id", "x1",
                 "The `target_user_id` query parameter value [x1] does not match ^[0-9]{1,19}$"),
            ]
            for testCase in cases {
                let isUnfollow = testCase.path.hasSuffix("/x1")
                let response = isUnfollow
                    ? try await server.rawSigned(.delete, testCase.path, as: SandboxAccounts.alice)
                    : try await server.raw(.get, testCase.path, authorization: server.appBearer)
                #expect(response.status == 400, "\(testCase.path)")
                #expect(response.header("content-type") == "application/problem+json")
                #expect(response.object["title"] as? String == "Invalid Request")
                #expect(response.object["detail"] as? String == "One or more parameters to your request was invalid.")
                #expect(response.object["type"] as? String == "https://api.twitter.com/2/problems/invalid-request")
                #expect(response.errorMessage() == testCase.message, "\(testCase.path)")
                #expect(response.errorParameters() == [testCase.parameter: [testCase.value]], "\(testCase.path)")
                #expect(response.header("x-rate-limit-limit") != nil)
            }
        }
    }
}
