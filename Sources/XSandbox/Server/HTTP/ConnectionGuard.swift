import Foundation
import Logging
import NIOCore
import NIOHTTP1
import XAPIServerRuntime

/// Sits between NIO's HTTP/1 decoder and Hummingbird, and gives a connection the behaviour of
/// a real server that Hummingbird and NIO leave out:
///
/// - **Persistence.** A request that is not keep-alive (`HTTP/1.0` without
///   `Connection: keep-alive`, or `Connection: close` in any spelling NIO understands) gets
///   `Connection: close` on its response and the connection closed once the response is
///   written; nothing after it is read. An HTTP/1.0 keep-alive request gets
///   `Connection: keep-alive`, which HTTP/1.0 clients such as ApacheBench need to reuse the
///   connection.
/// - **Refusals below the router.** Bytes that are not an HTTP/1.1 request (a bare CR or NUL
///   in a header, a raw 0xFF in the path, Content-Length with Transfer-Encoding, an HTTP/2.0
///   request line), a target longer than ``SandboxHTTPLimits/maximumURLLength`` (414) and
///   header fields over ``SandboxHTTPLimits/maximumHeaderSize`` (431) are answered with X's
///   problem JSON (``HTTPRefusal``) after the responses already owed, and the connection is
///   closed. An error inside a body the API is reading (an invalid chunk size) is passed on
///   to it, and ``SandboxResponder`` answers it the same way.
/// - **Timeouts** (``SandboxHTTPLimits``): idle connections are closed, a request whose header
///   fields or body take too long is answered 408 and the connection closed.
///
/// Hummingbird's own `HTTPConnectionStateHandler` only sees whole parsed parts, so its idle
/// timeout is reset by every body part (a body sent a byte at a time never ends) and closes
/// without an answer; its parse-error path writes a bare 400 with no body.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// Where the reading side of the connection stands.
    private enum Inbound {
        /// Between requests: waiting for the next head (whose first bytes may have arrived,
        /// see ``ConnectionActivity/requestStarted``).
        case betweenRequests
        /// A head was passed on; its body is being read since then.
        case readingBody(since: NIODeadline)
        /// Nothing more is read: a request asked to close, or the bytes could not be read.
        case finished
    }

    /// A request passed on whose response has not ended.
    private struct Exchange {
        var keepAlive: Bool
        var version: HTTPVersion
    }

    private enum Deadline {
        case idle, header, body
    }

    private let limits: SandboxHTTPLimits
    private let activity: ConnectionActivity
    private let serverName: String
    private let logger: Logger
    private var inbound = Inbound.betweenRequests
    /// Requests whose responses are owed, oldest first.
    private var exchanges = CircularBuffer<Exchange>()
    /// A refusal to write once the owed responses are written.
    private var pendingRefusal: HTTPRefusal?
    private var idleSince = NIODeadline.now()
    private var timer: Scheduled<Void>?
    private var isClosing = false

    init(limits: SandboxHTTPLimits, activity: ConnectionActivity, serverName: String, logger: Logger) {
        self.limits = limits
        self.activity = activity
        self.serverName = serverName
        self.logger = logger
    }

    // MARK: Lifecycle

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { armTimer(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimer()
    }

    func channelActive(context: ChannelHandlerContext) {
        idleSince = .now()
        armTimer(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelTimer()
        context.fireChannelInactive()
    }

    // MARK: Reading

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch (Self.unwrapInboundIn(data), inbound) {
        case (.head(var head), .betweenRequests):
            activity.headReceived()
            if let refusal = refusal(of: head) {
                refuse(refusal, context: context)
                return
            }
            let exchange = Exchange(keepAlive: head.isKeepAlive, version: head.version)
            exchanges.append(exchange)
            if !exchange.keepAlive {
                // Hummingbird stops reading after a request that says `close`, in this spelling only.
                head.headers.replaceOrAdd(name: "connection", value: "close")
            }
            inbound = .readingBody(since: .now())
            armTimer(context)
            context.fireChannelRead(Self.wrapInboundOut(.head(head)))
        case (.body, .readingBody):
            context.fireChannelRead(data)
        case (.end, .readingBody):
            inbound = exchanges.last?.keepAlive == false ? .finished : .betweenRequests
            if case .finished = inbound { activity.stop() } else { activity.requestEnded() }
            armTimer(context)
            context.fireChannelRead(data)
        default:
            break  // after a refusal, or parts out of order: nothing more is read
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is RequestStartWatcher.RequestStarted {
            armTimer(context)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        switch inbound {
        case .finished:
            return  // the decoder repeats its error for every later read; it was answered
        case .readingBody:
            // The API is reading this body: let its read fail, answer, and close.
            closeAfterOwedResponses()
            context.fireErrorCaught(error)
        case .betweenRequests:
            if let refusal = error as? HTTPRefusal {
                refuse(refusal, context: context)
            } else if let parserError = error as? HTTPParserError {
                refuse(HTTPRefusal(parserError, inBody: false, headerLimit: limits.maximumHeaderSize), context: context)
            } else {
                context.fireErrorCaught(error)
            }
        }
    }

    /// The refusal a parsed head earns by its size, if any.
    private func refusal(of head: HTTPRequestHead) -> HTTPRefusal? {
        if head.uri.utf8.count > limits.maximumURLLength {
            return .urlTooLong(limit: limits.maximumURLLength)
        }
        let headerBytes = head.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count }
        if headerBytes > limits.maximumHeaderSize {
            return .headerTooLarge(limit: limits.maximumHeaderSize)
        }
        return nil
    }

    /// Stops reading and answers `refusal` once the responses already owed are written.
    private func refuse(_ refusal: HTTPRefusal, context: ChannelHandlerContext) {
        logger.info("Refused a request on \(context.channel.remoteAddress?.description ?? "a connection"): \(refusal.status)",
                    metadata: ["x-sandbox.refusal": .string(refusal.problem.detail ?? "")])
        inbound = .finished
        activity.stop()
        if exchanges.isEmpty {
            writeRefusal(refusal, context: context)
        } else {
            pendingRefusal = refusal
        }
    }

    /// The last owed response closes the connection; nothing more is read.
    private func closeAfterOwedResponses() {
        inbound = .finished
        activity.stop()
        if !exchanges.isEmpty { exchanges[exchanges.index(before: exchanges.endIndex)].keepAlive = false }
    }

    // MARK: Writing

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard let exchange = exchanges.first, !isClosing else {
            // A response nobody asked for, such as Hummingbird's bare 400 after a parse error
            // that was already answered here.
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        switch Self.unwrapOutboundIn(data) {
        case .head(var head):
            if exchange.keepAlive, head.headers[canonicalForm: "connection"].contains(where: { $0.lowercased() == "close" }) {
                // The responder closes this connection (after a body it could not read).
                exchanges[exchanges.startIndex].keepAlive = false
                inbound = .finished
                activity.stop()
            } else if !exchange.keepAlive {
                head.headers.replaceOrAdd(name: "connection", value: "close")
            } else if exchange.version == .http1_0 {
                head.headers.replaceOrAdd(name: "connection", value: "keep-alive")
            }
            context.write(Self.wrapOutboundOut(.head(head)), promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            exchanges.removeFirst()
            let lastOwed = exchanges.isEmpty
            if lastOwed, let refusal = pendingRefusal {
                context.write(data, promise: promise)
                writeRefusal(refusal, context: context)
            } else if lastOwed, !exchange.keepAlive {
                closeAfterWriting(data, promise: promise, context: context)
            } else {
                context.write(data, promise: promise)
                if lastOwed {
                    idleSince = .now()
                    armTimer(context)
                }
            }
        }
    }

    /// Writes a refusal as X's problem JSON and closes the connection.
    private func writeRefusal(_ refusal: HTTPRefusal, context: ChannelHandlerContext) {
        pendingRefusal = nil
        let answer = SandboxHTTPResponse.problem(refusal.problem, status: refusal.status)
        var headers = HTTPHeaders(answer.headers.map { ($0.name, $0.value) })
        headers.add(name: "content-length", value: String(answer.body.count))
        headers.add(name: "connection", value: "close")
        headers.add(name: "date", value: Self.httpDate(Date()))
        headers.add(name: "server", value: serverName)
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: refusal.status), headers: headers)
        context.write(Self.wrapOutboundOut(.head(head)), promise: nil)
        context.write(Self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: answer.body)))), promise: nil)
        closeAfterWriting(Self.wrapOutboundOut(.end(nil)), promise: nil, context: context)
    }

    /// Writes and flushes `data`, then closes the connection once it is on the wire.
    ///
    /// The close lingers, as servers' do: the sending side is shut first, and what the client
    /// still sends (the rest of a 100 KB URL, a body nobody reads) is read and dropped until it
    /// closes too or ``lingerTime`` passes. Closing with unread bytes would make the kernel
    /// send a reset, and the client would lose the answer.
    private func closeAfterWriting(_ data: NIOAny, promise: EventLoopPromise<Void>?, context: ChannelHandlerContext) {
        isClosing = true
        cancelTimer()
        let written = promise ?? context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(data, promise: written)
        written.futureResult.assumeIsolated().whenComplete { [self] _ in
            let halfClosed = context.eventLoop.makePromise(of: Void.self)
            context.close(mode: .output, promise: halfClosed)
            halfClosed.futureResult.assumeIsolated().whenFailure { _ in context.close(promise: nil) }
            timer = context.eventLoop.assumeIsolated().scheduleTask(in: Self.lingerTime) {
                context.close(promise: nil)
            }
        }
    }

    /// How long a closing connection keeps reading what its client still sends.
    static let lingerTime = TimeAmount.seconds(2)

    // MARK: Timeouts

    /// The deadline that applies now, if any: none while the server owes a response to a
    /// request it has read whole.
    private var deadline: (at: NIODeadline, kind: Deadline)? {
        switch inbound {
        case .finished:
            return nil
        case .readingBody(let since):
            return (since + TimeAmount(limits.bodyTimeout), .body)
        case .betweenRequests:
            guard exchanges.isEmpty else { return nil }
            if let started = activity.requestStarted {
                return (started + TimeAmount(limits.headerTimeout), .header)
            }
            return (idleSince + TimeAmount(limits.idleTimeout), .idle)
        }
    }

    private func armTimer(_ context: ChannelHandlerContext) {
        cancelTimer()
        guard !isClosing, let deadline else { return }
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline.at) { [self] in
            timer = nil
            timedOut(deadline.kind, context: context)
        }
    }

    private func cancelTimer() {
        timer?.cancel()
        timer = nil
    }

    private func timedOut(_ kind: Deadline, context: ChannelHandlerContext) {
        switch kind {
        case .idle:
            isClosing = true
            context.close(promise: nil)
        case .header:
            refuse(.timedOut(.header, after: limits.headerTimeout), context: context)
        case .body:
            // The API waits for this body: its read fails with the refusal, which it answers.
            logger.info("A request body timed out on \(context.channel.remoteAddress?.description ?? "a connection")")
            closeAfterOwedResponses()
            context.fireErrorCaught(HTTPRefusal.timedOut(.body, after: limits.bodyTimeout))
        }
    }

    /// An IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
