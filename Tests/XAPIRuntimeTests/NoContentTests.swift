import Foundation
import Testing
@testable import XAPIRuntime

/// Operations whose success response has no JSON body decode as `NoContent`.
@Suite("No content")
struct NoContentTests {
    @Test("An empty 204 is a success with its status and headers")
    func emptyNoContent() async throws {
        let transport = ScriptedTransport([Reply(status: 204, headers: [("x-rate-limit-remaining", "7")], body: nil)])
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration(transport))
        let response = try await client.send(ClientTests.followersRequest(), decoding: NoContent.self)
        #expect(response.status == 204)
        #expect(response.body == NoContent())
        #expect(response.rateLimit?.remaining == 7)
    }

    @Test("A body the spec does not describe is not read")
    func unexpectedBody() async throws {
        let transport = ScriptedTransport([Reply(status: 200, headers: [("content-type", "text/plain")], body: "ok")])
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration(transport))
        let response = try await client.send(ClientTests.followersRequest(), decoding: NoContent.self)
        #expect(response.status == 200)
    }

    @Test("A failure is still an error")
    func failureIsAnError() async throws {
        let transport = ScriptedTransport([.problem(#"{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}"#, status: 401)])
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration(transport))
        await #expect(throws: XAPIError.self) {
            try await client.send(ClientTests.followersRequest(), decoding: NoContent.self)
        }
    }
}
