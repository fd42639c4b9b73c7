import Foundation
import HTTPTypes
import OpenAPIRuntime
import OpenAPIURLSession
import XFollows
import XSandbox

/// The X the CLI's unit tests talk to: an x-sandbox in this process, serving a small graph of
/// their own over real HTTP, so the CLI's logic meets exactly what the sandbox (and the
/// end-to-end tests) answer. Requests go through ``transport``, which records each one and can
/// fail a chosen one, as a process killed mid-run would.
final class SandboxX: @unchecked Sendable {
    struct Account {
        var id: String
        var username: String
    }

    let server: SandboxServer
    let transport: RecordingTransport
    let me: Account
    /// Whom `me` followed when the graph was made.
    private let initialFollowing: Set<String>

    /// The demo App's keys and tokens: an App-only token, and `me`'s OAuth 1.0a token.
    static let credentials = SandboxCredentials(
        consumerKey: "cli-tests-consumer-key", consumerSecret: "cli-tests-consumer-secret", bearerToken: "cli-tests-bearer",
        accessTokens: [.init(userID: "42", accessToken: "42-cli-tests-token", accessTokenSecret: "cli-tests-token-secret")])

    private init(server: SandboxServer, me: Account, initialFollowing: Set<String>) {
        self.server = server
        self.transport = RecordingTransport(base: URLSessionTransport())
        self.me = me
        self.initialFollowing = initialFollowing
    }

    /// A sandbox whose `target` has `count` followers (`person_0`, IDs from 1,000,000, newest
    /// first), with `me` (ID 42) able to follow on an enterprise App; `protected` IDs are
    /// protected accounts.
    static func withFollowers(
        _ count: Int, of target: Account, me: Account, protected: Set<String> = [], faults: SandboxFaults = .none
    ) async throws -> SandboxX {
        var graph = SandboxGraph(credentials: credentials, app: SandboxApp(
            id: "1", name: "CLI tests", plan: .enterprise, ownerID: me.id, credentials: credentials))
        try graph.add(User(id: target.id, name: "Name \(target.username)", username: target.username))
        try graph.add(User(id: me.id, name: "Name \(me.username)", username: me.username))
        let people = (0..<count).map { Account(id: String(1_000_000 + $0), username: "person_\($0)") }
        for person in people {
            try graph.add(User(id: person.id, name: "Name \(person.username)", username: person.username,
                               protected: protected.contains(person.id)))
        }
        for person in people.reversed() { try graph.follow(person.id, target.id) }
        var configuration = SandboxConfiguration(graph: graph, limits: .unlimited)
        configuration.faults = faults
        let server = try await SandboxServer.start(configuration)
        return SandboxX(server: server, me: me, initialFollowing: [])
    }

    /// What every test client signs with.
    var bearer: AppOnlyCredentials { Self.credentials.appOnlyCredentials }
    var oauth1: UserCredentials { Self.credentials.userCredentials(for: me.id)! }

    /// Every request sent, `METHOD path`, the failed one included.
    var requests: [String] { transport.log }
    /// Fails the request with this index (from 0) with a transport error; `nil` fails none.
    func setFailAt(_ index: Int?) { transport.setFailAt(index) }

    /// The accounts `me` follows now that it did not at the start, oldest first.
    func follows() async -> [String] {
        await server.followingIDs(of: me.id).filter { !initialFollowing.contains($0) }.reversed()
    }

    func shutdown() async { await server.shutdown() }
}

/// A transport that records each request and fails a chosen one before it is sent.
final class RecordingTransport: ClientTransport, @unchecked Sendable {
    private let base: any ClientTransport
    private let lock = NSLock()
    private var entries: [String] = []
    private var failAt: Int?

    init(base: any ClientTransport) {
        self.base = base
    }

    var log: [String] { lock.withLock { entries } }
    func setFailAt(_ index: Int?) { lock.withLock { failAt = index } }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        let fails = lock.withLock {
            entries.append("\(request.method.rawValue) \(request.path ?? "/")")
            return entries.count - 1 == failAt
        }
        if fails { throw URLError(.networkConnectionLost) }
        return try await base.send(request, body: body, baseURL: baseURL, operationID: operationID)
    }
}
