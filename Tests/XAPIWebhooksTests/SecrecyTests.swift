import Foundation
import Logging
import Testing
import XAPIRuntime
import XAPIWebhooks

@Suite("The consumer secret stays secret", .timeLimit(.minutes(3)))
struct SecrecyTests {
    @Test("Descriptions, dump, statistics, errors, answers and every log line (trace level) never contain the consumer secret")
    func secretNeverShows() async throws {
        let capture = LogCapture()
        var visible: [String] = []
        try await withReceiver(WebhookReceiverConfiguration(capacity: 1, maximumBodySize: 256), logger: capture.logger) { receiver, server in
            let url = server.url
            let answers = [
                try await HTTP.get(URL(string: url.absoluteString + "?crc_token=challenge")!),
                try await HTTP.get(url),
                try await HTTP.post(url, TestEnvelope.body(uuid: "forged"), signature: "sha256=AAAA"),
                try await HTTP.post(url, TestEnvelope.body(uuid: "unsigned"), signature: nil),
                try await HTTP.deliver(url, TestEnvelope.body(uuid: "kept")),
                try await HTTP.deliver(url, TestEnvelope.body(uuid: "kept")),                  // replay
                try await HTTP.deliver(url, TestEnvelope.body(uuid: "overflow")),              // dropped
                try await HTTP.deliver(url, Data(#"{"data":{"event_uuid":"u","secret":"\#(Vectors.secret)"}}"#.utf8)),
                try await HTTP.deliver(url, Data(repeating: 0x7B, count: 300)),                // 413
            ]
            #expect(answers.map(\.status) == [200, 400, 401, 401, 200, 200, 200, 200, 413])
            visible += answers.map { String(decoding: $0.body, as: UTF8.self) }
            var dumped = ""
            dump(receiver, to: &dumped)
            visible += [String(describing: receiver), String(reflecting: receiver), "\(receiver)", dumped,
                        String(describing: receiver.configuration), String(describing: receiver.statistics)]
            let second = WebhookReceiver<TestEnvelope>(consumerSecret: Vectors.secret)
            do {
                _ = try await second.start(port: server.port)
            } catch {
                visible += [String(describing: error), String(reflecting: error)]
            }
        }
        let records = capture.records
        #expect(records.contains { $0.contains("header does not match the body") })
        #expect(records.contains { $0.contains("header is missing") })
        #expect(records.contains { $0.contains("already received") })
        #expect(records.contains { $0.contains("Webhook event dropped") && $0.contains("webhook.event_uuid=overflow") })
        #expect(records.contains { $0.contains("does not decode") && $0.contains("webhook.coding_path=data")
                && $0.contains("key not found: event_type") && $0.contains("webhook.event_uuid=u") })
        #expect(records.contains { $0.contains("too large") })
        #expect(visible.contains { $0.contains("<redacted>") })
        for text in visible + records {
            #expect(!text.contains(Vectors.secret), "the consumer secret leaked into: \(text)")
        }
    }
}
