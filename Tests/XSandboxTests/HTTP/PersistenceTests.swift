import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import Testing
import XFollows
import XFollowsServer
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
    /// A request for `path` signed with @sandbox_alice's OAuth 1.0a token, as raw request text.
    func signedRequest(_ method: HTTPRequest.Method, _ path: String) -> String {
        guard case .oauth1(let alice) = credentials.userCredentials(for: SandboxAccounts.alice) else { return "" }
        let header = alice.authorizationHeader(method: method, url: URL(string: baseURL.absoluteString + path)!,
                                               signing: .fresh(at: Date()))
        return "\(method.rawValue) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAuthorization: \(header.headerValue)\r\n\r\n"
    }

    /// A request for `path` with the App's bearer token, as raw request text.
    func rawRequest(_ path: String, method: String = "GET", version: String = "HTTP/1.1", headers: [String] = []) -> String {
        let lines = ["\(method) \(path) \(version)", "Host: 127.0.0.1:\(port)", "Authorization: Bearer \(credentials.bearerToken)"]
            + headers
        return lines.joined(separator: "\r\n") + "\r\n\r\n"
    }
}

@Suite("HTTP persistence", .timeLimit(.minutes(3)))
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

    /// Every GET operation the sandbox routes that takes OAuth 1.0a (the webhooks take the App's
    /// bearer token only) and ends (the activity stream does not), with a path that names the
    /// demo users.
    static let getRoutes: [String] = ServerOperations.router.operations.filter {
        $0.method == .get && $0.streaming == nil && $0.security.contains(.oauth1UserContext)
    }.map { operation in
        let path = operation.path.replacingOccurrences(of: "{id}", with: SandboxAccounts.alice)
            .replacingOccurrences(of: "{username}", with: "sandbox_alice")
        switch operation.id {
        case OperationDescriptor.getUsersByIds.id: return path + "?ids=\(SandboxAccounts.alice),\(SandboxAccounts.bob)"
        case OperationDescriptor.getUsersByUsernames.id: return path + "?usernames=sandbox_alice,sandbox_bob"
        case OperationDescriptor.usersIdFollowers.id, OperationDescriptor.usersIdFollowing.id: return path + "?max_results=5"
        default: return path
        }
    }

    @Test("HEAD on every GET route answers like GET, signed with OAuth 1.0a, with the GET body's length and no body",
          arguments: getRoutes)
    func head(path: String) async throws {
        try await withSandbox { server in
            let connection = try await RawConnection.open(port: server.port)
            try await connection.send(server.signedRequest(.get, path))
            let get = try await connection.response()
            try await connection.send(server.signedRequest(.head, path) + server.signedRequest(.get, path))
            let head = try await connection.response(bodyless: true)
            #expect(get.status == 200 && head.status == 200, "\(String(decoding: get.body, as: UTF8.self))")
            #expect(head.body.isEmpty)
            #expect(head.header("content-length") == String(get.body.count))
            #expect(head.header("content-type") == get.header("content-type"))
            // The request after the HEAD starts right after its head: HEAD sent no body bytes.
            let after = try await connection.response()
            #expect(after.status == 200 && after.body == get.body)
            await connection.close()
            #expect(await server.requests().map(\.method) == ["GET", "HEAD", "GET"])
        }
    }

    @Test("HEAD through URLSession: 200, content-length of the GET body, no body")
    func headThroughURLSession() async throws {
        try await withSandbox { server in
            let path = Self.getRoutes.first { $0.hasSuffix("/followers?max_results=5") }!
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
