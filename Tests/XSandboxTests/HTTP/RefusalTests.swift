import Foundation
import Testing
@testable import XSandbox

/// Requests refused below the router: each gets X's problem JSON with the right status and a
/// detail that says what is wrong, then the connection closes.
@Suite("HTTP refusals", .timeLimit(.minutes(3)))
struct RefusalTests {
    /// A request that must be refused, and how.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: @Sendable (_ port: Int) -> [UInt8]
        var status: Int
        var detail: String

        var testDescription: String { name }
    }

    static func text(_ text: String) -> @Sendable (Int) -> [UInt8] { { _ in Array(text.utf8) } }

    static let post = "POST /2/users/1354143047324299264/following HTTP/1.1\r\nHost: x\r\n"

    static let cases: [Case] = [
        Case(name: "a bare CR in a header value", bytes: text("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n"),
             status: 400, detail: "CRLF"),
        Case(name: "a NUL in a header value", bytes: text("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u{0}b\r\n\r\n"),
             status: 400, detail: "a NUL"),
        Case(name: "a raw 0xFF in the path",
             bytes: { _ in Array("GET /2/users/".utf8) + [0xFF] + Array("/followers HTTP/1.1\r\nHost: x\r\n\r\n".utf8) },
             status: 400, detail: "not allowed in a URL"),
        Case(name: "a 100 KB URL", bytes: text("GET /" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
             status: 414, detail: "longer than 8192 bytes"),
        Case(name: "a URL one byte over the limit",
             bytes: text("GET /" + String(repeating: "a", count: 8192) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
             status: 414, detail: "longer than 8192 bytes"),
        Case(name: "header fields over the limit, each small",
             bytes: text("GET / HTTP/1.1\r\nHost: x\r\n" + (0..<40).map { "X-F\($0): " + String(repeating: "v", count: 500) + "\r\n" }.joined() + "\r\n"),
             status: 431, detail: "more than 16384 bytes"),
        Case(name: "one header field of 100 KB",
             bytes: text("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "v", count: 100_000) + "\r\n\r\n"),
             status: 431, detail: "more than 16384 bytes"),
        Case(name: "more than 1,000 header fields",
             bytes: text("GET / HTTP/1.1\r\nHost: x\r\n" + (0..<1_001).map { "X\($0): 1\r\n" }.joined() + "\r\n"),
             status: 431, detail: "number more than 1000"),
        Case(name: "Content-Length with Transfer-Encoding",
             bytes: text(post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
             status: 400, detail: "comes with a Content-Length"),
        Case(name: "Transfer-Encoding with Content-Length",
             bytes: text(post + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n"),
             status: 400, detail: "Content-Length"),
        Case(name: "an invalid chunk size (not a 413)",
             bytes: text(post + "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"),
             status: 400, detail: "invalid chunk size"),
        Case(name: "a body over 64 KiB",
             bytes: text(post + "Content-Length: 70000\r\n\r\n" + String(repeating: " ", count: 70_000)),
             status: 413, detail: "longer than 65536 bytes"),
        Case(name: "an HTTP/2.0 request line", bytes: text("GET / HTTP/2.0\r\nHost: x\r\n\r\n"),
             status: 505, detail: "HTTP/1.0 and HTTP/1.1"),
        Case(name: "an unknown method", bytes: text("BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n"),
             status: 400, detail: "not a known HTTP method"),
    ]

    @Test("Each malformed or oversized request is answered with problem JSON and the connection closed",
          arguments: cases)
    func refused(_ refusal: Case) async throws {
        try await withSandbox { server in
            let connection = try await RawConnection.open(port: server.port)
            try await connection.send(refusal.bytes(server.port))
            let response = try await connection.response()
            #expect(response.status == refusal.status)
            #expect(response.header("content-type") == "application/problem+json")
            #expect(response.header("connection") == "close")
            #expect(response.object["status"] as? Int == refusal.status)
            #expect(response.object["type"] as? String == "about:blank")
            #expect(response.object["title"] as? String == HTTPRefusalTitle.of(refusal.status))
            let detail = response.object["detail"] as? String ?? ""
            #expect(detail.contains(refusal.detail), "\(detail)")
            #expect(await connection.waitForClose())
        }
    }

    @Test("A refusal waits for the answers owed before it: a good request then a bad one in one write")
    func refusalAfterOwedAnswer() async throws {
        try await withSandbox { server in
            let connection = try await RawConnection.open(port: server.port)
            let good = server.rawRequest("/2/users/\(SandboxAccounts.bob)/followers?max_results=1")
            try await connection.send(good + "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u{0}b\r\n\r\n")
            let first = try await connection.response()
            #expect(first.status == 200 && first.header("connection") == nil)
            let second = try await connection.response()
            #expect(second.status == 400 && second.header("content-type") == "application/problem+json")
            #expect(await connection.waitForClose())
        }
    }

    @Test("Smaller caps from the configuration are the ones enforced and reported")
    func configuredCaps() async throws {
        var limits = SandboxHTTPLimits.standard
        limits.maximumURLLength = 100
        limits.maximumHeaderSize = 300
        try await withSandbox(limits) { server in
            let longURL = try await RawConnection.open(port: server.port)
            try await longURL.send(server.rawRequest("/2/users/\(SandboxAccounts.bob)/followers?x=" + String(repeating: "1", count: 80)))
            let tooLong = try await longURL.response()
            #expect(tooLong.status == 414)
            #expect((tooLong.object["detail"] as? String)?.contains("longer than 100 bytes") == true)

            let bigHeaders = try await RawConnection.open(port: server.port)
            try await bigHeaders.send(server.rawRequest("/2/users/\(SandboxAccounts.bob)/followers",
                                                        headers: ["X-Padding: " + String(repeating: "p", count: 200)]))
            #expect(try await bigHeaders.response().status == 431)

            let fits = try await RawConnection.open(port: server.port)
            try await fits.send(server.rawRequest("/2/users/\(SandboxAccounts.bob)/followers"))
            #expect(try await fits.response().status == 200)
            await fits.close()
        }
    }
}

/// The titles X's `about:blank` problems use, by status.
enum HTTPRefusalTitle {
    static func of(_ status: Int) -> String {
        [400: "Bad Request", 408: "Request Timeout", 413: "Content Too Large", 414: "URI Too Long",
         431: "Request Header Fields Too Large", 505: "HTTP Version Not Supported"][status] ?? "?"
    }
}
