import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import XAPILoopback

@Suite("Loopback redirect receiver", .timeLimit(.minutes(3)))
struct LoopbackRedirectReceiverTests {
    /// A browser's GET: the status and the page.
    func get(_ url: URL) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test("It listens on 127.0.0.1, ignores other paths, hands back the one redirect with its query, and answers the browser")
    func receivesOneRedirect() async throws {
        let receiver = try await LoopbackRedirectReceiver.start(path: "/callback")
        #expect(receiver.redirectURI.absoluteString == "http://127.0.0.1:\(receiver.port)/callback")
        #expect(receiver.port > 0)
        async let waited = receiver.redirect(timeout: .seconds(30))
        let (favicon, _) = try await get(URL(string: "http://127.0.0.1:\(receiver.port)/favicon.ico")!)
        #expect(favicon == 404)
        let (status, page) = try await get(URL(string: receiver.redirectURI.absoluteString + "?state=abc&code=xyz%20z")!)
        #expect(status == 200)
        #expect(page.contains("You can close this window"))
        let url = try await waited
        #expect(url.absoluteString == "http://127.0.0.1:\(receiver.port)/callback?state=abc&code=xyz%20z")
        // It stopped listening once the redirect came.
        await #expect(throws: (any Error).self) { _ = try await get(receiver.redirectURI) }
    }

    @Test("A second redirect before it stops gets 410, and the first one wins")
    func onlyTheFirstCounts() async throws {
        let receiver = try await LoopbackRedirectReceiver.start(path: "cb")
        let (first, _) = try await get(URL(string: receiver.redirectURI.absoluteString + "?n=1")!)
        let (second, _) = try await get(URL(string: receiver.redirectURI.absoluteString + "?n=2")!)
        #expect(first == 200 && second == 410)
        #expect(try await receiver.redirect(timeout: .seconds(5)).query == "n=1")
    }

    @Test("Without a redirect it times out, and stops listening")
    func timesOut() async throws {
        let receiver = try await LoopbackRedirectReceiver.start()
        await #expect(throws: LoopbackRedirectReceiver.Failure.timedOut(.milliseconds(200))) {
            try await receiver.redirect(timeout: .milliseconds(200))
        }
        await #expect(throws: (any Error).self) { _ = try await get(receiver.redirectURI) }
    }

    @Test("A port that is taken is a clear error; stopping ends a wait")
    func portTakenAndStop() async throws {
        let first = try await LoopbackRedirectReceiver.start()
        await #expect(throws: LoopbackRedirectReceiver.Failure.self) {
            _ = try await LoopbackRedirectReceiver.start(port: first.port)
        }
        let waiting = Task { try await first.redirect(timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(50))
        await first.stop()
        await #expect(throws: LoopbackRedirectReceiver.Failure.stopped) { try await waiting.value }
    }
}
