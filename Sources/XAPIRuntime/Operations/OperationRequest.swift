import Foundation
import OpenAPIRuntime

/// The values of one call of an operation: path parameters, query items and JSON body.
///
/// Generated endpoint functions fill it in after validating the arguments:
///
/// ```swift
/// var request = OperationRequest(.usersIdFollowers)
/// request.setPathParameter("id", to: id)
/// request.appendQueryItem("max_results", value: maxResults)
/// request.appendQueryItem("user.fields", commaSeparated: ["created_at", "description"])
/// let response = try await client.send(request, decoding: FollowsLookupResponse.self)
/// ```
public struct OperationRequest: Sendable {
    /// One query item, already rendered as text.
    public struct QueryItem: Sendable, Hashable {
        /// The parameter name, e.g. `max_results`.
        public var name: String
        /// The rendered value, e.g. `100`.
        public var value: String

        /// Creates a query item.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The operation this request calls.
    public private(set) var operation: OperationDescriptor
    /// The path parameters by name, as given (encoded when the path is built).
    public private(set) var pathParameters: [String: String] = [:]
    /// The query items in the order they were appended.
    public private(set) var queryItems: [QueryItem] = []
    /// Header fields set by header parameters, in the order set (`name: value`).
    public internal(set) var headerItems: [QueryItem] = []
    /// Cookies set by cookie parameters, in the order set, sent in one `Cookie` field.
    public internal(set) var cookieItems: [QueryItem] = []
    /// The encoded body read whole (JSON, text, a form), if any.
    public internal(set) var body: Data?
    /// A body streamed as it is sent (binary, multipart), if any.
    public internal(set) var streamingBody: HTTPBody?
    /// The content type of the body; `nil` means `application/json`.
    public internal(set) var bodyContentType: String?
    /// The media types the response may have (`Accept`); `nil` means `application/json`.
    public var accept: String?
    /// The user the request acts for (the `x-authenticated-user` parameter's value), used for
    /// per-user daily caps; the authenticated user when `nil`.
    public var actingUserID: String?

    /// Creates an empty request for an operation.
    public init(_ operation: OperationDescriptor) {
        self.operation = operation
    }

    /// Sets a path parameter; its value is percent-encoded (RFC 3986 unreserved characters
    /// stay) when the path is built, so `../1` can never change the path.
    public mutating func setPathParameter(_ name: String, to value: String) {
        pathParameters[name] = value
    }

    /// Appends a query item; `nil` omits it.
    public mutating func appendQueryItem(_ name: String, value: String?) {
        guard let value else { return }
        queryItems.append(QueryItem(name: name, value: value))
    }

    /// Sets a query item, replacing every item of that name (a stream's `backfill_minutes`
    /// on a reconnection).
    public mutating func replaceQueryItem(_ name: String, value: String) {
        queryItems.removeAll { $0.name == name }
        queryItems.append(QueryItem(name: name, value: value))
    }

    /// Appends an integer query item; `nil` omits it.
    public mutating func appendQueryItem(_ name: String, value: Int?) {
        appendQueryItem(name, value: value.map { String($0) })
    }

    /// Appends a Boolean query item as `true`/`false`; `nil` omits it.
    public mutating func appendQueryItem(_ name: String, value: Bool?) {
        appendQueryItem(name, value: value.map { $0 ? "true" : "false" })
    }

    /// Appends a number query item (shortest form that reads back the same); `nil` omits it.
    public mutating func appendQueryItem(_ name: String, value: Double?) {
        appendQueryItem(name, value: value.map { Self.render($0) })
    }

    /// Appends an array query item in OpenAPI `form` style without explode: one item whose
    /// value is the values joined by commas in the given order, e.g.
    /// `user.fields=created_at,description`. An empty array omits it.
    public mutating func appendQueryItem(_ name: String, commaSeparated values: [String]) {
        guard !values.isEmpty else { return }
        queryItems.append(QueryItem(name: name, value: values.joined(separator: ",")))
    }

    /// Encodes `body` as the request's JSON body with the X JSON coders.
    ///
    /// - Throws: ``XAPIError`` with code ``XAPIError/Code/invalidArgument`` when it cannot be
    ///   encoded.
    public mutating func setJSONBody(_ body: some Encodable & Sendable) throws {
        do {
            self.body = try XAPIJSON.makeEncoder().encode(body)
            streamingBody = nil
            bodyContentType = nil
        } catch {
            throw XAPIError(
                code: .invalidArgument,
                operationID: operation.id,
                message: "The request body cannot be encoded as JSON: \(error)"
            )
        }
    }

    /// The path with its parameters filled in and encoded, followed by the query string.
    ///
    /// ```swift
    /// var request = OperationRequest(.usersIdFollowers)
    /// request.setPathParameter("id", to: "2244994945")
    /// request.appendQueryItem("max_results", value: 10)
    /// try request.encodedPathAndQuery()   // "/2/users/2244994945/followers?max_results=10"
    /// ```
    ///
    /// - Throws: ``XAPIError`` (``XAPIError/Code/invalidArgument``) when a path parameter of
    ///   the template has no value.
    public func encodedPathAndQuery() throws -> String {
        var path = ""
        var rest = operation.path[...]
        while let open = rest.firstIndex(of: "{") {
            path += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                path += rest[open...]
                rest = ""
                break
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard let value = pathParameters[name] else {
                throw XAPIError(
                    code: .invalidArgument,
                    operationID: operation.id,
                    message: "The path parameter \"\(name)\" has no value.",
                    parameter: name
                )
            }
            path += OAuth1Signature.percentEncode(value)
            rest = rest[rest.index(after: close)...]
        }
        path += rest
        guard !queryItems.isEmpty else { return path }
        let query = queryItems
            .map { "\(OAuth1Signature.percentEncode($0.name))=\(OAuth1Signature.percentEncode($0.value))" }
            .joined(separator: "&")
        return path + "?" + query
    }

    private static func render(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }
}
