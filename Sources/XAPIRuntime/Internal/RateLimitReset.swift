import Foundation

/// When a 429 response says trying again can succeed.
enum RateLimitReset {
    /// The latest reset among the limits the response reports as exhausted; the 15-minute
    /// reset when none is reported as exhausted; `nil` when no reset was sent at all.
    static func retryDate(rateLimit: RateLimitStatus?, dailyLimits: DailyLimitStatus?) -> Date? {
        let candidates = [rateLimit, dailyLimits?.user, dailyLimits?.app].compactMap { $0 }
        let exhausted = candidates.filter(\.isExhausted).compactMap(\.reset)
        if let latest = exhausted.max() { return latest }
        return rateLimit?.reset ?? candidates.compactMap(\.reset).max()
    }
}
