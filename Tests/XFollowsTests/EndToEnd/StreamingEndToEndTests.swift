import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing
import XFollows

/// Response bodies come through the transport path as they arrive, not once the server has
/// sent all of it: what a streaming API (a filtered stream, say) will need.
@Suite("End to end: streamed response bodies", .timeLimit(.minutes(3)))
struct StreamingEndToEndTests {
    @Test("The first chunk is readable while the server still holds the rest, then the rest follows",
          .needsStreamingTransport, arguments: TestTransport.streaming)
    func chunksArriveAsSent(transport kind: TestTransport) async throws {
        let first = #"{"data":[{"id":"2244994945","name":"X Dev","username":"XDevelopers"}"#
        let rest = #"]}"#
        let server = try ChunkedServer(first: first, rest: rest)
        try await TestTransport.with(kind) {
            // What a client sends through: its middlewares around its transport.
            let recorder = RequestRecorder()
            let transport = TestTransport.transport
            let request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/2/tweets/search/stream")
            let (response, body) = try await recorder.middleware.intercept(
                request, body: nil, baseURL: server.url, operationID: "searchStream",
                next: { try await transport.send($0, body: $1, baseURL: $2, operationID: "searchStream") })
            #expect(response.status == .ok)
            var chunks = try #require(body).makeAsyncIterator()
            var received = Data()
            while received.count < first.utf8.count, let chunk = try await chunks.next() { received.append(contentsOf: chunk) }
            #expect(String(decoding: received, as: UTF8.self) == first)
            #expect(!server.sentRestUnasked, "the transport waited for the whole body before handing any of it over")
            server.sendRest()
            while let chunk = try await chunks.next() { received.append(contentsOf: chunk) }
            #expect(String(decoding: received, as: UTF8.self) == first + rest)
            #expect(await recorder.entries.map(\.path) == ["/2/tweets/search/stream"])
        }
    }
}
