import Foundation
import Testing
import XAPIWebhooks

@Suite("Webhook buffer and consumer lifecycle", .timeLimit(.minutes(3)))
struct BackpressureTests {
    @Test("With a consumer that does not read, every POST is still answered 200 at once; the newest events are dropped and counted")
    func overflowDropsTheNewest() async throws {
        let capture = LogCapture()
        try await withReceiver(WebhookReceiverConfiguration(capacity: 3), logger: capture.logger) { receiver, server in
            for index in 0..<12 {
                // Nobody reads: an answer that waited for the consumer would never come (the
                // request would time out and throw).
                let reply = try await HTTP.deliver(server.url, TestEnvelope.body(uuid: "e\(index)"))
                #expect(reply.status == 200)
            }
            #expect(receiver.statistics == WebhookStatistics(buffered: 3, dropped: 9))
            let dropped = capture.records.filter { $0.contains("Webhook event dropped") }
            #expect(dropped.count == 9)
            #expect(dropped.first?.contains("webhook.event_uuid=e3") == true)
            #expect(dropped.allSatisfy { $0.contains("webhook.event_type=follow.follow") })
            // The consumer, once it reads, gets the oldest three: where it stopped.
            let collector = Collector(receiver.events)
            try await collector.wait(for: 3)
            #expect(collector.uuids == ["e0", "e1", "e2"])
            // A dropped event is forgotten: X's redelivery of it (a replay job) is delivered.
            #expect(try await HTTP.deliver(server.url, TestEnvelope.body(uuid: "e3")).status == 200)
            try await collector.wait(for: 4)
            #expect(collector.uuids.last == "e3")
            #expect(receiver.statistics == WebhookStatistics(delivered: 4, dropped: 9))
            collector.stop()
        }
    }

    @Test("Cancelling the consumer's task ends its iteration at once; buffered and later events are acknowledged, dropped and counted")
    func cancelledConsumerEndsIteration() async throws {
        let capture = LogCapture()
        try await withReceiver(logger: capture.logger) { receiver, server in
            let events = receiver.events
            let consumer = Task {
                var uuids: [String] = []
                for await event in events {
                    uuids.append(event.data.eventUUID)
                    if uuids.count == 1 { try? await Task.sleep(for: .seconds(30)) }   // busy with the first
                }
                return uuids
            }
            #expect(try await HTTP.deliver(server.url, TestEnvelope.body(uuid: "first")).status == 200)
            try await eventually("the first event") { receiver.statistics.delivered == 1 }
            #expect(try await HTTP.deliver(server.url, TestEnvelope.body(uuid: "second")).status == 200)
            #expect(try await HTTP.deliver(server.url, TestEnvelope.body(uuid: "third")).status == 200)
            #expect(receiver.statistics == WebhookStatistics(delivered: 1, buffered: 2))
            consumer.cancel()
            let uuids = try await within(patience, "the cancelled consumer to end") { await consumer.value }
            #expect(uuids == ["first"])
            #expect(receiver.statistics == WebhookStatistics(delivered: 1, dropped: 2))
            let dropped = capture.records.filter { $0.contains("cancelled before it read the event") }
            #expect(dropped.count == 2)
            #expect(dropped.first?.contains("webhook.event_uuid=second") == true)
            // Later deliveries are still answered, and dropped; a dropped event is not a replay.
            #expect(try await HTTP.deliver(server.url, TestEnvelope.body(uuid: "after")).status == 200)
            #expect(try await HTTP.deliver(server.url, TestEnvelope.body(uuid: "second")).status == 200)
            #expect(receiver.statistics == WebhookStatistics(delivered: 1, dropped: 4))
        }
    }

    @Test("A consumer cancelled while it waits for an event ends at once")
    func cancelledWhileWaiting() async throws {
        try await withReceiver { receiver, _ in
            let events = receiver.events
            let consumer = Task {
                var count = 0
                for await _ in events { count += 1 }
                return count
            }
            try await Task.sleep(for: .milliseconds(50))
            consumer.cancel()
            #expect(try await within(patience, "the cancelled consumer to end") { await consumer.value } == 0)
        }
    }

    @Test("finish() ends the sequence after the buffered events")
    func finishEndsAfterTheBuffer() async throws {
        try await withReceiver { receiver, server in
            for index in 0..<3 {
                #expect(try await HTTP.deliver(server.url, TestEnvelope.body(uuid: "f\(index)")).status == 200)
            }
            receiver.finish()
            let events = receiver.events
            let uuids = try await within(patience, "the finished sequence to end") {
                var uuids: [String] = []
                for await event in events { uuids.append(event.data.eventUUID) }
                return uuids
            }
            #expect(uuids == ["f0", "f1", "f2"])
            #expect(try await HTTP.deliver(server.url, TestEnvelope.body(uuid: "late")).status == 200)
            #expect(receiver.statistics == WebhookStatistics(delivered: 3, dropped: 1))
        }
    }

    @Test("run(host:port:) reports the bound URL, serves until cancelled, then finishes the events")
    func runServesUntilCancelled() async throws {
        let receiver = makeReceiver()
        let (urls, continuation) = AsyncStream<URL>.makeStream()
        let serving = Task {
            try await receiver.run(port: 0) { url in continuation.yield(url) }
        }
        let url = try await within(patience, "the bound URL") {
            var iterator = urls.makeAsyncIterator()
            return await iterator.next()
        }
        let bound = try #require(url)
        #expect(bound.port.map { $0 > 0 } == true)
        #expect(bound.path == "/webhooks/x")
        #expect(try await HTTP.deliver(bound, TestEnvelope.body(uuid: "run")).status == 200)
        serving.cancel()
        try await within(patience, "run to return") { try await serving.value }
        let events = receiver.events
        let uuids = try await within(patience, "the events to finish") {
            var uuids: [String] = []
            for await event in events { uuids.append(event.data.eventUUID) }
            return uuids
        }
        #expect(uuids == ["run"])
        await #expect(throws: (any Error).self) { _ = try await HTTP.deliver(bound, TestEnvelope.body(uuid: "gone")) }
    }

    @Test("A port that is taken is a StartError naming the address")
    func portTaken() async throws {
        try await withReceiver { _, server in
            let second = makeReceiver()
            let error = await #expect(throws: WebhookServer.StartError.self) { _ = try await second.start(port: server.port) }
            #expect(error?.description.contains("127.0.0.1:\(server.port)") == true)
        }
    }
}
