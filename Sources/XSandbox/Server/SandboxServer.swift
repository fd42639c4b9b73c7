import Foundation
import Hummingbird
import Logging
import XAPILoopback
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
    let activity: SandboxActivity
    let clock: SandboxClock
    /// The kept state (`--state DIR`): export, import, reset.
    let state: SandboxStateKeeper
    private let server: ListeningServer

    /// The `Server` header of every answer.
    static let serverName = "x-sandbox"

    /// Starts a server and returns once it listens.
    ///
    /// - Throws: ``SandboxGraphError`` when the graph is inconsistent, ``SandboxStateError``
    ///   when the state directory cannot be read or belongs to another graph, ``StartError``
    ///   when the address cannot be bound.
    public static func start(_ configuration: SandboxConfiguration = SandboxConfiguration()) async throws -> SandboxServer {
        try configuration.graph.validate()
        let graph = configuration.graph
        let serverName = Self.serverName
        let store = SandboxStore(follows: graph.follows, limits: configuration.limits,
                                 tolerance: configuration.timestampTolerance,
                                 journalCapacity: configuration.journalCapacity,
                                 billing: SandboxBilling(credits: configuration.credits, usageCap: configuration.usageCap))
        let activity = SandboxActivity(apps: graph.apps, directory: graph.directory, store: store, options: configuration.activity)
        let authenticator = SandboxAuthenticator(apps: graph.apps, tolerance: configuration.timestampTolerance,
                                                 accessTokenLifetime: configuration.accessTokenLifetime)
        let identity = SandboxStateManifest.identity(of: graph)
        let opened = try configuration.stateDirectory.map { directory throws(SandboxStateError) in
            try SandboxStateJournal.load(directory, graph: identity)
        }
        let state = SandboxStateKeeper(store: store, authorization: authenticator.authorization.state, journal: opened?.journal,
                                       directory: graph.directory, appKeys: Set(graph.apps.map(\.key)), graph: identity)
        try await state.resume(opened?.events ?? [], at: configuration.clock.now())
        let api = SandboxAPI(
            directory: graph.directory,
            authenticator: authenticator,
            tokens: (configuration.pageTokenSecret ?? opened?.journal.manifest.secret).map(PageTokenCodec.init(secret:)) ?? .random(),
            store: store,
            activity: activity,
            clock: configuration.clock,
            scheme: "http",
            logger: configuration.logger,
            state: state,
            faults: configuration.faults
        )

        let server: ListeningServer
        do throws(ListeningServer.StartFailure) {
            server = try await ListeningServer.start(
                responder: SandboxResponder(api: api, limits: configuration.http),
                server: SandboxHTTPChannel.builder(limits: configuration.http, serverName: serverName),
                host: configuration.host, port: configuration.port, serverName: serverName,
                logger: configuration.logger)
        } catch .failed(let error) {
            throw StartError(message: "\(configuration.host):\(configuration.port): \(error)")
        } catch .stoppedBeforeListening {
            throw StartError(message: "the server stopped before it listened")
        }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return SandboxServer(
            baseURL: URL(string: "http://\(host):\(server.port)")!,
            port: server.port,
            credentials: graph.credentials,
            apps: graph.apps,
            directory: graph.directory,
            store: store,
            activity: activity,
            clock: configuration.clock,
            state: state,
            server: server
        )
    }

    /// Stops listening, closes the open connections and returns when the server is down; a
    /// kept state (``SandboxConfiguration/stateDirectory``) is closed and its directory unlocked.
    public func shutdown() async {
        await server.stop()
        state.close()
    }
}
