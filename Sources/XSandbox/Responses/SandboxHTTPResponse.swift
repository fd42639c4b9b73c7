import Foundation
import XAPIServerRuntime
import XFollows

/// A response before it becomes Hummingbird's: status, headers and body bytes.
struct SandboxHTTPResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: Data
    /// The IDs of the billable resources the body returns (`EncodedResponse.billableResourceIDs`).
    var billableResourceIDs: [String]?
    /// A streaming operation's lines, sent after ``body`` for as long as they come.
    var stream: AsyncStream<Data>?
    /// A fault the HTTP layer injects into this answer (the operation ran).
    var fault: SandboxFault?
    /// How long a slow fault delays.
    var faultDelay: Duration = .zero

    /// A JSON body encoded with the X coders, as `application/json`.
    static func json(_ value: some Encodable, status: Int = 200) -> SandboxHTTPResponse {
        encode(value, status: status, contentType: "application/json")
    }

    /// A problem document as `application/problem+json`.
    static func problem(_ problem: Problem, status: Int) -> SandboxHTTPResponse {
        encode(problem, status: status, contentType: "application/problem+json")
    }

    private static func encode(_ value: some Encodable, status: Int, contentType: String) -> SandboxHTTPResponse {
        do {
            let body = try XAPIJSON.makeEncoder().encode(value)
            return SandboxHTTPResponse(status: status, headers: [("content-type", contentType)], body: body)
        } catch {
            let fallback = Problem(type: "about:blank", title: "Internal Server Error",
                                   detail: "The response could not be encoded: \(error)", status: 500)
            let body = (try? XAPIJSON.makeEncoder().encode(fallback)) ?? Data()
            return SandboxHTTPResponse(status: 500, headers: [("content-type", "application/problem+json")], body: body)
        }
    }

    /// Adds a limit's three headers, named as the runtime reads them.
    mutating func add(_ status: RateLimitStatus?, _ family: LimitHeaders) {
        guard let status else { return }
        headers += status.headerFields(family).map { ($0.name.rawName, $0.value) }
    }
}

extension SandboxHTTPResponse {
    /// A response the generated server side encoded.
    init(_ encoded: EncodedResponse) {
        self.init(status: encoded.status.code,
                  headers: encoded.headerFields.map { ($0.name.rawName, $0.value) },
                  body: encoded.body,
                  billableResourceIDs: encoded.billableResourceIDs,
                  stream: encoded.stream)
    }
}
