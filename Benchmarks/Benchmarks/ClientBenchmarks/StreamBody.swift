import Foundation
import HTTPTypes
import OpenAPIRuntime
import XFollows

/// A transport whose every answer is one stream body, delivered in 16 KiB chunks.
struct StreamBody: ClientTransport {
    let bytes: [UInt8]

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        let (chunks, continuation) = AsyncStream<HTTPBody.ByteChunk>.makeStream()
        for start in stride(from: 0, to: bytes.count, by: 16 * 1024) {
            continuation.yield(bytes[start..<min(bytes.count, start + 16 * 1024)])
        }
        continuation.finish()
        return (HTTPResponse(status: .ok), HTTPBody(chunks, length: .known(Int64(bytes.count)), iterationBehavior: .single))
    }

    /// `count` follow events as the sandbox sends them, one per line, a keep-alive every 100.
    static func events(count: Int) -> [UInt8] {
        let user = #"{"created_at":"2023-10-23T13:44:53.000Z","description":"Building with the X API","id":"1111111111111111111","location":"San Francisco, CA","name":"Example User","protected":false,"public_metrics":{"followers_count":5502,"following_count":652,"like_count":8010,"listed_count":47,"tweet_count":790},"username":"ExampleUser","verified":true}"#
        var text = ""
        for index in 0..<count {
            text += #"{"data":{"event_type":"follow.follow","event_uuid":"\#(2_080_761_390_344_937_796 + index)","filter":{"user_id":"1111111111111111111"},"payload":{"source":{"data":\#(user)},"target":{"data":\#(user)}},"tag":"follows"}}"# + "\r\n"
            if index % 100 == 99 { text += "\r\n" }
        }
        return Array(text.utf8)
    }
}
