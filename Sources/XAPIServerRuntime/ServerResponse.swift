import Foundation
import XAPIRuntime
import HTTPTypes

/// What a server's operation handler answers: the operation's success body with a status and
/// header fields (rate-limit headers, say).
///
/// ```swift
/// func usersIdFollow(_ input: ServerOperations.UsersIdFollow, context: Context) async throws
///     -> ServerResponse<FollowResponse> {
///     ServerResponse(FollowResponse(data: .following), headerFields: limitHeaders)
/// }
/// ```
public struct ServerResponse<Body: Encodable & Sendable>: Sendable {
    /// The status, `200 OK` by default.
    public var status: HTTPResponse.Status
    /// Header fields to send besides `Content-Type`.
    public var headerFields: HTTPFields
    /// The body, encoded with the X JSON coders.
    public var body: Body

    /// Creates a response.
    public init(_ body: Body, status: HTTPResponse.Status = .ok, headerFields: HTTPFields = [:]) {
        self.body = body
        self.status = status
        self.headerFields = headerFields
    }
}

/// A refusal an operation handler throws: X's problem document, as
/// `application/problem+json`, with a status and header fields.
///
/// ```swift
/// throw ProblemResponse(status: .tooManyRequests,
///                       problem: Problem(title: "Too Many Requests", status: 429))
/// ```
public struct ProblemResponse: Error, Sendable {
    /// The status.
    public var status: HTTPResponse.Status
    /// The problem document.
    public var problem: Problem
    /// Header fields to send besides `Content-Type`.
    public var headerFields: HTTPFields

    /// Creates a refusal.
    public init(status: HTTPResponse.Status, problem: Problem, headerFields: HTTPFields = [:]) {
        self.status = status
        self.problem = problem
        self.headerFields = headerFields
    }
}

/// A response ready for the wire: status, header fields (with `Content-Type`) and body bytes.
/// Generated server code makes one from a handler's ``ServerResponse`` or ``ProblemResponse``;
/// an HTTP adapter sends it.
public struct EncodedResponse: Sendable {
    /// The status.
    public var status: HTTPResponse.Status
    /// The header fields, `Content-Type` included when there is a body.
    public var headerFields: HTTPFields
    /// The body bytes; empty for a response without content.
    public var body: Data
    /// The IDs of the resources the body returns that X charges for (its
    /// `BillableResponse.billableResourceIDs`), so a server can bill what it sends; `nil`
    /// when the body is not billable.
    public var billableResourceIDs: [String]?
    /// For a streaming operation, the body's chunks as they are to be sent (one line each),
    /// after ``body``; `nil` for an ordinary response.
    public var stream: AsyncStream<Data>?

    /// Creates a response from its parts.
    public init(status: HTTPResponse.Status, headerFields: HTTPFields, body: Data, billableResourceIDs: [String]? = nil) {
        self.status = status
        self.headerFields = headerFields
        self.body = body
        self.billableResourceIDs = billableResourceIDs
    }

    /// A handler's response with its body encoded as `application/json` (none for
    /// `NoContent`; a ``RawBody``'s bytes with its content type).
    ///
    /// - Throws: `EncodingError` when the body cannot be encoded.
    public init<Body>(encoding response: ServerResponse<Body>) throws {
        var fields = response.headerFields
        if Body.self == NoContent.self {
            self.init(status: response.status, headerFields: fields, body: Data())
        } else if let raw = response.body as? RawBody {
            fields[.contentType] = raw.contentType
            self.init(status: response.status, headerFields: fields, body: raw.data)
        } else {
            fields[.contentType] = "application/json"
            self.init(status: response.status, headerFields: fields, body: try XAPIJSON.makeEncoder().encode(response.body),
                      billableResourceIDs: (response.body as? any BillableResponse)?.billableResourceIDs)
        }
    }

    /// A problem document as `application/problem+json`.
    public init(problem: Problem, status: HTTPResponse.Status, headerFields: HTTPFields = [:]) {
        var fields = headerFields
        fields[.contentType] = "application/problem+json"
        let body = (try? XAPIJSON.makeEncoder().encode(problem)) ?? Data()
        self.init(status: status, headerFields: fields, body: body)
    }

    /// A handler's refusal.
    public init(_ refusal: ProblemResponse) {
        self.init(problem: refusal.problem, status: refusal.status, headerFields: refusal.headerFields)
    }
}
