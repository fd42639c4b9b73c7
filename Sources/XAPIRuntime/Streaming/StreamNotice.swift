import Foundation

/// What happens to a stream besides its events, for ``StreamOptions/onNotice``: connections,
/// disconnections and reconnection waits, lines that are not events, events delivered before
/// and skipped, messages the server sends in the stream, and what events cost.
///
/// ```swift
/// var options = StreamOptions()
/// options.onNotice = { notice in
///     if case .reconnecting(let reconnect) = notice {
///         print("reconnecting in \(reconnect.delay) after \(reconnect.reason)")
///     }
/// }
/// ```
public enum StreamNotice: Sendable {
    /// A connection is up (its response was a 2xx). `backfillMinutes` is what it asked the
    /// server to send again, when it asked.
    case connected(connection: Int, backfillMinutes: Int?)
    /// The connection ended.
    case disconnected(connection: Int, reason: StreamDisconnection)
    /// The stream waits, then connects again.
    case reconnecting(StreamReconnect)
    /// A line that is not an event (reported, then skipped, unless the options say to fail).
    case malformedLine(StreamLineError)
    /// An event already delivered came again (a backfill after a reconnection) and was skipped.
    case duplicateSkipped(eventID: String)
    /// The server sent problems instead of an event (X's `operational-disconnect`, say); the
    /// connection usually ends next.
    case serverMessage([Problem])
    /// An event was charged (the operation is priced per event).
    case charged(Charge, eventID: String?, eventType: String?)
}

/// Why a connection ended.
public enum StreamDisconnection: Sendable, Hashable, CustomStringConvertible {
    /// The server ended the body.
    case closedByServer
    /// Nothing, not even a keep-alive, arrived for ``StreamOptions/stallTimeout``.
    case stalled(Duration)
    /// Reading failed (the connection was reset, say).
    case readFailed(String)

    /// A short sentence.
    public var description: String {
        switch self {
        case .closedByServer: "the server closed the stream"
        case .stalled(let timeout): "nothing arrived for \(timeout)"
        case .readFailed(let reason): "reading failed: \(reason)"
        }
    }
}

/// One wait before connecting again.
public struct StreamReconnect: Sendable, CustomStringConvertible {
    /// Why the stream reconnects.
    public enum Reason: Sendable, CustomStringConvertible {
        /// The previous connection ended after it was up.
        case disconnected(StreamDisconnection)
        /// Connecting failed: nothing came back.
        case networkError(String)
        /// Connecting failed with an HTTP status worth retrying.
        case httpError(status: Int, message: String)
        /// Connecting was rate limited (429).
        case rateLimited(reset: Date?)

        /// A short sentence.
        public var description: String {
            switch self {
            case .disconnected(let reason): reason.description
            case .networkError(let message): "network error: \(message)"
            case .httpError(let status, let message): "HTTP \(status): \(message)"
            case .rateLimited(let reset): "rate limited" + (reset.map { " until \(Timestamp.format($0))" } ?? "")
            }
        }
    }

    /// The number of the connection about to be made, counting from 1.
    public let connection: Int
    /// Failed attempts in a row before this one (0 after a connection that was up).
    public let failedAttempts: Int
    /// Why.
    public let reason: Reason
    /// How long the stream waits first.
    public let delay: Duration
    /// The minutes of events the next connection asks for again, when the operation can.
    public let backfillMinutes: Int?

    /// Creates a reconnection notice.
    public init(connection: Int, failedAttempts: Int, reason: Reason, delay: Duration, backfillMinutes: Int?) {
        self.connection = connection
        self.failedAttempts = failedAttempts
        self.reason = reason
        self.delay = delay
        self.backfillMinutes = backfillMinutes
    }

    /// `connection 3 in 5 seconds after HTTP 503: …, asking for 2 minutes again`
    public var description: String {
        "connection \(connection) in \(delay) after \(reason)" + (backfillMinutes.map { ", asking for \($0) minute(s) again" } ?? "")
    }
}
