/// What the client does when the server answers 429 Too Many Requests.
///
/// ```swift
/// configuration.rateLimitPolicy = .wait(maximum: .seconds(900))
/// // a 429 whose reset is 10 minutes away: wait, then retry;
/// // one whose reset is 2 hours away (a daily cap): throw .rateLimited at once.
/// ```
public enum RateLimitPolicy: Sendable, Hashable {
    /// Throw ``XAPIError`` with ``XAPIError/Code/rateLimited`` and the reset time (default).
    case fail
    /// Wait until the reported reset (plus one second, as the header has whole seconds) and
    /// retry, as long as the waits of one call add up to no more than `maximum`. A 429 without
    /// a reset header, or one whose wait would exceed the maximum, throws at once. Waiting is
    /// cancellable and uses the configured ``ClientClock``.
    case wait(maximum: Duration)

    /// The margin added to a reset time before retrying.
    public static let resetMargin: Duration = .seconds(1)
}
