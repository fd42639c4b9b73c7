import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// The sandbox's HTTP/1.1 connection: Hummingbird's `HTTP1Channel` pipeline with two handlers
/// of its own around NIO's decoder, so that persistence, timeouts, size caps and malformed
/// requests behave as on a real server (see ``ConnectionGuard``).
///
/// ```
/// bytes → RequestStartWatcher → HTTPRequestDecoder (llhttp) → ConnectionGuard
///       → HTTP1ToHTTPServerCodec → HTTPConnectionStateHandler → Hummingbird's request loop
/// ```
///
/// What Hummingbird 2.28 offers was used where it fits: its request loop (`handleHTTP`), its
/// codec, and `HTTPConnectionStateHandler` for graceful shutdown. Its `idleTimeout` is left
/// off: ``ConnectionGuard`` keeps separate idle, header and body deadlines instead.
struct SandboxHTTPChannel: HTTPChannelHandler {
    typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

    let responder: HTTPChannelHandler.Responder
    let limits: SandboxHTTPLimits
    let serverName: String

    /// A server builder for `Application(responder:server:)`.
    static func builder(limits: SandboxHTTPLimits, serverName: String) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            SandboxHTTPChannel(responder: responder, limits: limits, serverName: serverName)
        }
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let activity = ConnectionActivity()
            let pipeline = channel.pipeline.syncOperations
            try pipeline.addHandler(RequestStartWatcher(activity: activity, maximumURLLength: limits.maximumURLLength))
            try pipeline.configureHTTPServerPipeline(
                withPipeliningAssistance: false,  // the request loop answers in order itself
                withErrorHandling: false,  // ConnectionGuard answers parse errors
                withOutboundHeaderValidation: false,  // swift-http-types validates fields
                withEncoderConfiguration: .init(),
                withDecoderLimitConfiguration: decoderLimits
            )
            try pipeline.addHandler(ConnectionGuard(limits: limits, activity: activity, serverName: serverName, logger: logger))
            try pipeline.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            try pipeline.addHandler(HTTPConnectionStateHandler(idleTimeout: nil, logger: logger))
            return try NIOAsyncChannel(
                wrappingChannelSynchronously: channel,
                configuration: .init(isOutboundHalfClosureEnabled: true)
            )
        }
    }

    func handle(value: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: value, logger: logger)
    }

    /// The decoder's own limits sit above the sandbox's, so that the sandbox's checks decide
    /// (and name the right status) for every request the decoder can parse; past them llhttp
    /// stops buffering and the guard answers 431.
    private var decoderLimits: NIOHTTPDecoderLimitConfiguration {
        var decoder = NIOHTTPDecoderLimitConfiguration()
        let url = limits.maximumURLLength + SandboxHTTPLimits.requestLineOverhead
        decoder.maxHeaderFieldSize = max(url, limits.maximumHeaderSize) + 1
        decoder.maxHeaderListSize = url + limits.maximumHeaderSize + 1
        decoder.maxHeaderFieldCount = SandboxHTTPLimits.maximumHeaderFieldCount
        return decoder
    }
}
