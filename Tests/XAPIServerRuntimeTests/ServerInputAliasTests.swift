import Foundation
import Testing
import XAPIRuntime
import XAPIServerRuntime

/// `x-aliases` and `x-value-aliases` as a generated server passes them: X 2.167's names with
/// 2.159's still accepted.
@Suite("Server: older parameter names and values")
struct ServerInputAliasTests {
    enum PostField: String, CaseIterable, Sendable { case id, text, createdAt = "created_at" }
    enum Expansion: String, CaseIterable, Sendable { case pinnedPostID = "pinned_post_id", mostRecentPostID = "most_recent_post_id" }
    enum UserField: String, CaseIterable, Sendable { case id, name }

    let route = ServerRoute(
        operation: OperationDescriptor(id: "getUsersById", method: .get, path: "/2/users/{id}", security: [], isIdempotent: true),
        pathParameters: ["id": "2244994945"]
    )

    private func decoder(_ query: String) -> ServerInputDecoder {
        ServerInputDecoder(
            ServerRequest(method: .get, path: "/2/users/2244994945", query: query, body: Data()),
            route: route, parameters: ["id", "expansions", "post.fields", "user.fields"],
            aliases: ["tweet.fields": "post.fields"],
            valueAliases: ["expansions": ["pinned_tweet_id": "pinned_post_id", "most_recent_tweet_id": "most_recent_post_id"]]
        )
    }

    @Test("An older name reads as the parameter it stands for")
    func olderName() throws {
        var decoder = decoder("tweet.fields=created_at,text")
        #expect(decoder.queryList("post.fields", .value(PostField.self)) == [.createdAt, .text])
        try decoder.finish()
        var current = self.decoder("post.fields=id")
        #expect(current.queryList("post.fields", .value(PostField.self)) == [.id])
        try current.finish()
    }

    @Test("An older value reads as the value it stands for, beside current ones")
    func olderValue() throws {
        var decoder = decoder("expansions=pinned_tweet_id,most_recent_post_id")
        #expect(decoder.queryList("expansions", .value(Expansion.self), uniqueItems: true) == [.pinnedPostID, .mostRecentPostID])
        try decoder.finish()
    }

    @Test("Both spellings of one parameter are a duplicate, in either order")
    func bothSpellings() {
        for query in ["post.fields=id&tweet.fields=text", "tweet.fields=text&post.fields=id"] {
            var decoder = decoder(query)
            let first = query.hasPrefix("post") ? PostField.id : .text
            #expect(decoder.queryList("post.fields", .value(PostField.self)) == [first])
            #expect(decoder.errors.map(\.message) == ["Duplicate parameters are not allowed: the `post.fields` query parameter"])
            #expect(throws: InvalidRequestError.self) { try decoder.finish() }
        }
    }

    @Test("Aliases are the parameter's own: other parameters and unknown names are refused as before")
    func aliasesStayWithTheirParameter() {
        var decoder = decoder("user.fields=pinned_tweet_id&tweets.fields=id")
        #expect(decoder.queryList("user.fields", .value(UserField.self)) == nil)
        #expect(decoder.errors.map(\.message) == [
            "The query parameter [tweets.fields] is not one of [expansions,id,post.fields,user.fields]",
            "The `user.fields` query parameter value [pinned_tweet_id] is not one of [id,name]",
        ])
        var unknown = self.decoder("expansions=pinned_tweet")
        #expect(unknown.queryList("expansions", .value(Expansion.self)) == nil)
        #expect(unknown.errors.map(\.message) == [
            "The `expansions` query parameter value [pinned_tweet] is not one of [most_recent_post_id,pinned_post_id]",
        ])
    }
}
