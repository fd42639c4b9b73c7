import Foundation
import Testing
@testable import XAPIRuntime

@Suite("Event streams: lines, keep-alives and malformed lines")
struct EventStreamTests {
    static let body = [
        TestEvent.line(1), "", TestEvent.line(2), "", "", TestEvent.line(3, type: "follow.unfollow"),
    ].map { $0 + "\r\n" }.joined()

    /// The same bytes cut into two chunks at every position, and into single bytes, give the
    /// same events.
    @Test func splitAtEveryPosition() async throws {
        let bytes = Array(Self.body.utf8)
        var cuts: [[String]] = (0...bytes.count).map { cut in
            [String(decoding: bytes[..<cut], as: UTF8.self), String(decoding: bytes[cut...], as: UTF8.self)]
        }
        cuts.append(bytes.map { String(decoding: [$0], as: UTF8.self) })
        for chunks in cuts {
            let transport = StreamingTransport([.stream(chunks, then: .hang)])
            let events = try await firstEvents(3, of: try testStream(transport))
            #expect(events == ["1", "2", "3"], "chunks \(chunks.map(\.count))")
        }
    }

    @Test func lineSplitterKeepsOffsetsAcrossChunks() throws {
        var splitter = StreamLineSplitter(maximumLineBytes: 100)
        var lines = try splitter.append(ArraySlice("ab\r".utf8))
        #expect(lines.isEmpty)
        lines = try splitter.append(ArraySlice("\n\r\ncd\nef".utf8))
        #expect(lines.map { String(decoding: $0.bytes, as: UTF8.self) } == ["ab", "", "cd"])
        #expect(lines.map(\.byteOffset) == [0, 4, 6])
        #expect(lines.map(\.number) == [1, 2, 3])
        #expect(lines[1].isKeepAlive)
        #expect(splitter.hasPartialLine)
    }

    @Test func malformedLineIsReportedWithItsPlaceAndSkipped() async throws {
        let log = NoticeLog()
        let transport = StreamingTransport([.lines([
            TestEvent.line(1), "", #"{"data":{"event_uuid":7}}"#, "not json", TestEvent.line(2),
        ], then: .hang)])
        let events = try await firstEvents(2, of: try testStream(transport, log: log))
        #expect(events == ["1", "2"])
        let errors = log.malformed
        try #require(errors.count == 2)
        #expect(errors[0].connection == 1)
        #expect(errors[0].line == 3)
        #expect(errors[0].byteOffset == TestEvent.line(1).utf8.count + 4)
        #expect(errors[0].decodingPath == "data.event_uuid")
        #expect(errors[1].line == 4)
        #expect(errors[1].excerpt == "not json")
        #expect(errors[0].description.hasPrefix("Line 3 of connection 1 (byte \(TestEvent.line(1).utf8.count + 4)) is not an event: at data.event_uuid"))
    }

    @Test func malformedLineEndsTheStreamWhenAsked() async throws {
        let transport = StreamingTransport([.lines([TestEvent.line(1), "{", TestEvent.line(2)], then: .hang)])
        let stream = try testStream(transport) { $0.malformedLines = .fail }
        var delivered: [String] = []
        let error = await #expect(throws: XAPIError.self) {
            for try await event in stream { delivered.append(event.data.eventUuid) }
        }
        #expect(delivered == ["1"])
        #expect(error?.code == .decoding)
        #expect(error?.underlyingError is StreamLineError)
        #expect(transport.requests.count == 1)
    }

    @Test func tooLongLineIsMalformedAndTheConnectionIsMadeAgain() async throws {
        let log = NoticeLog()
        let transport = StreamingTransport([
            .lines([String(repeating: "x", count: 300), TestEvent.line(1)], then: .hang),
            .lines([TestEvent.line(2)], then: .hang),
        ])
        let events = try await firstEvents(1, of: try testStream(transport, log: log) { $0.maximumLineBytes = 256 })
        #expect(events == ["2"])
        #expect(log.malformed.first?.reason.contains("longer than 256 bytes") == true)
    }

    /// X's in-stream message (`operational-disconnect`) is told, not delivered.
    @Test func serverMessageIsNotAnEvent() async throws {
        let log = NoticeLog()
        let message = #"{"errors":[{"title":"operational-disconnect","disconnect_type":"UpstreamOperationalDisconnect","detail":"This stream has been disconnected upstream for operational reasons.","type":"https://api.x.com/2/problems/operational-disconnect"}]}"#
        let transport = StreamingTransport([.lines([message, TestEvent.line(1)], then: .hang)])
        let events = try await firstEvents(1, of: try testStream(transport, log: log))
        #expect(events == ["1"])
        let problems = log.notices.compactMap { if case .serverMessage(let problems) = $0 { problems } else { nil } }
        #expect(problems.first?.first?.title == "operational-disconnect")
        #expect(log.malformed.isEmpty)
    }

    /// Cancelling the consuming task ends iteration cleanly and closes the connection.
    @Test func cancellationClosesTheConnection() async throws {
        let transport = StreamingTransport([.lines([TestEvent.line(1)], then: .hang)])
        let stream = try testStream(transport)
        let received = NoticeLog()
        let task = Task {
            var count = 0
            for try await _ in stream {
                count += 1
                received.record(.duplicateSkipped(eventID: "seen"))
            }
            return count
        }
        try await waitUntil { received.notices.count == 1 }
        task.cancel()
        let count = try await task.value
        #expect(count == 1)
        try await waitUntil { transport.closed == 1 }
        #expect(transport.requests.count == 1)
    }

    /// Leaving the loop drops the iterator, which closes the connection too.
    @Test func leavingTheLoopClosesTheConnection() async throws {
        let transport = StreamingTransport([.lines([TestEvent.line(1), TestEvent.line(2)], then: .hang)])
        let events = try await firstEvents(1, of: try testStream(transport))
        #expect(events == ["1"])
        try await waitUntil { transport.closed == 1 }
    }
}

/// Waits until `condition` holds, failing after a time limit instead of hanging.
func waitUntil(within seconds: Double = 60, _ condition: @Sendable () -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while !condition() {
        guard ContinuousClock.now < deadline else { throw TimeLimitExceeded() }
        try await Task.sleep(for: .milliseconds(10))
    }
}
