import Foundation
import Testing
import HTTPTypes
import XAPIOfficialDocumentServer

/// The server side the build plugin generated from X's published document
/// (`--mode server`, importing the client module's types) compiles with
/// warnings as errors, or this target would not build, and routes and checks
/// the follows operations as the document says, in X's words.
@Suite("X's published OpenAPI document, server side")
struct OfficialDocumentServerTests {
    private func route(_ method: HTTPRequest.Method, _ path: String) throws -> ServerRoute {
        try ServerOperations.router.match(method, path: path).get()
    }

    private func refusal(_ decode: () throws -> Void) -> [String] {
        do {
            try decode()
            Issue.record("expected an InvalidRequestError")
        } catch let error as InvalidRequestError {
            return error.errors.map(\.message)
        } catch {
            Issue.record("expected an InvalidRequestError, got \(error)")
        }
        return []
    }

    @Test("The follows operations route by method and path, HEAD as GET; other paths and methods do not")
    func routing() throws {
        #expect(try route(.get, "/2/users/2244994945/followers").operation.id == OperationDescriptor.getUsersFollowers.id)
        #expect(try route(.head, "/2/users/2244994945/following").operation.id == OperationDescriptor.getUsersFollowing.id)
        let follow = try route(.post, "/2/users/1/following")
        #expect(follow.operation.id == OperationDescriptor.followUser.id)
        #expect(follow.pathParameters == ["id": "1"])
        let unfollow = try route(.delete, "/2/users/1/following/2")
        #expect(unfollow.operation.id == OperationDescriptor.unfollowUser.id)
        #expect(unfollow.pathParameters == ["source_user_id": "1", "target_user_id": "2"])
        #expect(ServerOperations.router.match(.get, path: "/2/users/1/followers/extra") == .failure(.unknownPath))
        guard case .failure(.methodNotAllowed(let allowed)) = ServerOperations.router.match(.put, path: "/2/users/1/following") else {
            Issue.record("PUT on the following list should be 405")
            return
        }
        #expect(Set(allowed) == [.get, .head, .post])
    }

    @Test("getUsersFollowers decodes its query into the client module's types")
    func decodesFollowers() throws {
        let request = ServerRequest(method: .get, target: "/2/users/2244994945/followers?max_results=5&user.fields=created_at,description&pagination_token=ABCDEFGHIJKLMNOP")
        let input = try ServerOperations.GetUsersFollowers(request, route: try route(.get, request.path))
        #expect(input.id == "2244994945")
        #expect(input.maxResults == 5)
        #expect(input.userFields == [.createdAt, .description])
        #expect(input.paginationToken == "ABCDEFGHIJKLMNOP")
        #expect(input.expansions.isEmpty)
    }

    @Test("The document's rules are checked in X's words, every one at once")
    func refusesInXsWords() throws {
        let request = ServerRequest(method: .get, target: "/2/users/abc/followers?max_results=5000&user.fields=bogus&force=1")
        let route = try route(.get, request.path)
        let messages = refusal { _ = try ServerOperations.GetUsersFollowers(request, route: route) }
        #expect(messages.contains("The query parameter [force] is not one of [expansions,id,max_results,pagination_token,tweet.fields,user.fields]"))
        #expect(messages.contains("The `id` query parameter value [abc] does not match ^[0-9]{1,19}$"))
        #expect(messages.contains("The `max_results` query parameter value [5000] is not between 1 and 1000"))
        #expect(messages.contains { $0.hasPrefix("The `user.fields` query parameter value [bogus] is not one of [affiliation,") })

        let follow = ServerRequest(method: .post, target: "/2/users/1/following", body: Data(#"{"target_user_id": "x1"}"#.utf8))
        let followRoute = try self.route(.post, follow.path)
        #expect(refusal { _ = try ServerOperations.FollowUser(follow, route: followRoute) }
            == ["$.target_user_id: does not match the regex pattern ^[0-9]{1,19}$"])
        let good = ServerRequest(method: .post, target: "/2/users/1/following", body: Data(#"{"target_user_id": "2244994945"}"#.utf8))
        #expect(try ServerOperations.FollowUser(good, route: followRoute).body?.targetUserID == "2244994945")
    }
}
