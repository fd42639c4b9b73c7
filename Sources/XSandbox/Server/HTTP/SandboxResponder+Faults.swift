import Foundation
import Hummingbird
import HTTPTypes
import NIOCore
import NIOPosix

/// The faults that reach the wire (``SandboxFault``), once the operation ran: a reset (TCP
/// RST, SO_LINGER 0) before any byte or after half the body, a body cut in half with a
/// matching `content-length`, a slow first byte and a slow body.
extension SandboxResponder {
    /// Thrown to Hummingbird after the connection was reset on purpose; nothing more is written.
    struct InjectedReset: Error {}

    /// The answer with its fault applied.
    static func response(_ answer: SandboxHTTPResponse, fault: SandboxFault, channel: any Channel) async throws -> Response {
        var answer = answer
        switch fault {
        case .resetBeforeResponse:
            await reset(channel)
            throw InjectedReset()
        case .truncatedBody:
            answer.body = answer.body.prefix(answer.body.count / 2)
            return response(answer)
        case .slowFirstByte:
            try? await Task.sleep(for: answer.faultDelay)
            return response(answer)
        case .slowBody, .resetMidBody:
            let body = answer.body
            let delay = answer.faultDelay
            var response = response(answer)
            response.body = ResponseBody(contentLength: body.count) { writer in
                if fault == .resetMidBody {
                    try await writer.write(ByteBuffer(bytes: body.prefix(body.count / 2)))
                    // Let the half reach the client before the reset discards what is unsent.
                    try? await Task.sleep(for: .milliseconds(50))
                    await reset(channel)
                    throw InjectedReset()
                }
                let pieces = 8
                let size = max(1, (body.count + pieces - 1) / pieces)
                var offset = body.startIndex
                while offset < body.endIndex {
                    try? await Task.sleep(for: delay / pieces)
                    let end = min(body.endIndex, offset + size)
                    try await writer.write(ByteBuffer(bytes: body[offset..<end]))
                    offset = end
                }
                try await writer.finish(nil)
            }
            return response
        case .duplicatePage, .serverError, .serverErrorRetryAfter, .unavailable, .unavailableRetryAfter, .rateLimitBurst:
            return response(answer)
        }
    }

    /// Resets the connection: SO_LINGER 0, then close, so the peer gets an RST.
    private static func reset(_ channel: any Channel) async {
        if let socket = channel as? any SocketOptionProvider {
            try? await socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
        }
        try? await channel.close()
    }
}
