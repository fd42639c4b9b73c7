import Hummingbird
import HummingbirdCore
import Logging

/// A Hummingbird application running in a task of its own, returned once it listens: its
/// bound port, and how to stop it. Both of the package's servers start this way — the
/// loopback redirect receiver and x-sandbox — so the start-and-report-port dance is written
/// once, here, where the runtime (which must not depend on a web server) does not see it.
///
/// ```swift
/// let server = try await ListeningServer.start(
///     responder: responder, host: "127.0.0.1", port: 0, serverName: "example", logger: logger)
/// print(server.port)
/// await server.stop()
/// ```
package struct ListeningServer: Sendable {
    /// Why a server is not listening.
    package enum StartFailure: Error, Sendable {
        /// The application stopped with an error before it listened (the port is taken, say).
        case failed(any Error)
        /// The application returned before it listened.
        case stoppedBeforeListening
    }

    /// The bound port (the requested one, or the one the system picked for port `0`).
    package let port: Int
    private let close: @Sendable () async -> Void
    private let task: Task<Void, Never>

    /// Starts an application and returns once it listens.
    ///
    /// - Parameters:
    ///   - responder: What answers the requests.
    ///   - server: The HTTP channel setup; HTTP/1.1 by default.
    ///   - host: The address to bind.
    ///   - port: The port to bind; `0` picks a free one.
    ///   - serverName: The `Server` header of every answer.
    ///   - logger: Where the application logs.
    ///   - onListening: Called with the bound port once the server listens, before this returns.
    ///   - onStopped: Called when the application has stopped, however it stopped.
    /// - Throws: ``StartFailure``.
    package static func start<Responder: HTTPResponder>(
        responder: Responder,
        server: HTTPServerBuilder = .http1(),
        host: String,
        port requestedPort: Int,
        serverName: String,
        logger: Logger,
        onListening: @escaping @Sendable (Int) -> Void = { _ in },
        onStopped: @escaping @Sendable () -> Void = {}
    ) async throws(StartFailure) -> ListeningServer
    where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
        let (events, continuation) = AsyncStream<Result<(Int, @Sendable () async -> Void), any Error>>.makeStream()
        let application = Application(
            responder: responder,
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(host, port: requestedPort), serverName: serverName),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? requestedPort
                onListening(port)
                continuation.yield(.success((port, { try? await channel.close() })))
            },
            logger: logger
        )
        let task = Task {
            do {
                try await application.run()
            } catch {
                continuation.yield(.failure(error))
            }
            continuation.finish()
            onStopped()
        }
        var bound: Result<(Int, @Sendable () async -> Void), any Error>?
        for await event in events {
            bound = event
            break
        }
        switch bound {
        case .success(let (port, close)):
            return ListeningServer(port: port, close: close, task: task)
        case .failure(let error):
            task.cancel()
            throw .failed(error)
        case nil:
            task.cancel()
            throw .stoppedBeforeListening
        }
    }

    /// Stops listening, closes the open connections and returns when the application is down.
    package func stop() async {
        await close()
        task.cancel()
        await task.value
    }
}
