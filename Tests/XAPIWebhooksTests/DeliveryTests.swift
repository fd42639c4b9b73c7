import Foundation
import Testing
import XAPIRuntime
import XAPIWebhooks

@Suite("Webhook deliveries over HTTP", .timeLimit(.minutes(3)))
struct DeliveryTests {
    @Test("A POST signed as X signs it (CPython's hmac) is answered 200 and its event arrives on the sequence")
    func validDeliveryArrives() async throws {
        try await withReceiver { receiver, server in
            let collector = Collector(receiver.events)
            let reply = try await HTTP.post(server.url, Data(Vectors.followBody.utf8), signature: Vectors.followSignature)
            #expect(reply.status == 200)
            try await collector.wait(for: 1)
            #expect(collector.events == [TestEnvelope(data: .init(eventUUID: "-7953119945885597316", eventType: "follow.follow"))])
            #expect(receiver.statistics == WebhookStatistics(delivered: 1))
            collector.stop()
        }
    }

    enum Forgery: String, CaseIterable, Sendable {
        case missingHeader, emptyHeader, garbage, signatureOfAnotherBody, anotherSecret, truncated
    }

    @Test("A forged delivery is 401 problem JSON and never delivered", arguments: Forgery.allCases)
    func forgeriesAreRefused(_ forgery: Forgery) async throws {
        try await withReceiver { receiver, server in
            let collector = Collector(receiver.events)
            let body = TestEnvelope.body(uuid: "forged-1")
            let signature: String? = switch forgery {
            case .missingHeader: nil
            case .emptyHeader: ""
            case .garbage: "sha256=not-a-signature"
            case .signatureOfAnotherBody: WebhookSignature.signature(of: TestEnvelope.body(uuid: "forged-2"), consumerSecret: Vectors.secret)
            case .anotherSecret: WebhookSignature.signature(of: body, consumerSecret: "another-consumer-secret")
            case .truncated: String(WebhookSignature.signature(of: body, consumerSecret: Vectors.secret).dropLast())
            }
            let reply = try await HTTP.post(server.url, body, signature: signature)
            #expect(reply.status == 401)
            #expect(reply.contentType == "application/problem+json")
            #expect(reply.object["title"] == "Unauthorized")
            #expect(reply.object["type"] == "about:blank")
            #expect(reply.object["detail"]?.contains("x-twitter-webhooks-signature") == true)
            // A good event afterwards is the first and only one to arrive.
            #expect(try await HTTP.deliver(server.url, TestEnvelope.body(uuid: "good")).status == 200)
            try await collector.wait(for: 1)
            #expect(collector.uuids == ["good"])
            #expect(receiver.statistics == WebhookStatistics(delivered: 1, forged: 1))
            // The forged body was not remembered: signed properly, it is new.
            #expect(try await HTTP.deliver(server.url, body).status == 200)
            try await collector.wait(for: 2)
            #expect(collector.uuids == ["good", "forged-1"])
            collector.stop()
        }
    }

    @Test("The same body twice: the second is 200, not delivered, and counted as a replay")
    func identicalBodyIsAReplay() async throws {
        try await withReceiver { receiver, server in
            let collector = Collector(receiver.events)
            let body = TestEnvelope.body(uuid: "once")
            #expect(try await HTTP.deliver(server.url, body).status == 200)
            #expect(try await HTTP.deliver(server.url, body).status == 200)
            #expect(try await HTTP.deliver(server.url, TestEnvelope.body(uuid: "next")).status == 200)
            try await collector.wait(for: 2)
            #expect(collector.uuids == ["once", "next"])
            #expect(receiver.statistics.replayed == 1)
            #expect(receiver.statistics == WebhookStatistics(delivered: 2, replayed: 1))
            collector.stop()
        }
    }

    @Test("Another body with an event_uuid already received is a replay too")
    func sameEventUUIDIsAReplay() async throws {
        try await withReceiver { receiver, server in
            let collector = Collector(receiver.events)
            #expect(try await HTTP.deliver(server.url, TestEnvelope.body(uuid: "42")).status == 200)
            let reserialized = Data(#"{ "data": {"event_type": "follow.follow", "event_uuid": "42"} }"#.utf8)
            #expect(try await HTTP.deliver(server.url, reserialized).status == 200)
            #expect(try await HTTP.deliver(server.url, TestEnvelope.body(uuid: "43")).status == 200)
            try await collector.wait(for: 2)
            #expect(collector.uuids == ["42", "43"])
            #expect(receiver.statistics.replayed == 1)
            collector.stop()
        }
    }

    @Test("Past the replay window the same body is delivered again")
    func replayWindowExpires() async throws {
        try await withReceiver(WebhookReceiverConfiguration(replayWindow: .milliseconds(200))) { receiver, server in
            let collector = Collector(receiver.events)
            let body = TestEnvelope.body(uuid: "again")
            #expect(try await HTTP.deliver(server.url, body).status == 200)
            try await collector.wait(for: 1)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await HTTP.deliver(server.url, body).status == 200)
            try await collector.wait(for: 2)
            #expect(receiver.statistics == WebhookStatistics(delivered: 2))
            collector.stop()
        }
    }

    @Test("A signed body that does not decode is 200 and counted; the stream goes on with the next event",
          arguments: [#"{"data":{"event_uuid":"1","#, #"{"data":{"event_uuid":"2"}}"#, "[]", ""])
    func undecodableIsAcknowledgedAndCounted(_ text: String) async throws {
        try await withReceiver { receiver, server in
            let collector = Collector(receiver.events)
            #expect(try await HTTP.deliver(server.url, Data(text.utf8)).status == 200)
            #expect(try await HTTP.deliver(server.url, TestEnvelope.body(uuid: "after")).status == 200)
            try await collector.wait(for: 1)
            #expect(collector.uuids == ["after"])
            #expect(receiver.statistics == WebhookStatistics(delivered: 1, undecodable: 1))
            collector.stop()
        }
    }

    @Test("A body over the limit is 413, by its Content-Length, and never delivered")
    func oversizeBodyIsRefused() async throws {
        try await withReceiver(WebhookReceiverConfiguration(maximumBodySize: 512)) { receiver, server in
            let collector = Collector(receiver.events)
            let padding = String(repeating: "x", count: 600)
            let body = Data(#"{"data":{"event_uuid":"big","event_type":"follow.follow","pad":"\#(padding)"}}"#.utf8)
            let reply = try await HTTP.deliver(server.url, body)
            #expect(reply.status == 413)
            #expect(reply.contentType == "application/problem+json")
            #expect(reply.object["title"] == "Content Too Large")
            #expect(reply.object["detail"] == "The request body is longer than 512 bytes.")
            #expect(try await HTTP.deliver(server.url, TestEnvelope.body(uuid: "small")).status == 200)
            try await collector.wait(for: 1)
            #expect(collector.uuids == ["small"])
            #expect(receiver.statistics == WebhookStatistics(delivered: 1))
            collector.stop()
        }
    }
}
