import Foundation
import Hummingbird
import HTTPTypes
import NIOCore
import NIOHTTP1

/// Hands Hummingbird's requests to ``SandboxAPI`` and its answers back: every path, even an
/// unknown one, is answered in X's shapes, so no router sits in between.
///
/// Two things of HTTP's own are settled here, not in the API: the body is read up to
/// ``SandboxHTTPLimits/maximumBodySize`` (a body that is too long, malformed or too slow is
/// refused with ``HTTPRefusal``'s problem JSON), and the answer to `HEAD` loses its body but
/// keeps its `content-length`. The API sees `HEAD` as sent (the generated router matches it to
/// the path's `GET`), so an OAuth 1.0a signature over `HEAD` verifies.
struct SandboxResponder: HTTPResponder {
    typealias Context = SandboxRequestContext

    let api: SandboxAPI
    let limits: SandboxHTTPLimits

    func respond(to request: Request, context: SandboxRequestContext) async throws -> Response {
        let target = request.head.path ?? "/"
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let body: Data
        var limits = limits
        if parts.first == "/_sandbox/state/import" { limits.maximumBodySize = limits.maximumStateImportSize }
        do {
            let buffer = try await request.body.collect(upTo: limits.maximumBodySize)
            body = Data(buffer.readableBytesView)
        } catch {
            return Self.response(refusing: error, limits: limits)
        }
        let answer = await api.respond(to: SandboxAPI.Request(
            method: request.method.rawValue,
            path: parts.first.map(String.init) ?? "/",
            query: parts.count > 1 ? String(parts[1]) : nil,
            host: request.head.authority,
            authorization: request.headers[.authorization],
            body: body
        ))
        let response = if let fault = answer.fault {
            try await Self.response(answer, fault: fault, channel: context.channel)
        } else {
            Self.response(answer)
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    /// The answer to a body that could not be read: too long (413), malformed (400, e.g. an
    /// invalid chunk size), or too slow (408); the connection closes after it.
    static func response(refusing error: any Error, limits: SandboxHTTPLimits) -> Response {
        let refusal: HTTPRefusal
        switch error {
        case is NIOTooManyBytesError:
            refusal = .bodyTooLarge(limit: limits.maximumBodySize)
        case let error as HTTPParserError:
            refusal = HTTPRefusal(error, inBody: true, headerLimit: limits.maximumHeaderSize)
        case let error as HTTPRefusal:
            refusal = error
        default:
            refusal = .malformed("The request body could not be read: \(error).")
        }
        var answer = SandboxHTTPResponse.problem(refusal.problem, status: refusal.status)
        answer.headers.append(("connection", "close"))
        return response(answer)
    }

    static func response(_ answer: SandboxHTTPResponse) -> Response {
        var fields = HTTPFields()
        for header in answer.headers {
            guard let name = HTTPField.Name(header.name) else { continue }
            fields.append(HTTPField(name: name, value: header.value))
        }
        if let stream = answer.stream {
            // A stream's lines go out as they come; a failed write (the client went away)
            // ends the loop, which ends the stream's subscription.
            let head = answer.body
            return Response(status: HTTPResponse.Status(code: answer.status), headers: fields, body: ResponseBody { writer in
                if !head.isEmpty { try await writer.write(ByteBuffer(bytes: head)) }
                for await chunk in stream {
                    try await writer.write(ByteBuffer(bytes: chunk))
                }
                try await writer.finish(nil)
            })
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
        )
    }
}
