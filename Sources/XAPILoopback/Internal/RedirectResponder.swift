import Foundation
import Hummingbird
import HTTPTypes

/// Answers the browser: the page for the first `GET` of the path, 410 for a repeat, 404 for
/// anything else.
struct RedirectResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let path: String
    let page: String
    let inbox: Inbox

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let target = request.head.path ?? "/"
        let requestPath = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "/"
        guard request.method == .get, requestPath == path else {
            return Self.page(.notFound, "<!doctype html><title>Not found</title><p>Not found.</p>")
        }
        guard let port = inbox.port,
              let url = URL(string: "http://127.0.0.1:\(port)\(target)"),
              inbox.claim()
        else {
            return Self.page(.gone, "<!doctype html><title>Already received</title><p>This sign-in already finished.</p>")
        }
        // The redirect is handed over only once the page is written: the receiver stops
        // listening as soon as it has the redirect, and the browser must still get its page.
        let inbox = inbox
        let buffer = ByteBuffer(string: page)
        return Self.page(.ok, body: ResponseBody(contentLength: buffer.readableBytes) { writer in
            defer { inbox.deliver(url) }
            try await writer.write(buffer)
            try await writer.finish(nil)
        })
    }

    private static func page(_ status: HTTPResponse.Status, _ html: String) -> Response {
        page(status, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    private static func page(_ status: HTTPResponse.Status, body: ResponseBody) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"], body: body)
    }
}
