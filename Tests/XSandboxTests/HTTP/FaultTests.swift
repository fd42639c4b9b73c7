import Foundation
import Testing
import XFollows
@testable import XSandbox

/// Starts a sandbox without limits that injects `faults`, for one test.
func withFaultySandbox<T>(_ faults: SandboxFaults, _ body: (SandboxServer) async throws -> T) async throws -> T {
    var configuration = SandboxConfiguration(limits: .unlimited)
    configuration.faults = faults
    let server = try await SandboxServer.start(configuration)
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
    /// A follow of `target` by @sandbox_alice with her OAuth 2.0 token, as raw request text.
    func rawFollow(_ target: String) -> String {
        let token = credentials.oauth2Tokens.first {
            $0.userID == SandboxAccounts.alice && $0.scopes.contains(OAuth2Scope.followsWrite.rawValue)
        }!
        let body = #"{"target_user_id":"\#(target)"}"#
        return "POST /2/users/\(SandboxAccounts.alice)/following HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
            + "Authorization: Bearer \(token.accessToken)\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
    }
}

@Suite("Injected faults over HTTP", .timeLimit(.minutes(2)))
struct FaultTests {
    let followers = "/2/users/\(SandboxAccounts.xDevelopers)/followers?max_results=50"

    /// An account @sandbox_alice does not follow yet.
    private func notFollowed(_ server: SandboxServer) async throws -> String {
        var candidates = [SandboxAccounts.tenThousandClub, SandboxAccounts.everyField, SandboxAccounts.bob, SandboxAccounts.carol]
        candidates += SandboxAccounts.shapes
        for candidate in candidates where await !server.isFollowing(SandboxAccounts.alice, candidate) {
            return candidate
        }
        throw RawHTTPResponse.Incomplete(received: "no account that @sandbox_alice does not follow")
    }

    /// One request on a connection of its own: the response, or `nil` when none came complete.
    private func exchange(_ server: SandboxServer, _ text: String) async throws -> (RawHTTPResponse?, RawConnection) {
        let connection = try await RawConnection.open(port: server.port, sending: text)
        let response = try? await connection.response(timeout: .seconds(30))
        return (response, connection)
    }

    @Test("500 and 503 answer X's problem JSON, with Retry-After only when asked, and run nothing", arguments: [
        (SandboxFault.serverError, 500, false), (.serverErrorRetryAfter, 500, true),
        (.unavailable, 503, false), (.unavailableRetryAfter, 503, true),
    ])
    func serverErrors(fault: SandboxFault, status: Int, retryAfter: Bool) async throws {
        try await withFaultySandbox(SandboxFaults(rate: 1, kinds: [fault], retryAfterSeconds: 7)) { server in
            let target = try await notFollowed(server)
            let (response, _) = try await exchange(server, server.rawFollow(target))
            #expect(response?.status == status)
            #expect(response?.header("retry-after") == (retryAfter ? "7" : nil))
            #expect(response?.object["title"] != nil)
            #expect(await !server.isFollowing(SandboxAccounts.alice, target))
            let record = await server.requests().last
            #expect(record?.fault == fault)
            #expect(record?.status == status)
            #expect(record?.charge == nil)
        }
    }

    @Test("A 429 burst refuses the requests in a row with exhausted rate-limit headers")
    func rateLimitBurst() async throws {
        try await withFaultySandbox(SandboxFaults(rate: 1, kinds: [.rateLimitBurst], burstLength: 3)) { server in
            for _ in 0..<3 {
                let (response, _) = try await exchange(server, server.rawRequest(followers))
                #expect(response?.status == 429)
                #expect(response?.header("x-rate-limit-remaining") == "0")
                #expect(response?.header("x-rate-limit-reset") != nil)
            }
            #expect(await server.requests().map(\.fault) == Array(repeating: .rateLimitBurst, count: 3))
        }
    }

    @Test("A reset before the response sends no byte, and the follow it cut off stays made")
    func resetBeforeResponse() async throws {
        try await withFaultySandbox(SandboxFaults(rate: 1, kinds: [.resetBeforeResponse])) { server in
            let target = try await notFollowed(server)
            let (response, connection) = try await exchange(server, server.rawFollow(target))
            #expect(response == nil)
            #expect(await connection.waitForClose(timeout: .seconds(30)))
            #expect(connection.receivedBytes.isEmpty)
            #expect(await server.isFollowing(SandboxAccounts.alice, target))
            let record = await server.requests().last
            #expect(record?.fault == .resetBeforeResponse)
            #expect(record?.charge != nil)
        }
    }

