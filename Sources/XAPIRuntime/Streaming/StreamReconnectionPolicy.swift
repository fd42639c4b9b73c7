/// How long a stream waits before connecting again, as X's "Handling disconnections" page
/// (docs.x.com/x-api/fundamentals/handling-disconnections) asks:
///
/// - after a connection that was up ends, reconnect **at once**;
/// - after a network error (nothing came back), back off **linearly**: 250 ms more each
///   attempt, at most 16 s;
/// - after an HTTP error worth retrying (a 5xx, say), back off **exponentially**: 5 s, doubling,
///   at most 320 s;
/// - after a 429 rate limit, back off exponentially from **1 minute**, doubling with each 429
///   (X gives no ceiling; ``maximumRateLimitDelay`` sets one), and never before the
///   `x-rate-limit-reset` the response names.
///
/// A refusal waiting cannot fix (an authentication failure, a bad request, out of credits, a
/// usage cap, a plan without the endpoint) ends the stream instead.
///
/// ```swift
/// var options = StreamOptions()
/// options.reconnection.maximumAttempts = 10    // give up after 10 failed attempts in a row
/// ```
public struct StreamReconnectionPolicy: Sendable, Hashable {
    /// The linear step after network errors (X: 250 ms).
    public var networkStep: Duration = .milliseconds(250)
    /// The longest wait after network errors (X: 16 s).
    public var maximumNetworkDelay: Duration = .seconds(16)
    /// The first wait after an HTTP error (X: 5 s).
    public var initialHTTPDelay: Duration = .seconds(5)
    /// The longest wait after HTTP errors (X: 320 s).
    public var maximumHTTPDelay: Duration = .seconds(320)
    /// The first wait after a 429 (X: 1 minute).
    public var initialRateLimitDelay: Duration = .seconds(60)
    /// The longest wait after 429s; `nil` (the default, as X states none) doubles without end.
    public var maximumRateLimitDelay: Duration?
    /// How many failed attempts in a row the stream makes before it throws the last failure;
    /// `nil` (the default) tries for as long as the task runs.
    public var maximumAttempts: Int?

    /// X's policy.
    public init() {}

    /// What a failed attempt was, for its delay.
    public enum Failure: Sendable, Hashable {
        /// Nothing came back (connection refused, reset, timed out).
        case network
        /// An HTTP error worth retrying (5xx and the like).
        case http
        /// A 429 rate limit.
        case rateLimited
    }

    /// The wait before the next attempt after `consecutive` failures of the same kind in a row
    /// (1 for the first).
    ///
    /// ```swift
    /// let policy = StreamReconnectionPolicy()
    /// policy.delay(after: .network, consecutive: 3)       // 750 ms
    /// policy.delay(after: .http, consecutive: 3)          // 20 s
    /// policy.delay(after: .rateLimited, consecutive: 2)   // 120 s
    /// ```
    public func delay(after failure: Failure, consecutive: Int) -> Duration {
        let count = max(1, consecutive)
        switch failure {
        case .network:
            return min(networkStep * count, maximumNetworkDelay)
        case .http:
            return min(Self.doubled(initialHTTPDelay, times: count - 1, ceiling: maximumHTTPDelay), maximumHTTPDelay)
        case .rateLimited:
            let delay = Self.doubled(initialRateLimitDelay, times: count - 1, ceiling: maximumRateLimitDelay)
            return maximumRateLimitDelay.map { min(delay, $0) } ?? delay
        }
    }

    /// `base` doubled `times` times, stopping once past `ceiling` (and at 2^30, so the value stays finite).
    private static func doubled(_ base: Duration, times: Int, ceiling: Duration?) -> Duration {
        var delay = base
        for _ in 0..<min(times, 30) {
            if let ceiling, delay >= ceiling { break }
            delay *= 2
        }
        return delay
    }
}
