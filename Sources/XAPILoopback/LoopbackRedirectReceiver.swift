import Foundation
import Hummingbird
import HTTPTypes
import Logging

/// Receives the one redirect that ends an authorization in a command-line or desktop app: a
/// tiny web server on `127.0.0.1` (never another interface), on a given or free port, that
/// waits for the browser to come back to ``redirectURI``, answers it with a short page and
/// hands the URL back.
///
/// ```swift
/// let receiver = try await LoopbackRedirectReceiver.start(port: 0, path: "/callback")
/// let authorizer = OAuth2Authorizer(clientID: clientID, redirectURI: receiver.redirectURI,
///                                   endpoints: endpoints, configuration: configuration)
/// let pending = authorizer.startAuthorization(scopes: [.tweetRead, .usersRead, .followsWrite, .offlineAccess])
/// print("Open \(pending.authorizationURL)")
/// let redirect = try await receiver.redirect(timeout: .seconds(300))   // stops listening after it
/// let token = try await authorizer.finishAuthorization(redirect: redirect, pending: pending)
/// ```
///
/// Only a `GET` of the expected path counts; anything else (a favicon, another path) gets a
/// 404 and the receiver keeps waiting. X matches redirect URIs exactly, so register the URI
/// with its port (a fixed `port` then), or use a server that accepts any loopback port
/// (RFC 8252, 7.3), as x-sandbox does.
public struct LoopbackRedirectReceiver: Sendable {
    /// Why no redirect was received.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The address could not be bound (the port is taken, say).
        case cannotListen(String)
        /// No redirect came within the timeout.
        case timedOut(Duration)
        /// The receiver was stopped before a redirect came.
        case stopped

        /// What went wrong.
        public var description: String {
            switch self {
            case .cannotListen(let reason): "The loopback redirect receiver could not listen: \(reason)"
            case .timedOut(let timeout): "No redirect arrived within \(timeout)."
            case .stopped: "The loopback redirect receiver was stopped before a redirect arrived."
            }
        }
    }

    /// The page shown in the browser once the redirect arrived.
    public static let defaultPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Authorization received</title></head>
        <body><p>The app received your answer. You can close this window and go back to it.</p></body></html>
        """

    /// The URI to register and send as `redirect_uri` (or `oauth_callback`), e.g.
    /// `http://127.0.0.1:53124/callback`.
    public let redirectURI: URL
    /// The bound port.
    public let port: Int
    private let inbox: Inbox
    private let server: ListeningServer

    /// Starts listening on `127.0.0.1`.
    ///
    /// - Parameters:
    ///   - port: The port; `0` (the default) picks a free one.
    ///   - path: The redirect's path, `/callback` by default.
    ///   - page: The HTML the browser shows once the redirect arrived.
    ///   - logger: Where the server logs (warnings only by default).
    /// - Throws: ``Failure/cannotListen(_:)``.
    public static func start(
        port: Int = 0,
        path: String = "/callback",
        page: String = LoopbackRedirectReceiver.defaultPage,
        logger: Logger? = nil
    ) async throws -> LoopbackRedirectReceiver {
        let host = "127.0.0.1"
        let path = path.hasPrefix("/") ? path : "/" + path
        var quiet = Logger(label: "XAPILoopback")
        quiet.logLevel = .warning
        let inbox = Inbox()
        let server: ListeningServer
        do throws(ListeningServer.StartFailure) {
            server = try await ListeningServer.start(
                responder: RedirectResponder(path: path, page: page, inbox: inbox),
                host: host, port: port, serverName: "XAPILoopback", logger: logger ?? quiet,
                onListening: { inbox.port = $0 },
                onStopped: { inbox.finish(.failure(.stopped)) })
        } catch .failed(let error) {
            throw Failure.cannotListen("\(host):\(port): \(error)")
        } catch .stoppedBeforeListening {
            throw Failure.cannotListen("the server stopped before it listened")
        }
        return LoopbackRedirectReceiver(
            redirectURI: URL(string: "http://\(host):\(server.port)\(path)")!,
            port: server.port, inbox: inbox, server: server)
    }

    /// Waits for the redirect, then stops listening and returns its URL (with the query the
    /// authorization server added, e.g. `?state=…&code=…`).
    ///
    /// - Throws: ``Failure/timedOut(_:)`` when none came in time, ``Failure/stopped`` when
    ///   ``stop()`` was called; `CancellationError` when the task is cancelled. The server is
    ///   stopped in every case.
    public func redirect(timeout: Duration) async throws -> URL {
        do {
            let url = try await withThrowingTaskGroup(of: URL.self) { group in
                group.addTask { try await inbox.next() }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    inbox.expire(timeout)
                    return try await inbox.next()   // a redirect that won the race still counts
                }
                defer { group.cancelAll() }
                return try await group.next()!
            }
            await stop()
            return url
        } catch {
            await stop()
            throw error
        }
    }

    /// Stops listening; a pending ``redirect(timeout:)`` throws ``Failure/stopped``.
    public func stop() async {
        inbox.finish(.failure(.stopped))
        await server.stop()
    }
}
