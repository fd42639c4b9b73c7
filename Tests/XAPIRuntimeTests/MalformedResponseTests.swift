import Foundation
import Testing
@testable import XAPIRuntime

@Suite("Malformed responses")
struct MalformedResponseTests {
    static func send(_ reply: Reply) async -> XAPIError? {
        let transport = ScriptedTransport([reply])
        var configuration = configuration(transport)
        configuration.retryPolicy = .none
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration)
        return await #expect(throws: XAPIError.self) {
            try await client.send(ClientTests.followersRequest(), decoding: FollowsPage.self)
        }
    }

    @Test func truncatedJSON() async {
        let error = await Self.send(.json(#"{"data":[{"id":"1","name":"A","usern"#))
        #expect(error?.code == .malformedResponse)
        #expect(error?.operationID == "usersIdFollowers")
        #expect(error?.status == 200)
        #expect(error?.contentType == "application/json")
        #expect(error?.bodyExcerpt == #"{"data":[{"id":"1","name":"A","usern"#)
        #expect(error?.message.contains("not valid JSON") == true)
    }

    @Test func htmlErrorPageOnA200() async {
        let html = "<!DOCTYPE html>\n<html><head><title>Over capacity</title></head><body>" + String(repeating: "x", count: 500) + "</body></html>"
        let error = await Self.send(Reply(status: 200, headers: [("content-type", "text/html; charset=utf-8")], body: html))
        #expect(error?.code == .malformedResponse)
        #expect(error?.contentType == "text/html; charset=utf-8")
        #expect(error?.bodyExcerpt?.hasPrefix("<!DOCTYPE html> <html><head><title>Over capacity</title>") == true)
        #expect((error?.bodyExcerpt?.count ?? 0) <= 201)
        #expect(error?.description.contains("text/html") == true)
    }

    @Test func htmlErrorPageOnA502() async {
        let error = await Self.send(Reply(status: 502, headers: [("content-type", "text/html")], body: "<html><body>Bad Gateway</body></html>"))
        #expect(error?.code == .http)
        #expect(error?.status == 502)
        #expect(error?.problem == nil)
        #expect(error?.bodyExcerpt == "<html><body>Bad Gateway</body></html>")
    }

    @Test func emptyBody() async {
        for body in [nil, "", "  \n"] {
            let error = await Self.send(Reply(status: 200, headers: [("content-type", "application/json")], body: body))
            #expect(error?.code == .malformedResponse)
            #expect(error?.message.contains("empty body") == true)
        }
    }

    @Test func wrongContentType() async {
        let error = await Self.send(Reply(status: 200, headers: [("content-type", "text/plain")], body: #"{"meta":{"result_count":0}}"#))
        #expect(error?.code == .malformedResponse)
        #expect(error?.contentType == "text/plain")
        #expect(error?.message.contains("text/plain, not JSON") == true)
    }

    @Test func missingContentTypeIsDecodedAsJSON() async throws {
        let transport = ScriptedTransport([Reply(status: 200, headers: [], body: #"{"meta":{"result_count":0}}"#)])
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration(transport))
        let response = try await client.send(ClientTests.followersRequest(), decoding: FollowsPage.self)
        #expect(response.meta?.resultCount == 0)
    }

    @Test func wrongValueType() async {
        let error = await Self.send(.json(#"{"data":[{"id":1,"name":"A","username":"a"}]}"#))
        #expect(error?.code == .decoding)
        #expect(error?.decodingPath == "data[0].id")
        #expect(error?.message.contains("String") == true)
    }

    @Test func missingRequiredField() async {
        let error = await Self.send(.json(#"{"meta":{"next_token":"x"}}"#))
        #expect(error?.code == .decoding)
        #expect(error?.decodingPath == "meta.result_count")
    }

    @Test func topLevelArrayInsteadOfObject() async {
        let error = await Self.send(.json("[1,2,3]"))
        #expect(error?.code == .decoding)
        #expect(error?.decodingPath == "$")
    }

    @Test func problemJSONThatIsNotAProblemKeepsAnExcerpt() async {
        let error = await Self.send(.problem(#"["not","a","problem"]"#, status: 400))
        #expect(error?.code == .http)
        #expect(error?.problem == nil)
        #expect(error?.bodyExcerpt == #"["not","a","problem"]"#)
    }

    @Test func a429WithNoHeadersAndNoBody() async {
        let error = await Self.send(Reply(status: 429, headers: [], body: nil))
        #expect(error?.code == .rateLimited)
        #expect(error?.status == 429)
        #expect(error?.rateLimit == nil)
        #expect(error?.retryAfter == nil)
    }

    @Test func oversizedBodyIsATypedError() async throws {
        let transport = ScriptedTransport([.json(userPage(ids: 1...200))])
        var configuration = configuration(transport)
        configuration.retryPolicy = .none
        configuration.maximumResponseBytes = 1024
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration)
        let error = await #expect(throws: XAPIError.self) {
            try await client.send(ClientTests.followersRequest(), decoding: FollowsPage.self)
        }
        #expect(error?.code == .transport)
        #expect(error?.message.contains("1024") == true)
    }
}
