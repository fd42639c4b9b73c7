import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import XFollows
import XSandbox

/// A sandbox whose streams send keep-alives every 100 ms (so a closed connection is noticed at
/// once) and, when asked, drop every N events.
func withActivitySandbox(dropStreamEvery: Int? = nil, _ body: (SandboxServer) async throws -> Void) async throws {
    var configuration = SandboxConfiguration(limits: roomyLimits, http: patientHTTP)
    configuration.activity.keepAliveInterval = .milliseconds(100)
    configuration.activity.dropStreamEvery = dropStreamEvery
    let server = try await SandboxServer.start(configuration)
    do {
        try await TestTransport.with { try await body(server) }
        await server.shutdown()
    } catch {
        await server.shutdown()
        throw error
    }
}

extension SandboxServer {
    /// The App-only client of the first App, over a transport that streams here
    /// (``TestTransport/streamingTransport()``); tests that call it are enabled only if there is one.
    func streamingAppClient() throws -> AppOnlyClient {
        let transport = try #require(TestTransport.streamingTransport(), TestTransport.streamingUnavailable)
        return AppOnlyClient(credentials: credentials.appOnlyCredentials,
                             configuration: ClientConfiguration(serverURL: baseURL, transport: transport))
    }

    /// The open activity streams, across Apps.
    func openActivityStreams() async -> Int {
        await openStreams()
    }
}

/// Subscribes to both follow events of `user`, tagged `watching`.
func subscribe(_ app: AppOnlyClient, to user: String, webhookID: String? = nil) async throws {
    for type in [ActivityEventType.followFollow, .followUnfollow] {
        _ = try await app.createSubscription(body: CreateSubscriptionRequest(
            eventType: type, filter: SubscriptionFilter(userID: user), tag: "watching", webhookID: webhookID))
    }
}

/// Reads a stream's events as they come; tests wait for the first few, with a time limit.
final class EventCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [ActivityEvent] = []
    private var connected = false

    func read(_ stream: EventStream<ActivityStreamMessage>) async throws {
        for try await message in stream {
            guard let event = message.data else { continue }
            lock.withLock { events.append(event) }
        }
    }

    /// Waits until the sandbox holds a stream connection of this reader's App.
    func waitUntilConnected(_ server: SandboxServer) async throws {
        try await waitFor { await server.openActivityStreams() > 0 }
    }

    /// The first `count` events, once they arrived.
    func first(_ count: Int) async throws -> [ActivityEvent] {
        try await waitFor { self.lock.withLock { self.events.count >= count } }
        return lock.withLock { Array(events.prefix(count)) }
    }
}

/// Records a stream's notices.
final class NoticeRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var notices: [StreamNotice] = []

    func record(_ notice: StreamNotice) {
        lock.withLock { notices.append(notice) }
    }

    var reconnects: [StreamReconnect] {
        lock.withLock { notices.compactMap { if case .reconnecting(let reconnect) = $0 { reconnect } else { nil } } }
    }
}

/// Waits until `condition` holds, failing after 30 seconds instead of hanging.
func waitFor(_ condition: @Sendable () async -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(30)
    while await !condition() {
        guard ContinuousClock.now < deadline else {
            Issue.record("The condition did not hold within 30 seconds")
            throw CancellationError()
        }
        try await Task.sleep(for: .milliseconds(20))
    }
}

/// The status of a plain HTTP request.
func statusOf(_ request: URLRequest) async throws -> Int {
    let (_, response) = try await URLSession.shared.data(for: request)
    return (response as? HTTPURLResponse)?.statusCode ?? 0
}
