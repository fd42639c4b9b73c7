/// When and how often the client retries a failed attempt.
///
/// Transport errors, 5xx responses and 2xx bodies that are not JSON (cut off) are retried with
/// exponential backoff and jitter (a 5xx's `Retry-After` is waited at least, up to
/// ``maximumDelay``), but only for resendable operations (``OperationDescriptor/isResendable``):
/// idempotent reads, and idempotent writes X neither charges nor caps per request. A follow or
/// unfollow, idempotent on X but charged and capped each time, is never resent blindly: its
/// lost answer is ``XAPIError/Code/outcomeUnknown``. A 4xx is never retried; a 429 only waits
/// under ``RateLimitPolicy/wait(maximum:)``.
///
/// The delay before retry *n* (1-based) is `min(maximumDelay, baseDelay × 2ⁿ⁻¹)`, of which the
/// fraction `jitter` is randomized: `delay × (1 − jitter × random())`.
///
/// ```swift
/// configuration.retryPolicy = RetryPolicy(maximumAttempts: 5, baseDelay: .milliseconds(200))
/// configuration.retryPolicy = .none   // a single attempt
/// ```
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included; `1` never retries.
    public var maximumAttempts: Int
    /// The delay before the first retry, before jitter.
    public var baseDelay: Duration
    /// The longest delay between two attempts.
    public var maximumDelay: Duration
    /// The randomized fraction of each delay, from 0 (none) to 1 (full jitter).
    public var jitter: Double
    /// A uniform random number in `0..<1`; injectable so tests are deterministic.
    public var random: @Sendable () -> Double

    /// Creates a retry policy.
    public init(
        maximumAttempts: Int = 3,
        baseDelay: Duration = .milliseconds(500),
        maximumDelay: Duration = .seconds(30),
        jitter: Double = 0.5,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.jitter = min(1, max(0, jitter))
        self.random = random
    }

    /// Three attempts, 0.5 s base delay, 30 s maximum, half of each delay jittered.
    public static let standard = RetryPolicy()

    /// A single attempt: never retries.
    public static let none = RetryPolicy(maximumAttempts: 1)

    /// The delay before retry number `retry` (1 for the first retry).
    public func delay(beforeRetry retry: Int) -> Duration {
        let base = max(0, baseDelay.seconds)
        guard base > 0 else { return .zero }
        let exponent = Double(max(0, retry - 1))
        let exponential = min(base * pow2(exponent), max(0, maximumDelay.seconds))
        let randomized = exponential * (1 - jitter * min(1, max(0, random())))
        return .clamped(seconds: randomized)
    }

    private func pow2(_ exponent: Double) -> Double {
        exponent >= 62 ? .infinity : Double(UInt64(1) << UInt64(exponent))
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// A duration of `seconds`, NaN and negatives as zero, capped at 100 years so the
    /// nanosecond count cannot overflow.
    static func clamped(seconds: Double) -> Duration {
        guard !seconds.isNaN, seconds > 0 else { return .zero }
        let capped = min(seconds, 100 * 365 * 86_400)
        return .nanoseconds(Int64((capped * 1e9).rounded(.up)))
    }
}
