import Foundation
import HTTPTypes
import OpenAPIRuntime
@testable import XAPIRuntime

/// A request the scripted transport received.
struct RecordedRequest: Sendable {
    var request: HTTPRequest
    var body: Data?
    var baseURL: URL
    var operationID: String

    var url: URL { try! RequestURL.make(baseURL: baseURL, path: request.path ?? "/") }
    var authorization: String? { request.headerFields[.authorization] }

    /// The query items of the URL, decoded.
    var query: [String: String] {
        Dictionary(OAuth1Signature.queryParameters(of: url).map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
    }
}

/// What the scripted transport answers.
struct Reply: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: Data?

    init(status: Int = 200, headers: [(String, String)] = [("content-type", "application/json")], body: String? = nil) {
        self.status = status
        self.headers = headers
        self.body = body.map { Data($0.utf8) }
    }

    static func json(_ body: String, status: Int = 200, headers: [(String, String)] = []) -> Reply {
        Reply(status: status, headers: [("content-type", "application/json")] + headers, body: body)
    }

    static func problem(_ body: String, status: Int, headers: [(String, String)] = []) -> Reply {
        Reply(status: status, headers: [("content-type", "application/problem+json")] + headers, body: body)
    }
}

struct TransportFailure: Error, CustomStringConvertible {
    var description: String { "connection reset by peer" }
}

/// An in-memory `ClientTransport`: answers each request from a handler and records it.
final class ScriptedTransport: ClientTransport, @unchecked Sendable {
    typealias Handler = @Sendable (RecordedRequest, Int) async throws -> Reply

    private let lock = NSLock()
    private var recorded: [RecordedRequest] = []
    private let handler: Handler

    /// Answers with `handler(request, index)`, where `index` counts requests from 0.
    init(handler: @escaping Handler) {
        self.handler = handler
    }

    /// Answers the requests in order with `steps`; a `nil` reply means a transport error. After
    /// the last step every further request fails the test's expectations with a 599.
    convenience init(_ steps: [Reply?]) {
        self.init { _, index in
            guard index < steps.count else { return Reply(status: 599, body: "unexpected request \(index)") }
            guard let reply = steps[index] else { throw TransportFailure() }
            return reply
        }
    }

    var requests: [RecordedRequest] { lock.withLock { recorded } }

    func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let data: Data? = if let body { try await Data(collecting: body, upTo: 1 << 20) } else { nil }
        let record = RecordedRequest(request: request, body: data, baseURL: baseURL, operationID: operationID)
        let index = lock.withLock {
            recorded.append(record)
            return recorded.count - 1
        }
        let reply = try await handler(record, index)
        var fields = HTTPFields()
        for (name, value) in reply.headers { fields.append(HTTPField(name: HTTPField.Name(name)!, value: value)) }
        return (HTTPResponse(status: .init(code: reply.status), headerFields: fields), reply.body.map { HTTPBody($0) })
    }
}
