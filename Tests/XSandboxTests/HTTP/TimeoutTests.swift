import Foundation
import Testing
@testable import XSandbox

/// A connection that stops half way is not held open: the header and body deadlines answer
/// 408 and close, an idle connection is closed. The deadlines are short here; the assertions
/// only bound them loosely, they time nothing. A test task can be held up for seconds on a
/// loaded machine (the other suites keep both cores busy), so each test lets only the deadline
/// it checks be short, and measures lower bounds from before the server's clock starts.
///
/// A trickle (a byte every 50 ms, never the whole head or body) goes on for ``trickle``, fifty
/// times the 0.4 s deadline, and the server must answer while it still goes on: a server that
/// restarted the deadline on every byte never would, since no 0.4 s passes without a byte. No
/// clock bounds the answer more tightly than that, so a loaded machine cannot fail the test.
@Suite("HTTP timeouts", .timeLimit(.minutes(3)))
struct TimeoutTests {
    static let limits = SandboxHTTPLimits(idleTimeout: .seconds(60), headerTimeout: .milliseconds(400),
                                          bodyTimeout: .milliseconds(400))
    static let idleLimits = SandboxHTTPLimits(idleTimeout: .milliseconds(600))
    /// How long a trickle goes on unless the server answers first.
    static let trickle = Duration.seconds(20)
    /// More bytes than a trickle sends in ``trickle`` (one every 50 ms), so it never completes
    /// a head or a body.
    static let trickleBytes = 600

    /// Asserts the next response is a 408 problem about `part`, then that the connection closes.
    private func expectTimeout(_ connection: RawConnection, part: String) async throws {
        let response = try await connection.response()
        #expect(response.status == 408)
        #expect(response.header("content-type") == "application/problem+json")
        #expect((response.object["detail"] as? String)?.contains("\(part) did not arrive within 0.4 s") == true,
                "\(response.object)")
        #expect(await connection.waitForClose())
    }

    /// Sends `bytes` one every 50 ms until the server answers or closes, or ``trickle`` has
    /// passed; answers how long after `start` the server did, or `nil` if it did not.
    private func trickle(_ bytes: [UInt8], to connection: RawConnection,
                         from start: ContinuousClock.Instant) async throws -> Duration? {
        var remaining = bytes[...]
        while ContinuousClock.now - start < Self.trickle {
            if !connection.receivedBytes.isEmpty || connection.isClosed { return ContinuousClock.now - start }
            if let byte = remaining.popFirst() { try? await connection.send([byte]) }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    /// Asserts the server answered a trickle while it still went on.
    private func expectAnsweredDuringTrickle(_ answered: Duration?, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(answered != nil,
                "no answer in the trickle's \(Self.trickle) of a byte every 50 ms: each byte reset the 0.4 s deadline",
                sourceLocation: sourceLocation)
    }

    @Test("Half a request line and headers, then nothing: 408 after the header timeout, then closed")
    func halfAHead() async throws {
        try await withSandbox(Self.limits) { server in
            let connection = try await RawConnection.open(port: server.port)
            let start = ContinuousClock.now
            try await connection.send("GET /2/users/\(SandboxAccounts.bob)/followers HTTP/1.1\r\nHost: x\r\n")
            try await expectTimeout(connection, part: "header fields")
            #expect(ContinuousClock.now - start >= .milliseconds(350))
        }
    }

    @Test("A head sent a byte at a time still meets the header deadline: the deadline is not reset by each byte")
    func trickledHead() async throws {
        try await withSandbox(Self.limits) { server in
            let connection = try await RawConnection.open(port: server.port)
            // Longer than the trickle can send, so the head never ends.
            let padding = "X-Trickle: " + String(repeating: "a", count: Self.trickleBytes)
            let request = Array(server.rawRequest("/2/users/\(SandboxAccounts.bob)/followers", headers: [padding]).utf8)
            let start = ContinuousClock.now  // before the first byte starts the server's clock
            let answered = try await trickle(request, to: connection, from: start)
            try await expectTimeout(connection, part: "header fields")
            expectAnsweredDuringTrickle(answered)
        }
    }

    @Test("A body that stops short of its Content-Length: 408 after the body timeout, then closed")
    func stalledBody() async throws {
        try await withSandbox(Self.limits) { server in
            let connection = try await RawConnection.open(port: server.port)
            try await connection.send(server.rawRequest("/2/users/\(SandboxAccounts.alice)/following", method: "POST",
                                                        headers: ["Content-Type: application/json", "Content-Length: 60"])
                                      + "{\"target_user_id\":")
            try await expectTimeout(connection, part: "body")
        }
    }

    @Test("A body sent a byte at a time meets the body deadline: the deadline is not reset by each byte")
    func trickledBody() async throws {
        try await withSandbox(Self.limits) { server in
            let connection = try await RawConnection.open(port: server.port)
            let start = ContinuousClock.now  // before the head starts the server's body clock
            // Longer than the trickle can send, so the body never ends.
            try await connection.send(server.rawRequest("/2/users/\(SandboxAccounts.alice)/following", method: "POST",
                                                        headers: ["Content-Type: application/json",
                                                                  "Content-Length: \(Self.trickleBytes)"]))
            let answered = try await trickle(Array(String(repeating: " ", count: Self.trickleBytes).utf8),
                                             to: connection, from: start)
            try await expectTimeout(connection, part: "body")
            expectAnsweredDuringTrickle(answered)
        }
    }

    @Test("A connection that sends nothing is closed after the idle timeout, without an answer")
    func idleConnection() async throws {
        try await withSandbox(Self.idleLimits) { server in
            let start = ContinuousClock.now  // before the server can start its clock
            let connection = try await RawConnection.open(port: server.port)
            #expect(await connection.waitForClose())
            #expect(ContinuousClock.now - start >= .milliseconds(590))
            #expect(connection.receivedBytes.isEmpty)
        }
    }

    @Test("A keep-alive connection stays open for the idle timeout after its last answer, then is closed")
    func idleAfterAnswer() async throws {
        try await withSandbox(Self.idleLimits) { server in
            let lastSent = ContinuousClock.now  // before the server's idle clock starts
            let connection = try await RawConnection.open(
                port: server.port, sending: server.rawRequest("/2/users/\(SandboxAccounts.bob)/followers?max_results=1"))
            let response = try await connection.response()
            #expect(response.status == 200 && response.header("connection") == nil)
            let answered = connection.receivedBytes.count
            #expect(await connection.waitForClose())
            #expect(ContinuousClock.now - lastSent >= .milliseconds(590))
            #expect(connection.receivedBytes.count == answered)
        }
    }

    @Test("The default limits are bounded and sane")
    func defaults() {
        let standard = SandboxHTTPLimits.standard
        #expect(standard.headerTimeout == .seconds(10) && standard.bodyTimeout == .seconds(10))
        #expect(standard.idleTimeout == .seconds(60))
        #expect(standard.maximumURLLength == 8192 && standard.maximumHeaderSize == 16384)
        #expect(SandboxConfiguration().http == standard)
    }
}
