import Foundation
import HTTPTypes
import Testing
import XAPIRuntime
import XAPIServerRuntime

@Suite("Server: routing")
struct OperationRouterTests {
    static func operation(_ id: String, _ method: HTTPRequest.Method, _ path: String) -> OperationDescriptor {
        OperationDescriptor(id: id, method: method, path: path, security: [], isIdempotent: true)
    }

    let router = OperationRouter([
        operation("byID", .get, "/2/users/{id}"),
        operation("followers", .get, "/2/users/{id}/followers"),
        operation("follow", .post, "/2/users/{id}/following"),
        operation("following", .get, "/2/users/{id}/following"),
        operation("me", .get, "/2/users/me"),
        operation("unfollow", .delete, "/2/users/{source_user_id}/following/{target_user_id}"),
    ])

    private func matched(_ method: HTTPRequest.Method, _ path: String) -> ServerRoute? {
        try? router.match(method, path: path).get()
    }

    @Test("A literal segment beats a parameter, whatever the declaration order")
    func literalsFirst() {
        #expect(matched(.get, "/2/users/me")?.operation.id == "me")
        #expect(matched(.get, "/2/users/2244994945")?.operation.id == "byID")
        #expect(matched(.get, "/2/users/2244994945")?.pathParameters == ["id": "2244994945"])
    }

    @Test("The method picks among operations of one path; path parameters come back decoded")
    func methodsAndParameters() {
        #expect(matched(.get, "/2/users/1/following")?.operation.id == "following")
        #expect(matched(.post, "/2/users/1/following")?.operation.id == "follow")
        let unfollow = matched(.delete, "/2/users/6253282/following/a%2Fb")
        #expect(unfollow?.pathParameters == ["source_user_id": "6253282", "target_user_id": "a/b"])
        // One trailing slash is ignored.
        #expect(matched(.get, "/2/users/1/followers/")?.operation.id == "followers")
    }

    @Test("HEAD is the GET of a path; another method is 405 with what is allowed")
    func headAndMethodNotAllowed() {
        #expect(matched(.head, "/2/users/1/followers")?.operation.id == "followers")
        #expect(router.match(.put, path: "/2/users/1/following") == .failure(.methodNotAllowed(allowed: [.post, .get, .head])))
        #expect(router.match(.delete, path: "/2/users/me") == .failure(.methodNotAllowed(allowed: [.get, .head])))
    }

    @Test("Unknown paths, empty or malformed parameters do not match", arguments: [
        "/2/users/1/likes", "/2/users", "/2/users//followers", "/2/users/%zz/followers", "/1.1/users/1", "",
    ])
    func unknown(path: String) {
        #expect(router.match(.get, path: path) == .failure(.unknownPath))
    }
}
