import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Testing
import XAPIRuntime
@testable import XAPIWebhooks

@Suite("Webhook receiver internals", .timeLimit(.minutes(3)))
struct IntakeTests {
    static func streamed(_ chunks: [Data], signature: String?) -> Request {
        var head = HTTPRequest(method: .post, scheme: "http", authority: "127.0.0.1", path: "/webhooks/x")
        if let signature { head.headerFields[HTTPField.Name(WebhookSignature.headerName)!] = signature }
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream()
        for chunk in chunks { continuation.yield(ByteBuffer(bytes: chunk)) }
        continuation.finish()
        return Request(head: head, body: RequestBody(asyncSequence: stream))
    }

    @Test("A chunked body without Content-Length is read chunk by chunk and refused with 413 past the limit")
    func streamedBodyLimit() async throws {
        let receiver = makeReceiver(WebhookReceiverConfiguration(maximumBodySize: 100))
        let body = TestEnvelope.body(uuid: "chunked")   // about 100 bytes: split in three
        let chunks = stride(from: 0, to: body.count, by: 40).map { body[$0..<min($0 + 40, body.count)] }
        let signature = WebhookSignature.signature(of: body, consumerSecret: Vectors.secret)
        let tooLarge = await receiver.intake.deliver(Self.streamed(chunks + [Data(repeating: 32, count: 50)], signature: signature))
        #expect(tooLarge.status == .contentTooLarge)
        #expect(tooLarge.headers[.connection] == "close")

        let roomy = makeReceiver()
        let accepted = await roomy.intake.deliver(Self.streamed(chunks, signature: signature))
        #expect(accepted.status == .ok)
        var iterator = roomy.events.makeAsyncIterator()
        #expect(await iterator.next()?.data.eventUUID == "chunked")
    }

    @Test("The replay guard remembers by digest and by UUID, forgets after the window, past its capacity, and on request")
    func replayGuard() async throws {
        let a = ReplayGuard.Key.digest(SHA256.hash(data: Data("a".utf8)))
        let b = ReplayGuard.Key.digest(SHA256.hash(data: Data("b".utf8)))
        let replays = ReplayGuard(window: .seconds(60), capacity: 2)
        #expect(replays.admit([a, .eventUUID("1")]) == nil)
        #expect(replays.admit([a]) == a)
        #expect(replays.admit([b, .eventUUID("1")]) == .eventUUID("1"))
        #expect(replays.admit([b]) == nil)
        #expect(replays.admit([.eventUUID("2")]) == nil)   // a third: the oldest (a, "1") goes
        #expect(replays.count == 2)
        #expect(replays.admit([a, .eventUUID("1")]) == nil)
        replays.forget([b])
        #expect(replays.admit([b]) == nil)

        let short = ReplayGuard(window: .milliseconds(50), capacity: 10)
        #expect(short.admit([a]) == nil)
        try await Task.sleep(for: .milliseconds(80))
        #expect(short.admit([a]) == nil)
        #expect(ReplayGuard(window: .zero, capacity: 10).admit([a]) == nil)
    }

    @Test("Query values are read as form-urlencoded, the first of repeated names")
    func formQuery() {
        #expect(FormQuery.value(of: "crc_token", in: "crc_token=a%2Bb+c&crc_token=z") == "a+b c")
        #expect(FormQuery.value(of: "crc_token", in: "crc%5Ftoken=x") == "x")
        #expect(FormQuery.value(of: "crc_token", in: "crc_token") == "")
        #expect(FormQuery.value(of: "crc_token", in: "crc_token=%zz") == nil)
        #expect(FormQuery.value(of: "crc_token", in: nil) == nil)
    }

    @Test("The envelope probe reads event_uuid and event_type leniently, and keeps log values short and printable")
    func envelopeProbe() {
        #expect(EnvelopeProbe(Data(Vectors.followBody.utf8)) == EnvelopeProbe(eventUUID: "-7953119945885597316", eventType: "follow.follow"))
        #expect(EnvelopeProbe(Data(#"{"data":{"event_uuid":12,"event_type":["x"]}}"#.utf8)) == EnvelopeProbe(eventUUID: "12"))
        #expect(EnvelopeProbe(Data("not json".utf8)) == EnvelopeProbe())
        #expect(EnvelopeProbe.printable("a\nb") == "a\u{FFFD}b")
        #expect(EnvelopeProbe.printable(String(repeating: "y", count: 70)) == String(repeating: "y", count: 64) + "…")
    }

    @Test("A decoding failure is told by coding path and kind, without the body's values")
    func decodingFailure() {
        func failure(_ json: String) -> DecodingFailure {
            let result = Result { try JSONDecoder().decode(Deep.self, from: Data(json.utf8)) }
            guard case .failure(let error) = result else { return DecodingFailure(CancellationError()) }
            return DecodingFailure(error)
        }
        #expect(failure(#"{"data":[{"id":1},{"id":"secret-value"}]}"#).location == "data[1].id")
        #expect(failure(#"{"data":[{"id":1},{"id":"secret-value"}]}"#).reason == "type mismatch: expected Int")
        #expect(failure(#"{"data":[{}]}"#).description == "data[0]: key not found: id")
        #expect(failure(#"{"data":"#).description == "(root): not valid JSON")
        #expect(!failure(#"{"data":[{"id":"secret-value"}]}"#).description.contains("secret-value"))
    }
}

private struct Deep: Decodable {
    struct Item: Decodable { var id: Int }
    var data: [Item]
}
