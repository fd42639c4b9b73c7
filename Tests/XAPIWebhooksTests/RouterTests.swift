import Foundation
import Hummingbird
import Logging
import Testing
import XAPIWebhooks

@Suite("Webhook routes on an application of one's own", .timeLimit(.minutes(3)))
struct RouterTests {
    @Test("addRoutes(to:) mounts GET and POST of the path on a user's router group, beside its own routes")
    func mountsOnAUsersRouter() async throws {
        let receiver = makeReceiver(WebhookReceiverConfiguration(path: "x-activity"))
        #expect(receiver.configuration.path == "/x-activity")
        let router = Router()
        router.get("/health") { _, _ in "ok" }
        receiver.addRoutes(to: router.group("/hooks"))
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: quiet
        )
        let serving = Task { try await application.runService() }
        defer { serving.cancel() }
        let port = try await within(patience, "the application to listen") {
            var iterator = ports.makeAsyncIterator()
            return await iterator.next() ?? 0
        }
        let base = "http://127.0.0.1:\(port)"
        #expect(try await HTTP.get(URL(string: base + "/health")!).status == 200)
        let crc = try await HTTP.get(URL(string: base + "/hooks/x-activity?crc_token=bWFkZS11cCBjaGFsbGVuZ2U")!)
        #expect(crc.object["response_token"] == CRCTests.pythonAnswer)
        let collector = Collector(receiver.events)
        #expect(try await HTTP.deliver(URL(string: base + "/hooks/x-activity")!, TestEnvelope.body(uuid: "mounted")).status == 200)
        try await collector.wait(for: 1)
        #expect(collector.uuids == ["mounted"])
        collector.stop()
    }
}
