import Foundation
import Hummingbird
import Logging

/// A ``WebhookReceiver`` listening on a port of its own, started by
/// ``WebhookReceiver/start(host:port:logger:)``: where it listens, and how to stop it.
///
/// ```swift
/// let server = try await receiver.start(port: 0)   // a free port
/// print(server.port, server.url)                   // 53124 http://127.0.0.1:53124/webhooks/x
/// await server.shutdown()
/// ```
///
/// X calls webhooks over HTTPS on port 443 only, so in production it sits behind a TLS
/// terminating proxy or tunnel that forwards to this port.
public struct WebhookServer: Sendable {
    /// Why a server did not start.
    public struct StartError: Error, Sendable, CustomStringConvertible {
        /// What went wrong, with the address.
        public var message: String

        /// `The webhook receiver could not start: <message>`.
        public var description: String { "The webhook receiver could not start: \(message)" }
    }

    /// The bound port: the one asked for, or the one picked for port `0`.
    public let port: Int
    /// The webhook's URL on this host, e.g. `http://127.0.0.1:53124/webhooks/x`.
    public let url: URL
    private let listener: Listener
    private let task: Task<Void, Never>

    /// The bound listening socket: its port, and how to close it.
    struct Listener: Sendable {
        var port: Int
        var close: @Sendable () async -> Void
    }

    /// The server's `Server` header.
    static let serverName = "XAPIWebhooks"

    /// Starts an application serving `router` and returns once it listens (or failed to): the
    /// bound port is reported by `onServerRunning`, as XSandbox's server does it.
    static func start(router: Router<BasicRequestContext>, host: String, port: Int, path: String, logger: Logger) async throws -> WebhookServer {
        let (events, continuation) = AsyncStream<Result<Listener, any Error>>.makeStream()
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: serverName),
            onServerRunning: { channel in
                continuation.yield(.success(Listener(
                    port: channel.localAddress?.port ?? port,
                    close: { try? await channel.close() }
                )))
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
        }
        var bound: Result<Listener, any Error>?
        for await event in events {
            bound = event
            break
        }
        switch bound {
        case .success(let listener):
            let authority = host.contains(":") ? "[\(host)]" : host
            return WebhookServer(port: listener.port, url: URL(string: "http://\(authority):\(listener.port)\(path)")!,
                                 listener: listener, task: task)
        case .failure(let error):
            task.cancel()
            throw StartError(message: "\(host):\(port): \(error)")
        case nil:
            task.cancel()
            throw StartError(message: "the server stopped before it listened")
        }
    }

    /// Stops listening, closes the open connections and returns when the server is down. The
    /// receiver's ``WebhookReceiver/events`` go on until ``WebhookReceiver/finish()``.
    ///
    /// ```swift
    /// await server.shutdown()
    /// receiver.finish()
    /// ```
    public func shutdown() async {
        await listener.close()
        task.cancel()
        await task.value
    }
}

extension WebhookReceiver {
    /// Starts a server of its own for the receiver on `host` and `port`, and returns once it
    /// listens. Port `0` picks a free port: read it from ``WebhookServer/port``.
    ///
    /// ```swift
    /// let server = try await receiver.start(host: "127.0.0.1", port: 0)
    /// print("Listening on \(server.url)")   // http://127.0.0.1:53124/webhooks/x
    /// for await event in receiver.events { handle(event) }
    /// ```
    ///
    /// - Parameters:
    ///   - host: The address to bind, `127.0.0.1` by default (a proxy or tunnel on this
    ///     machine forwards X's HTTPS to it); `0.0.0.0` for every interface.
    ///   - port: The port; `0` (the default) picks a free one.
    ///   - logger: The server's logger; the receiver's own when `nil`.
    /// - Throws: ``WebhookServer/StartError`` when the address cannot be bound.
    public func start(host: String = "127.0.0.1", port: Int = 0, logger: Logger? = nil) async throws -> WebhookServer {
        let router = Router()
        addRoutes(to: router)
        return try await WebhookServer.start(router: router, host: host, port: port, path: configuration.path,
                                             logger: logger ?? intake.logger)
    }

    /// Serves the receiver on `host` and `port` until the calling task is cancelled, then
    /// stops listening and finishes ``events``: what a command-line tool or a service runs.
    ///
    /// ```swift
    /// let serving = Task {
    ///     try await receiver.run(port: 8080) { url in print("Listening on \(url)") }
    /// }
    /// for await event in receiver.events { handle(event) }   // until serving is cancelled
    /// ```
    ///
    /// - Parameters:
    ///   - host: The address to bind, `127.0.0.1` by default.
    ///   - port: The port; `0` (the default) picks a free one.
    ///   - onListening: Called once with the webhook's URL, bound port included.
    /// - Throws: ``WebhookServer/StartError`` when the address cannot be bound.
    public func run(
        host: String = "127.0.0.1",
        port: Int = 0,
        onListening: @Sendable (URL) async -> Void = { _ in }
    ) async throws {
        defer { finish() }
        let server = try await start(host: host, port: port)
        await onListening(server.url)
        await withTaskCancellationHandler {
            await server.waitUntilStopped()
        } onCancel: {
            Task { await server.shutdown() }
        }
        await server.shutdown()
    }
}

extension WebhookServer {
    /// Returns when the server has stopped (after ``shutdown()``, or a failure).
    func waitUntilStopped() async {
        await task.value
    }
}