    @Test("A reset mid-body sends the head and part of the body, then closes")
    func resetMidBody() async throws {
        try await withFaultySandbox(SandboxFaults(rate: 1, kinds: [.resetMidBody])) { server in
            let connection = try await RawConnection.open(port: server.port, sending: server.rawRequest(followers))
            #expect(await connection.waitForClose(timeout: .seconds(30)))
            let text = String(decoding: connection.receivedBytes, as: UTF8.self)
            #expect(text.hasPrefix("HTTP/1.1 200"))
            #expect(RawHTTPResponse.parse(connection.receivedBytes[...]) == nil, "the body must be incomplete")
            #expect(await server.requests().last?.fault == .resetMidBody)
        }
    }

    @Test("A truncated body is complete as HTTP but not JSON")
    func truncatedBody() async throws {
        try await withFaultySandbox(SandboxFaults(rate: 1, kinds: [.truncatedBody])) { server in
            let (received, _) = try await exchange(server, server.rawRequest(followers))
            let response = try #require(received)
            #expect(response.status == 200)
            #expect(Int(response.header("content-length") ?? "") == response.body.count)
            #expect(!response.body.isEmpty)
            #expect((try? JSONSerialization.jsonObject(with: Data(response.body))) == nil)
            #expect(await server.requests().last?.fault == .truncatedBody)
        }
    }

    @Test("A slow first byte and a slow body still deliver the whole answer", arguments: [SandboxFault.slowFirstByte, .slowBody])
    func slow(fault: SandboxFault) async throws {
        try await withFaultySandbox(SandboxFaults(rate: 1, kinds: [fault], delay: .milliseconds(400))) { server in
            let (response, _) = try await exchange(server, server.rawRequest(followers))
            #expect(response?.status == 200)
            #expect((response?.object["data"] as? [Any])?.count == 50)
            #expect(await server.requests().last?.fault == fault)
        }
    }

    @Test("A duplicated page answers the token it was asked with as its next_token; a first page is not eligible")
    func duplicatePage() async throws {
        try await withFaultySandbox(SandboxFaults(rate: 1, kinds: [.duplicatePage])) { server in
            let (first, _) = try await exchange(server, server.rawRequest(followers))
            let token = try #require((first?.object["meta"] as? [String: Any])?["next_token"] as? String)
            #expect(await server.requests().last?.fault == nil)
            let (second, _) = try await exchange(server, server.rawRequest(followers + "&pagination_token=\(token)"))
            #expect((second?.object["meta"] as? [String: Any])?["next_token"] as? String == token)
            #expect((second?.object["data"] as? [Any])?.count == 50)
            #expect(await server.requests().last?.fault == .duplicatePage)
        }
    }

    @Test("The sandbox's own paths get no faults unless asked")
    func sandboxPaths() async throws {
        try await withFaultySandbox(SandboxFaults(rate: 1, kinds: [.serverError])) { server in
            let (response, _) = try await exchange(server, server.rawRequest("/_sandbox/bill"))
            #expect(response?.status == 200)
        }
        try await withFaultySandbox(SandboxFaults(rate: 1, kinds: [.serverError], includesSandboxPaths: true)) { server in
            let (response, _) = try await exchange(server, server.rawRequest("/_sandbox/bill"))
            #expect(response?.status == 500)
            #expect(await server.requests().last?.fault == .serverError)
        }
    }

    @Test("Only the operations named get faults")
    func operations() async throws {
        try await withFaultySandbox(SandboxFaults(rate: 1, kinds: [.serverError], operations: ["usersIdFollow"])) { server in
            let (read, _) = try await exchange(server, server.rawRequest(followers))
            #expect(read?.status == 200)
            let (follow, _) = try await exchange(server, server.rawFollow(SandboxAccounts.tenThousandClub))
            #expect(follow?.status == 500)
            #expect(await server.requests().map(\.fault) == [nil, .serverError])
        }
    }

    @Test("The same seed gives the same faults to the same requests; another seed others")
    func reproducible() async throws {
        func faults(seed: UInt64) async throws -> [SandboxFault?] {
            let plan = SandboxFaults(rate: 0.5, seed: seed, kinds: [.serverError, .unavailable, .truncatedBody])
            return try await withFaultySandbox(plan) { server in
                for _ in 0..<24 { _ = try await exchange(server, server.rawRequest(followers)) }
                return await server.requests().map(\.fault)
            }
        }
        let first = try await faults(seed: 42)
        #expect(first.count == 24)
        #expect(first.contains(nil) && first.contains { $0 != nil })
        #expect(try await faults(seed: 42) == first)
        #expect(try await faults(seed: 43) != first)
    }
}
