import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import XFollows
@testable import XSandbox

/// Starts a sandbox without limits for one test and shuts it down after.
func withSandbox<T>(
    _ http: SandboxHTTPLimits = .standard, _ body: (SandboxServer) async throws -> T
) async throws -> T {
    let server = try await SandboxServer.start(SandboxConfiguration(limits: .unlimited, http: http))
    do {
        let result = try await body(server)
        await server.shutdown()
        return result
    } catch {
        await server.shutdown()
        throw error
    }
}

extension SandboxServer {
    /// A request for `path` with the App's bearer token, as raw request text.
    func rawRequest(_ path: String, method: String = "GET", version: String = "HTTP/1.1", headers: [String] = []) -> String {
        let lines = ["\(method) \(path) \(version)", "Host: 127.0.0.1:\(port)", "Authorization: Bearer \(credentials.bearerToken)"]
            + headers
        return lines.joined(separator: "\r\n") + "\r\n\r\n"
    }
}

@Suite("HTTP persistence")
struct PersistenceTests {
    let followers = "/2/users/\(SandboxAccounts.carol)/followers?max_results=2"

    @Test("An HTTP/1.0 request gets its answer, Connection: close, and the connection closed (ab does not hang)")
    func http10Closes() async throws {
        try await withSandbox { server in
            let connection = try await RawConnection.open(port: server.port)
            try await connection.send(server.rawRequest(followers, version: "HTTP/1.0", headers: ["User-Agent: ApacheBench/2.3"]))
            let response = try await connection.response()
            #expect(response.status == 200)
            #expect(response.header("connection") == "close")
            #expect((response.object["data"] as? [Any])?.count == 2)
            #expect(await connection.waitForClose())
        }
    }

    @Test("Connection: close in any case or list is honoured, and a request pipelined after it is not read",
          arguments: ["Connection: close", "Connection: Close", "connection: keep-alive, close"])
    func connectionClose(header: String) async throws {
        try await withSandbox { server in
            let connection = try await RawConnection.open(port: server.port)
            try await connection.send(server.rawRequest(followers, headers: [header]) + server.rawRequest(followers))
            let response = try await connection.response()
            #expect(response.status == 200)
            #expect(response.header("connection") == "close")
            #expect(await connection.waitForClose())
            #expect(RawHTTPResponse.parse(connection.receivedBytes[...])?.1 == connection.receivedBytes.count)
        }
    }

    @Test("HTTP/1.0 with Connection: keep-alive keeps the connection and says so, as ab -k expects")
    func http10KeepAlive() async throws {
        try await withSandbox { server in
            let connection = try await RawConnection.open(port: server.port)
            for _ in 0..<3 {
                try await connection.send(server.rawRequest(followers, version: "HTTP/1.0", headers: ["Connection: Keep-Alive"]))
                let response = try await connection.response()
                #expect(response.status == 200)
                #expect(response.header("connection") == "keep-alive")
            }
            #expect(!connection.isClosed)
            await connection.close()
        }
    }

    @Test("HTTP/1.1 keeps the connection: pipelined requests are answered in order on one connection")
    func pipelining() async throws {
        try await withSandbox { server in
            let connection = try await RawConnection.open(port: server.port)
            try await connection.send(server.rawRequest(followers) + server.rawRequest("/2/users/1/likes")
                                      + server.rawRequest(followers))
            #expect(try await connection.response().status == 200)
            #expect(try await connection.response().status == 404)
            let third = try await connection.response()
            #expect(third.status == 200 && third.header("connection") == nil)
            #expect(!connection.isClosed)
            await connection.close()
        }
    }

    /// The GET operations and a path for each, their parameters filled with the demo users.
    static let getRoutes: [(OperationDescriptor, String)] = [OperationDescriptor.usersIdFollowers, .usersIdFollowing]
        .filter { $0.method == .get }
        .map { ($0, $0.path.replacingOccurrences(of: "{id}", with: SandboxAccounts.alice) + "?max_results=5") }

    @Test("HEAD on every GET route answers like GET, with the GET body's length and no body",
          arguments: getRoutes.map(\.1))
    func head(path: String) async throws {
        try await withSandbox { server in
            let connection = try await RawConnection.open(port: server.port)
            try await connection.send(server.rawRequest(path))
            let get = try await connection.response()
            try await connection.send(server.rawRequest(path, method: "HEAD") + server.rawRequest(path))
            let head = try await connection.response(bodyless: true)
            #expect(get.status == 200 && head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("content-length") == String(get.body.count))
            #expect(head.header("content-type") == get.header("content-type"))
            // The request after the HEAD starts right after its head: HEAD sent no body bytes.
            let after = try await connection.response()
            #expect(after.status == 200 && after.body == get.body)
            await connection.close()
        }
    }

    @Test("HEAD through URLSession: 200, content-length of the GET body, no body")
    func headThroughURLSession() async throws {
        try await withSandbox { server in
            let path = Self.getRoutes[0].1
            var request = URLRequest(url: URL(string: server.baseURL.absoluteString + path)!)
            request.setValue("Bearer \(server.credentials.bearerToken)", forHTTPHeaderField: "Authorization")
            let (getBody, _) = try await URLSession.shared.data(for: request)
            request.httpMethod = "HEAD"
            let (headBody, response) = try await URLSession.shared.data(for: request)
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.statusCode == 200 && headBody.isEmpty)
            #expect(http.value(forHTTPHeaderField: "Content-Length") == String(getBody.count))
        }
    }
}
