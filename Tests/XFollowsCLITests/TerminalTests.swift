import Foundation
import Logging
import Testing
import XFollows
@testable import XFollowsCLI

@Suite("Progress line, countdown and the verbose log", .timeLimit(.minutes(3)))
struct TerminalTests {
    @Test("Drawn in place on a terminal, cut to its width, ended cleanly with a final line")
    func progressLine() {
        let captured = TextOutput.capturing(isTerminal: true, columns: 30)
        let line = ProgressLine(output: captured.output)
        line.draw("short")
        line.draw("short")
        line.draw("a much longer line than thirty columns allow")
        line.finish("Done.")
        line.draw("after the end")
        #expect(captured.text() == "\rshort\u{1B}[K\ra much longer line than thir…\u{1B}[K\r\u{1B}[KDone.\n")
    }

    @Test("Nothing at all when the stream is not a terminal")
    func quietOtherwise() {
        let captured = TextOutput.capturing(isTerminal: false)
        let line = ProgressLine(output: captured.output)
        line.draw("x")
        line.clear()
        line.finish("Done.")
        #expect(captured.text().isEmpty)
    }

    @Test("Counts of the total, the rate, and a countdown while a 429 is waited out")
    func countProgress() async throws {
        let now = LockedValue(Date(timeIntervalSince1970: 1_000))
        let monitor = WaitMonitor(now: { now.current })
        let progress = CountProgress(line: ProgressLine(output: TextOutput.capturing().output), monitor: monitor,
                                     phrase: "followers of @XDevelopers", total: 104_321, count: 2000, now: { now.current })
        now.update { $0 = $0.addingTimeInterval(2) }
        progress.record(count: 12_000)
        #expect(progress.text() == "followers of @XDevelopers: 12,000 of 104,321 (11%) · 5,000 users/s")

        let clock = monitor.clock(base: ClientClock(now: { now.current }, sleep: { _ in
            try await Task.sleep(for: .seconds(30))
        }))
        let rateLimited = try await monitor.middleware.intercept(
            .init(method: .get, scheme: nil, authority: nil, path: "/"), body: nil, baseURL: URL(string: "http://x")!, operationID: "op"
        ) { _, _, _ in (.init(status: .tooManyRequests), nil) }
        #expect(rateLimited.0.status.code == 429)
        let waiting = Task { try await clock.sleep(.seconds(271)) }
        try await Task.sleep(for: .milliseconds(100))
        #expect(progress.text().hasPrefix("followers of @XDevelopers: 12,000 of 104,321 (11%) · rate limited, resuming at "))
        #expect(progress.text().hasSuffix("(4:31)"))
        waiting.cancel()
        _ = await waiting.result
        #expect(monitor.currentWait == nil)
    }

    @Test("--verbose lines: method, path, status and the rate-limit headers; header dumps skipped")
    func verboseLines() {
        let metadata: Logger.Metadata = ["http.method": "GET", "http.path": "/2/users/1/followers?max_results=1000", "http.status": "200"]
        #expect(StandardErrorLogHandler.line(for: "Received response", level: .debug, metadata: metadata)
            == "GET /2/users/1/followers?max_results=1000 → 200")
        #expect(StandardErrorLogHandler.line(for: "Request headers", level: .trace,
                                             metadata: ["http.headers": "authorization: <redacted>"]) == nil)
        // The limits as the runtime logs them with the response's headers.
        var headers: Logger.Metadata = ["http.headers": "content-type: application/json"]
        headers.merge(RateLimitStatus(limit: 15, remaining: 14, reset: Date(timeIntervalSince1970: 1_700_000_000)).metadata(.rateLimit)) { $1 }
        let limits = StandardErrorLogHandler.line(for: "Response headers", level: .trace, metadata: headers)
        #expect(limits?.hasPrefix("  rate limit 14/15 left, resets ") == true)
        #expect(StandardErrorLogHandler.line(for: "Response headers", level: .trace, metadata: ["http.headers": "content-type: x"]) == nil)
        #expect(StandardErrorLogHandler.line(for: "Waiting for the rate limit to reset", level: .debug,
                                             metadata: ["xapi.delay": "12 seconds", "http.method": "GET", "http.path": "/p"])
            == "Waiting for the rate limit to reset (GET /p) [xapi.delay=12 seconds]")
    }
}

@Suite("Failures: one line, the right exit status", .timeLimit(.minutes(3)))
struct FailurePresenterTests {
    let presenter = FailurePresenter(server: try! ServerTarget(parsing: "http://127.0.0.1:8080"))

    @Test("Limits stop resumably, refused credentials say to log in, an unreachable sandbox says so")
    func mapping() {
        let reset = Date().addingTimeInterval(300)
        let limited = presenter.failure(for: XAPIError(code: .rateLimited, operationID: "usersIdFollowers", message: "Too Many Requests",
                                                       status: 429, retryAfter: reset), resumeHint: "run it again with --resume")
        #expect(limited.status == .stopped)
        #expect(limited.message == "Rate limited until \(Formatting.time(reset)) (usersIdFollowers, HTTP 429); run it again with --resume then.")
        let ended = presenter.failure(for: XAPIError(code: .reauthorizationRequired, operationID: "oauth2Session", message: "The session was revoked."))
        #expect(ended.status == .notLoggedIn && ended.message.hasSuffix("Run `xfollows login`."))
        let refused = presenter.failure(for: XAPIError(code: .http, operationID: "getUsersMe", message: "Unauthorized", status: 401))
        #expect(refused.status == .notLoggedIn && refused.message.contains("xfollows login"))
        let down = presenter.failure(for: XAPIError(code: .transport, operationID: "getUsersMe", message: "Connection refused"))
        #expect(down.status == .failure && down.message.contains("x-sandbox"))
        #expect(presenter.failure(for: CancellationError(), resumeHint: "use --resume").message == "Interrupted; use --resume.")
        #expect(presenter.failure(for: CancellationError()).status == .interrupted)
    }
}
