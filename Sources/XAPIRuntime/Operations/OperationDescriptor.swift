import HTTPTypes

/// Everything the runtime needs to know about one operation of the spec, generated as
/// `extension OperationDescriptor { public static let usersIdFollow = ... }`.
///
/// ```swift
/// extension OperationDescriptor {
///     public static let usersIdFollow = OperationDescriptor(
///         id: "usersIdFollow", method: .post, path: "/2/users/{id}/following",
///         security: [.oauth2UserContext(scopes: ["tweet.read", "users.read", "follows.write"]),
///                    .oauth1UserContext],
///         rateLimits: [RateLimitRule(scope: .user, requests: 50, windowSeconds: 900)],
///         dailyCaps: [DailyCapRule(scope: .user, limit: 400)],
///         isIdempotent: true,
///         pricing: OperationPricing(category: "User Interaction: Create", unit: .request, price: USD("0.015")!),
///         availability: OperationAvailability(plans: ["enterprise"], since: "2026-04-20", note: "..."))
/// }
/// ```
public struct OperationDescriptor: Sendable, Hashable {
    /// The spec's `operationId`, e.g. `usersIdFollowers`.
    public let id: String
    /// The HTTP method.
    public let method: HTTPRequest.Method
    /// The path template, e.g. `/2/users/{id}/followers`.
    public let path: String
    /// The accepted authentication alternatives of X's methods: any one of them suffices.
    /// Empty (with ``schemeSecurity`` empty too) means the operation needs no authentication.
    public let security: [SecurityRequirement]
    /// The accepted alternatives in terms of the spec's own schemes (API keys, HTTP Basic,
    /// several schemes together), for ``SchemeCredentials``: any one of them suffices.
    public let schemeSecurity: [SchemeRequirement]
    /// The documented 15-minute rate limits (informative; the server enforces them).
    public let rateLimits: [RateLimitRule]
    /// The documented rolling 24-hour caps, enforced client-side by a ``DailyCapLedger``
    /// when one is configured.
    public let dailyCaps: [DailyCapRule]
    /// Whether repeating the request has the same effect as sending it once, so the client may
    /// retry it after a transport error or a 5xx. True for GET, HEAD, PUT and DELETE, and for
    /// operations marked `x-idempotent` (following someone you already follow succeeds with
    /// no action, as X documents).
    public let isIdempotent: Bool
    /// What X charges for the operation (`x-pricing`); `nil` when the spec says nothing.
    public let pricing: OperationPricing?
    /// Which of X's plans include it (`x-availability`); `nil` when every plan does.
    public let availability: OperationAvailability?
    /// How its pages link (`x-pagination`); `nil` when it is not paginated.
    public let pagination: OperationPagination?
    /// How it streams (`x-twitter-streaming`); `nil` when it answers with one body.
    public let streaming: OperationStreaming?

    /// Creates an operation descriptor.
    public init(
        id: String,
        method: HTTPRequest.Method,
        path: String,
        security: [SecurityRequirement],
        schemeSecurity: [SchemeRequirement] = [],
        rateLimits: [RateLimitRule] = [],
        dailyCaps: [DailyCapRule] = [],
        isIdempotent: Bool,
        pricing: OperationPricing? = nil,
        availability: OperationAvailability? = nil,
        pagination: OperationPagination? = nil,
        streaming: OperationStreaming? = nil
    ) {
        self.id = id
        self.method = method
        self.path = path
        self.security = security
        self.schemeSecurity = schemeSecurity
        self.rateLimits = rateLimits
        self.dailyCaps = dailyCaps
        self.isIdempotent = isIdempotent
        self.pricing = pricing
        self.availability = availability
        self.pagination = pagination
        self.streaming = streaming
    }
}
