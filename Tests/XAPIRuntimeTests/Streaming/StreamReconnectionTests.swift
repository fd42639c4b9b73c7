import Foundation
import Testing
@testable import XAPIRuntime

@Suite("Event streams: reconnection as X's handling-disconnections page asks")
struct StreamReconnectionTests {
    @Test func policyDelaysAreXs() {
        let policy = StreamReconnectionPolicy()
        #expect((1...5).map { policy.delay(after: .network, consecutive: $0) }
            == [.milliseconds(250), .milliseconds(500), .milliseconds(750), .seconds(1), .milliseconds(1250)])
        #expect(policy.delay(after: .network, consecutive: 64) == .seconds(16))
        #expect(policy.delay(after: .network, consecutive: 1000) == .seconds(16))
        #expect((1...8).map { policy.delay(after: .http, consecutive: $0) }
            == [5, 10, 20, 40, 80, 160, 320, 320].map { .seconds($0) })
        #expect((1...4).map { policy.delay(after: .rateLimited, consecutive: $0) } == [60, 120, 240, 480].map { .seconds($0) })
        var capped = policy
        capped.maximumRateLimitDelay = .seconds(300)
        #expect(capped.delay(after: .rateLimited, consecutive: 10) == .seconds(300))
    }

    /// A connection cut mid-line is made again at once, asking for the minutes since bytes
    /// last arrived; the events sent again are skipped, the cut line is not delivered half.
    @Test func dropMidLineLosesNothingAndDoublesNothing() async throws {
        let log = NoticeLog()
        let cut = String(TestEvent.line(3).prefix(25))
        let transport = StreamingTransport([
            .stream([TestEvent.line(1) + "\r\n", TestEvent.line(2) + "\r\n", cut], then: .fail),
            .lines([TestEvent.line(2), TestEvent.line(3), TestEvent.line(4)], then: .hang),
        ])
        let events = try await firstEvents(4, of: try testStream(transport, log: log))
        #expect(events == ["1", "2", "3", "4"])
        #expect(log.duplicates == ["2"])
        #expect(transport.requests.count == 2)
        #expect(transport.requests[0].query["backfill_minutes"] == nil)
        #expect(transport.requests[1].query["backfill_minutes"] == "1")
        let reconnect = try #require(log.reconnects.first)
        #expect(reconnect.delay == .zero)
        #expect(reconnect.backfillMinutes == 1)
        #expect(reconnect.failedAttempts == 0)
        #expect(log.malformed.isEmpty)
    }

    /// A 503 backs off from 5 s, a 429 from a minute (and no earlier than its reset), a
    /// network error linearly; a connection that comes up resets the count.
    @Test func backoffDuring503And429AndNetworkErrors() async throws {
        let clock = VirtualClock()
        let log = NoticeLog()
        let reset = Int(clock.now.timeIntervalSince1970) + 200
        let limited = Reply.problem(#"{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank"}"#, status: 429,
                                    headers: [("x-rate-limit-limit", "50"), ("x-rate-limit-remaining", "0"), ("x-rate-limit-reset", "\(reset)")])
        let unavailable = Reply.problem(#"{"title":"Service Unavailable","type":"about:blank"}"#, status: 503)
        let transport = StreamingTransport([
            .lines([TestEvent.line(1)], then: .end),
            .reply(unavailable),
            .reply(unavailable),
            .reply(limited),
            .networkError,
            .networkError,
            .lines([TestEvent.line(2)], then: .end),
            .reply(unavailable),
            .lines([TestEvent.line(3)], then: .hang),
        ])
        let events = try await firstEvents(3, of: try testStream(transport, clock: clock, log: log))
        #expect(events == ["1", "2", "3"])
        #expect(log.reconnects.map(\.delay) == [
            .zero, .seconds(5), .seconds(10),
            .seconds(185),                             // the 429's reset (200 s after the start, 15 s of waits ago) is later than a minute
            .milliseconds(250), .milliseconds(500),
            .zero, .seconds(5),
        ])
        #expect(clock.sleeps == [.seconds(5), .seconds(10), .seconds(185), .milliseconds(250), .milliseconds(500), .seconds(5)])
        #expect(log.reconnects.map(\.failedAttempts) == [0, 1, 2, 1, 1, 2, 0, 1])
    }

    /// Refusals that waiting cannot fix end the stream at once.
    @Test(arguments: [
        (402, #"{"title":"Payment Required","detail":"credits depleted","type":"https://api.x.com/2/problems/credits-depleted"}"#, XAPIError.Code.creditsDepleted),
        (429, #"{"title":"UsageCapExceeded","period":"Monthly","scope":"Product","detail":"Usage cap exceeded: Monthly product cap","type":"https://api.twitter.com/2/problems/usage-capped"}"#, .usageCapped),
        (401, #"{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}"#, .http),
        (403, #"{"title":"Forbidden","type":"about:blank","status":403,"detail":"Forbidden"}"#, .http),
    ])
    func finalRefusalsAreNotRetried(status: Int, body: String, code: XAPIError.Code) async throws {
        let clock = VirtualClock()
        let transport = StreamingTransport([.reply(.problem(body, status: status, headers: [
            ("x-rate-limit-limit", "50"), ("x-rate-limit-remaining", "49"), ("x-rate-limit-reset", "1700000900"),
        ])), .lines([TestEvent.line(1)], then: .hang)])
        let stream = try testStream(transport, clock: clock)
        let error = await #expect(throws: XAPIError.self) {
            for try await _ in stream {}
        }
        #expect(error?.code == code)
        #expect(error?.status == status)
        #expect(transport.requests.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func givesUpAfterTheMaximumAttempts() async throws {
        let transport = StreamingTransport([.networkError, .networkError, .networkError, .lines([TestEvent.line(1)])])
        let stream = try testStream(transport) { $0.reconnection.maximumAttempts = 3 }
        let error = await #expect(throws: XAPIError.self) {
            for try await _ in stream {}
        }
        #expect(error?.code == .transport)
        #expect(error?.message.contains("gave up after 3 failed attempt(s)") == true)
        #expect(transport.requests.count == 3)
    }

    /// A connection that goes silent past the stall timeout is dropped and made again.
    @Test func stalledConnectionIsMadeAgain() async throws {
        let log = NoticeLog()
        let transport = StreamingTransport([
            .lines([TestEvent.line(1)], then: .hang),
            .lines([TestEvent.line(2)], then: .hang),
        ])
        let events = try await firstEvents(2, of: try testStream(transport, log: log) { $0.stallTimeout = .milliseconds(200) })
        #expect(events == ["1", "2"])
        #expect(transport.closed >= 1)
        let reasons = log.notices.compactMap { if case .disconnected(_, let reason) = $0 { reason } else { nil } }
        #expect(reasons.first == .stalled(.milliseconds(200)))
    }

    /// The backfill asked for covers the time since bytes last arrived, within the
    /// parameter's maximum.
    @Test func backfillCoversTheGapWithinTheMaximum() async throws {
        let clock = VirtualClock()
        let transport = StreamingTransport([
            .lines([TestEvent.line(1)], then: .fail),
            .reply(.problem(#"{"title":"Service Unavailable"}"#, status: 503)),
            .reply(.problem(#"{"title":"Service Unavailable"}"#, status: 503)),
            .reply(.problem(#"{"title":"Service Unavailable"}"#, status: 503)),
            .reply(.problem(#"{"title":"Service Unavailable"}"#, status: 503)),
            .lines([TestEvent.line(2)], then: .hang),
        ])
        let events = try await firstEvents(2, of: try testStream(transport, clock: clock))
        #expect(events == ["1", "2"])
        // 0 s, then 5 + 10 + 20 + 40 s of waits: 75 s after the cut, 2 minutes; the last asks for 2.
        #expect(transport.requests.dropFirst().map { $0.query["backfill_minutes"] } == ["1", "1", "1", "1", "2"])
        let capped = StreamingTransport([
            .lines([TestEvent.line(1)], then: .fail),
            .reply(.problem(#"{"title":"Too Many Requests"}"#, status: 429)),
            .lines([TestEvent.line(2)], then: .hang),
        ])
        _ = try await firstEvents(2, of: try testStream(capped, clock: VirtualClock()) { $0.reconnection.initialRateLimitDelay = .seconds(600) })
        #expect(capped.requests.last?.query["backfill_minutes"] == "5")
    }
}
