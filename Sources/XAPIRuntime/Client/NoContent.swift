/// The body of a success response that carries none (a `204`, or a `2xx`
/// the spec gives no JSON content).
///
/// Generated functions of such operations return `APIResponse<NoContent>`;
/// the status, headers and rate-limit status are still there:
///
/// ```swift
/// let response = try await client.deleteSomething(id)
/// print(response.status, response.rateLimit?.remaining ?? -1)
/// ```
public struct NoContent: Codable, Hashable, Sendable {
    /// Creates the empty body.
    public init() {}

    /// Accepts whatever the body holds; it is not read.
    public init(from decoder: any Decoder) throws {}

    /// Encodes nothing: a server sends no body for it.
    public func encode(to encoder: any Encoder) throws {}
}
