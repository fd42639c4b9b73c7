import Foundation
import XAPIRuntime
import HTTPTypes

/// A request a server received, independent of the HTTP library that received it: what
/// generated server code routes, decodes and validates.
///
/// An HTTP adapter builds one per request; the path and query stay percent-encoded, exactly
/// as they arrived, so a signature over them (OAuth 1.0a) can still be checked:
///
/// ```swift
/// let request = ServerRequest(method: .get, target: "/2/users/2244994945/followers?max_results=5",
///                             headerFields: [.authorization: "Bearer …"], body: Data())
/// request.path          // "/2/users/2244994945/followers"
/// request.queryItems    // [max_results=5]
/// ```
public struct ServerRequest: Sendable {
    /// The request method.
    public var method: HTTPRequest.Method
    /// The path as received, percent-encoded, without the query.
    public var path: String
    /// The query as received, percent-encoded, without `?`; `nil` when the target has none.
    public var query: String?
    /// The header fields.
    public var headerFields: HTTPFields
    /// The body, read whole.
    public var body: Data

    /// Creates a request from its parts.
    public init(method: HTTPRequest.Method, path: String, query: String?, headerFields: HTTPFields = [:], body: Data = Data()) {
        self.method = method
        self.path = path
        self.query = query
        self.headerFields = headerFields
        self.body = body
    }

    /// Creates a request from a request target (`/path?query`), split at the first `?`.
    public init(method: HTTPRequest.Method, target: String, headerFields: HTTPFields = [:], body: Data = Data()) {
        if let mark = target.firstIndex(of: "?") {
            self.init(method: method, path: String(target[..<mark]), query: String(target[target.index(after: mark)...]),
                      headerFields: headerFields, body: body)
        } else {
            self.init(method: method, path: target, query: nil, headerFields: headerFields, body: body)
        }
    }

    /// The query items in the order they were sent, names and values form-decoded (`%XX`
    /// escapes, `+` as a space). An item whose escapes are malformed keeps its raw text.
    public var queryItems: [OperationRequest.QueryItem] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let value = parts.count > 1 ? String(parts[1]) : ""
            return OperationRequest.QueryItem(
                name: OAuth1Signature.percentDecode(name, plusAsSpace: true) ?? name,
                value: OAuth1Signature.percentDecode(value, plusAsSpace: true) ?? value
            )
        }
    }
}
