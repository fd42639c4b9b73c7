import NIOCore

/// What the two ends of a connection's HTTP pipeline tell each other: ``RequestStartWatcher``
/// (before the HTTP decoder, seeing bytes) notes when a request's first byte arrives and how
/// long its request line runs; ``ConnectionGuard`` (after the decoder, seeing requests) notes
/// when a request's header fields are complete and when the request ends.
///
/// Both handlers run on the channel's event loop, so this needs no lock.
final class ConnectionActivity {
    /// How far the request line of the current request has been seen.
    enum RequestLine {
        /// Its bytes are being counted: this many so far, no line break yet.
        case counting(Int)
        /// It ended (or is not being counted).
        case complete
    }

    /// Whether the connection waits for the first byte of its next request.
    private(set) var awaitsRequest = true
    /// When the first byte of the request being read arrived; `nil` before it and once its
    /// header fields are complete.
    private(set) var requestStarted: NIODeadline?
    var requestLine = RequestLine.complete

    /// The first byte of a request arrived.
    func requestBytesArrived() {
        awaitsRequest = false
        requestStarted = .now()
        requestLine = .counting(0)
    }

    /// The request's header fields are complete.
    func headReceived() {
        awaitsRequest = false
        requestStarted = nil
        requestLine = .complete
    }

    /// The request's body is complete: the next byte starts another request.
    func requestEnded() {
        awaitsRequest = true
        requestStarted = nil
        requestLine = .complete
    }

    /// Nothing more is read on this connection.
    func stop() {
        awaitsRequest = false
        requestStarted = nil
        requestLine = .complete
    }
}

/// The first handler of a connection, before NIO's HTTP decoder: tells ``ConnectionGuard``
/// when a request starts (so its header timeout runs from the first byte, not from when the
/// connection went idle), and refuses a request line longer than the URL limit as its bytes
/// arrive, so a 100 KB URL is never buffered whole.
///
/// The guard checks the exact target length once the head is parsed; this check is the early
/// one. When a client pipelines requests, a request that starts in the same read as the end
/// of the one before is counted from the next read on, so a huge target there reaches the
/// decoder's own limit and is refused as a 431 instead of a 414.
final class RequestStartWatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// Fired inbound when a request's first byte arrives.
    struct RequestStarted: Sendable {}

    private let activity: ConnectionActivity
    private let maximumURLLength: Int
    private var refused = false

    init(activity: ConnectionActivity, maximumURLLength: Int) {
        self.activity = activity
        self.maximumURLLength = maximumURLLength
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        let buffer = Self.unwrapInboundIn(data)
        if activity.awaitsRequest, buffer.readableBytes > 0 {
            activity.requestBytesArrived()
            context.fireUserInboundEventTriggered(RequestStarted())
        }
        if case .counting(let counted) = activity.requestLine {
            let lineBreak = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n"))
            let length = counted + ((lineBreak ?? buffer.writerIndex) - buffer.readerIndex)
            if length > maximumURLLength + SandboxHTTPLimits.requestLineOverhead {
                refused = true
                context.fireErrorCaught(HTTPRefusal.urlTooLong(limit: maximumURLLength))
                return
            }
            activity.requestLine = lineBreak == nil ? .counting(length) : .complete
        }
        context.fireChannelRead(data)
    }
}
