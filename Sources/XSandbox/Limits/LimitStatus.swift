import Foundation

/// One limit's state as a response reports it: `<prefix>-limit`, `-remaining` and `-reset`
/// (UTC epoch seconds).
///
/// ```swift
/// let status = LimitStatus(limit: 15, remaining: 14, reset: Date(timeIntervalSince1970: 1_700_000_900))
/// status.headers(prefix: "x-rate-limit")
/// // [("x-rate-limit-limit", "15"), ("x-rate-limit-remaining", "14"), ("x-rate-limit-reset", "1700000900")]
/// ```
public struct LimitStatus: Sendable, Hashable {
    /// How many requests or actions the limit allows.
    public var limit: Int
    /// How many are left.
    public var remaining: Int
    /// When the window resets, or (for a rolling cap) when its next slot frees.
    public var reset: Date

    /// Creates a status.
    public init(limit: Int, remaining: Int, reset: Date) {
        self.limit = limit
        self.remaining = remaining
        self.reset = reset
    }

    /// Whether nothing is left.
    public var isExhausted: Bool { remaining <= 0 }

    /// The three headers under `prefix` (`x-rate-limit`, `x-user-limit-24hour`,
    /// `x-app-limit-24hour`). The reset is rounded up to whole seconds so waiting until it
    /// never retries too early.
    public func headers(prefix: String) -> [(name: String, value: String)] {
        [
            ("\(prefix)-limit", String(limit)),
            ("\(prefix)-remaining", String(max(0, remaining))),
            ("\(prefix)-reset", String(Int64(reset.timeIntervalSince1970.rounded(.up)))),
        ]
    }
}
