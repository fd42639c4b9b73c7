import Foundation
import Hummingbird
import Logging
import XFollows

/// A running X API v2 follows sandbox: a Hummingbird server on loopback serving
/// ``SandboxConfiguration/graph`` with X's semantics, authentication, limits and errors.
///
/// Tests start one in-process on a free port, point a client at ``baseURL`` and shut it down:
///
/// ```swift
/// let server = try await SandboxServer.start()
/// let client = UserClient(
///     credentials: server.credentials.userCredentials(for: SandboxAccounts.alice)!,
///     configuration: ClientConfiguration(serverURL: server.baseURL))
/// let response = try await client.follow(SandboxAccounts.xDevelopers)
/// await server.shutdown()
/// ```
public struct SandboxServer: Sendable {
    /// Why a server did not start.
    public struct StartError: Error, Sendable, CustomStringConvertible {
        /// What went wrong.
        public var message: String

        /// `The sandbox could not start: <message>`.
        public var description: String { "The sandbox could not start: \(message)" }
    }

    /// The URL clients use, e.g. `http://127.0.0.1:52731`.
    public let baseURL: URL
    /// The bound port.
    public let port: Int
    /// The first App's credentials (the one its authorization server issues tokens for).
    public let credentials: SandboxCredentials
    /// Every App the sandbox serves, with its plan and owner (``SandboxGraph/apps``).
    public let apps: [SandboxApp]
    /// The users and Tweets served.
    public let directory: SandboxDirectory
    let store: SandboxStore
    let clock: SandboxClock
    private let listener: Listener
    private let task: Task<Void, Never>

    /// The bound listening socket: its port, and how to close it.
    private struct Listener: Sendable {
        var port: Int
        var close: @Sendable () async -> Void
    }

    /// The `Server` header of every answer.
    static let serverName = "x-sandbox"

    /// Starts a server and returns once it listens.
    ///
    /// - Throws: ``SandboxGraphError`` when the graph is inconsistent, ``StartError`` when the
    ///   address cannot be bound.
    public static func start(_ configuration: SandboxConfiguration = SandboxConfiguration()) async throws -> SandboxServer {
        try configuration.graph.validate()
        let graph = configuration.graph
        let serverName = Self.serverName
        let store = SandboxStore(follows: graph.follows, limits: configuration.limits,
                                 tolerance: configuration.timestampTolerance,
                                 journalCapacity: configuration.journalCapacity,
                                 billing: SandboxBilling(credits: configuration.credits, usageCap: configuration.usageCap))
        let api = SandboxAPI(
            directory: graph.directory,
            authenticator: SandboxAuthenticator(apps: graph.apps, tolerance: configuration.timestampTolerance,
                                                 accessTokenLifetime: configuration.accessTokenLifetime),
            tokens: configuration.pageTokenSecret.map(PageTokenCodec.init(secret:)) ?? .random(),
            store: store,
            clock: configuration.clock,
            scheme: "http",
            logger: configuration.logger
        )

        let (events, continuation) = AsyncStream<Result<Listener, any Error>>.makeStream()
        let application = Application(
            responder: SandboxResponder(api: api, limits: configuration.http),
            server: SandboxHTTPChannel.builder(limits: configuration.http, serverName: serverName),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: serverName
            ),
            onServerRunning: { channel in
                continuation.yield(.success(Listener(
                    port: channel.localAddress?.port ?? configuration.port,
                    close: { try? await channel.close() }
                )))
            },
            logger: configuration.logger
        )
        let task = Task {
            do {
                try await application.run()
            } catch {
                continuation.yield(.failure(error))
            }
            continuation.finish()
        }

        var bound: Result<Listener, any Error>?
        for await event in events {
            bound = event
            break
        }
        switch bound {
        case .success(let listener):
            let port = listener.port
            let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
            return SandboxServer(
                baseURL: URL(string: "http://\(host):\(port)")!,
                port: port,
                credentials: graph.credentials,
                apps: graph.apps,
                directory: graph.directory,
                store: store,
                clock: configuration.clock,
                listener: listener,
                task: task
            )
        case .failure(let error):
            task.cancel()
            throw StartError(message: "\(configuration.host):\(configuration.port): \(error)")
        case nil:
            task.cancel()
            throw StartError(message: "the server stopped before it listened")
        }
    }

    /// Stops listening, closes the open connections and returns when the server is down.
    public func shutdown() async {
        await listener.close()
        task.cancel()
        await task.value
    }
}
