import HTTPTypes

/// A decoded 2xx response with its status, headers and limit information.
///
/// Members of the body are reachable directly:
///
/// ```swift
/// let response = try await client.followers(of: "2244994945")
/// response.data              // the body's `data`, via dynamic member lookup
/// response.rateLimit?.remaining
/// response.charge?.amount    // $1.00 for 100 users not yet read today
/// let users = response.map(\.data)
/// ```
@dynamicMemberLookup
public struct APIResponse<Body: Sendable>: Sendable {
    /// The decoded body.
    public var body: Body
    /// The HTTP status.
    public var status: Int
    /// The response headers.
    public var headers: HTTPFields
    /// `x-rate-limit-limit/-remaining/-reset`, `nil` when not sent.
    public var rateLimit: RateLimitStatus?
    /// `x-user-limit-24hour-*` and `x-app-limit-24hour-*`, `nil` when not sent.
    public var dailyLimits: DailyLimitStatus?
    /// What the response cost under X's pay-per-usage pricing (after X's same-day
    /// deduplication), for an operation the spec prices; `nil` otherwise.
    public var charge: Charge?

    /// Creates a response; the limits are read from `headers`.
    public init(body: Body, status: Int, headers: HTTPFields) {
        self.body = body
        self.status = status
        self.headers = headers
        self.rateLimit = RateLimitStatus(headers: headers)
        self.dailyLimits = DailyLimitStatus(headers: headers)
    }

    /// A member of the body.
    public subscript<Value>(dynamicMember keyPath: KeyPath<Body, Value>) -> Value {
        body[keyPath: keyPath]
    }

    /// The same response with a transformed body.
    public func map<T: Sendable>(_ transform: (Body) throws -> T) rethrows -> APIResponse<T> {
        var response = APIResponse<T>(body: try transform(body), status: status, headers: headers)
        response.rateLimit = rateLimit
        response.dailyLimits = dailyLimits
        response.charge = charge
        return response
    }
}
