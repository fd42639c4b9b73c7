import Foundation

/// When a 429 response says trying again can succeed.
enum RateLimitReset {
    /// The latest reset among the limits the response reports as exhausted; `nil` when none
    /// is reported as exhausted (a usage cap, say: waiting for a reset would only repeat it).
    static func retryDate(rateLimit: RateLimitStatus?, dailyLimits: DailyLimitStatus?) -> Date? {
        [rateLimit, dailyLimits?.user, dailyLimits?.app].compactMap { $0 }
            .filter(\.isExhausted).compactMap(\.reset).max()
    }
}
