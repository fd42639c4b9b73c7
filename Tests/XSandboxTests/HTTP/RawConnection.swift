import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A TCP connection that sends exactly the bytes a test writes and records exactly the bytes
/// the server sends back, and whether it closed: for requests URLSession cannot make (HTTP/1.0,
/// pipelining, bare CRs, half a request, a byte at a time).
///
/// ```swift
/// let connection = try await RawConnection.open(port: server.port)
/// try await connection.send("GET /2/users/1/followers HTTP/1.0\r\n\r\n")
/// let response = try await connection.response()
/// #expect(await connection.waitForClose())
/// ```
final class RawConnection: Sendable {
    /// What arrived so far.
    private struct Received {
        var bytes: [UInt8] = []
        var isClosed = false
    }

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let received = Mutex(Received())
        let firstBytes: [UInt8]

        init(firstBytes: [UInt8]) { self.firstBytes = firstBytes }

        func channelActive(context: ChannelHandlerContext) {
            if !firstBytes.isEmpty {
                context.writeAndFlush(Self.wrapOutboundOut(ByteBuffer(bytes: firstBytes)), promise: nil)
            }
            context.fireChannelActive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = Self.unwrapInboundIn(data)
            received.withLock { $0.bytes += buffer.readableBytesView }
        }

        func channelInactive(context: ChannelHandlerContext) {
            received.withLock { $0.isClosed = true }
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)  // a reset: the connection is gone
        }
    }

    private let channel: any Channel
    private let collector: Collector
    /// How many received bytes the parsed responses used.
    private let consumed = Mutex(0)

    private init(channel: any Channel, collector: Collector) {
        self.channel = channel
        self.collector = collector
    }

    /// Connects to `127.0.0.1:port` and sends `firstBytes` as soon as it is connected (from the
    /// event loop, so that no delay of the test's task comes between connecting and sending).
    static func open(port: Int, sending firstBytes: String = "") async throws -> RawConnection {
        let collector = Collector(firstBytes: Array(firstBytes.utf8))
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(collector) }
            }
            .connect(host: "127.0.0.1", port: port)
            .get()
        return RawConnection(channel: channel, collector: collector)
    }

    /// Sends bytes as they are.
    func send(_ bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(ByteBuffer(bytes: bytes))
    }

    /// Sends text as UTF-8, as it is (write `\r\n` yourself).
    func send(_ text: String) async throws {
        try await send(Array(text.utf8))
    }

    /// Whether the server has closed the connection.
    var isClosed: Bool { collector.received.withLock { $0.isClosed } }

    /// Every byte received so far.
    var receivedBytes: [UInt8] { collector.received.withLock { $0.bytes } }

    /// Waits until the server closes the connection; `false` if it is still open after `timeout`.
    func waitForClose(timeout: Duration = .seconds(10)) async -> Bool {
        await Self.wait(timeout: timeout) { self.isClosed }
    }

    /// The next complete response, parsed from the received bytes; waits up to `timeout` for it.
    /// A response to HEAD (`bodyless`) has a `content-length` but no body.
    ///
    /// - Throws: ``RawHTTPResponse/Incomplete`` when no complete response arrived in time.
    func response(timeout: Duration = .seconds(10), bodyless: Bool = false) async throws -> RawHTTPResponse {
        func parse() -> (RawHTTPResponse, Int)? {
            RawHTTPResponse.parse(receivedBytes[consumed.withLock { $0 }...], bodyless: bodyless)
        }
        _ = await Self.wait(timeout: timeout) { parse() != nil || self.isClosed }
        guard let (response, length) = parse() else {
            throw RawHTTPResponse.Incomplete(received: String(decoding: receivedBytes, as: UTF8.self))
        }
        consumed.withLock { $0 += length }
        return response
    }

    /// Closes the connection from this side.
    func close() async {
        try? await channel.close()
    }

    /// Polls `condition` every 10 ms until it holds or `timeout` passes.
    static func wait(timeout: Duration, _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }
}

/// One HTTP/1.1 response as it came over the wire.
struct RawHTTPResponse: Sendable {
    /// No complete response arrived.
    struct Incomplete: Error, CustomStringConvertible {
        var received: String
        var description: String { "No complete response; received: \(received.prefix(500))" }
    }

    var statusLine: String
    var status: Int
    /// The header fields in their order, names lowercased.
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.name == name.lowercased() }?.value
    }

    /// The body as a JSON object.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    /// Parses a response with a `content-length` (the sandbox always sends one) from the start
    /// of `bytes`; answers it and how many bytes it took, or `nil` if it is not complete.
    /// `bodyless` responses (to HEAD) have a length but no body.
    static func parse(_ bytes: ArraySlice<UInt8>, bodyless: Bool = false) -> (RawHTTPResponse, Int)? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let headEnd = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else { return nil }
        let lines = String(decoding: bytes[bytes.startIndex..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines[0]
        let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0
        let headers = lines.dropFirst().map { line -> (name: String, value: String) in
            let parts = line.split(separator: ":", maxSplits: 1)
            return (String(parts[0]).lowercased(), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
        }
        let length = bodyless ? 0 : Int(headers.first { $0.name == "content-length" }?.value ?? "0") ?? 0
        let bodyStart = headEnd + separator.count
        guard bytes.endIndex - bodyStart >= length else { return nil }
        let response = RawHTTPResponse(statusLine: statusLine, status: status, headers: headers,
                                       body: Array(bytes[bodyStart..<(bodyStart + length)]))
        return (response, bodyStart + length - bytes.startIndex)
    }
}
