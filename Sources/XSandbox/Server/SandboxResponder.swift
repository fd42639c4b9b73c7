import Foundation
import Hummingbird
import HTTPTypes

/// Hands Hummingbird's requests to ``SandboxAPI`` and its answers back: every path, even an
/// unknown one, is answered in X's shapes, so no router sits in between.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// The largest request body read (a follow body is a few dozen bytes).
    static let maximumBodySize = 64 * 1024

    let api: SandboxAPI

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let target = request.head.path ?? "/"
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let body: Data
        do {
            let buffer = try await request.body.collect(upTo: Self.maximumBodySize)
            body = Data(buffer.readableBytesView)
        } catch {
            return Self.response(.problem(
                .init(type: "about:blank", title: "Payload Too Large",
                      detail: "The request body exceeds \(Self.maximumBodySize) bytes.", status: 413),
                status: 413))
        }
        let answer = await api.respond(to: SandboxAPI.Request(
            method: request.method.rawValue,
            path: parts.first.map(String.init) ?? "/",
            query: parts.count > 1 ? String(parts[1]) : nil,
            host: request.head.authority,
            authorization: request.headers[.authorization],
            body: body
        ))
        return Self.response(answer)
    }

    private static func response(_ answer: SandboxHTTPResponse) -> Response {
        var fields = HTTPFields()
        for header in answer.headers {
            guard let name = HTTPField.Name(header.name) else { continue }
            fields.append(HTTPField(name: name, value: header.value))
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
        )
    }
}
