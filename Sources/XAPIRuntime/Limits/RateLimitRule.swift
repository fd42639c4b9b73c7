/// A documented rate limit: `requests` per `windowSeconds` (X's windows are 15 minutes).
///
/// ```swift
/// RateLimitRule(scope: .user, requests: 50, windowSeconds: 900)
/// ```
public struct RateLimitRule: Sendable, Hashable {
    /// Whom the limit counts.
    public let scope: LimitScope
    /// How many requests the window allows.
    public let requests: Int
    /// The window's length in seconds.
    public let windowSeconds: Int

    /// Creates a rate-limit rule.
    public init(scope: LimitScope, requests: Int, windowSeconds: Int) {
        self.scope = scope
        self.requests = requests
        self.windowSeconds = windowSeconds
    }
}
