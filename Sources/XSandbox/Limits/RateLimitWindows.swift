import Foundation
import XFollows

/// Fixed request windows, as X counts its 15-minute limits: the first request opens a window
/// of `RateLimitRule.windowSeconds`; it allows `RateLimitRule.requests` requests and
/// resets when it ends.
///
/// Each operation counts separately, per user for `LimitScope.user` rules and per App for
/// `LimitScope.app` rules. Pure value: pass the time in, so tests need no clock.
///
/// ```swift
/// var windows = RateLimitWindows()
/// let rule = RateLimitRule(scope: .user, requests: 15, windowSeconds: 900)
/// let first = windows.consume(rule, operationID: "usersIdFollowers", subject: "6253282", at: now)
/// first.isAllowed          // true
/// first.status.remaining   // 14
/// ```
public struct RateLimitWindows: Sendable {
    /// Whose window: an operation, a scope and the user or App counted.
    public struct Key: Hashable, Sendable {
        /// The operation ID.
        public var operationID: String
        /// Whom the window counts.
        public var scope: LimitScope
        /// The user ID (user scope) or App key (App scope).
        public var subject: String

        /// Creates a key.
        public init(operationID: String, scope: LimitScope, subject: String) {
            self.operationID = operationID
            self.scope = scope
            self.subject = subject
        }
    }

    /// The outcome of one request.
    public struct Decision: Sendable, Hashable {
        /// Whether the request fits in the window (and was counted).
        public var isAllowed: Bool
        /// The window after the request.
        public var status: RateLimitStatus
    }

    private struct Window: Sendable {
        var start: Date
        var count: Int
    }

    private var windows: [Key: Window] = [:]
    private static let pruneThreshold = 10_000

    /// No request counted yet.
    public init() {}

    /// Counts one request under `rule`, or refuses it when the window is used up.
    public mutating func consume(_ rule: RateLimitRule, operationID: String, subject: String, at now: Date) -> Decision {
        let key = Key(operationID: operationID, scope: rule.scope, subject: subject)
        let length = TimeInterval(max(1, rule.windowSeconds))
        var window = windows[key] ?? Window(start: now, count: 0)
        // A request stamped before the window opened arrived out of order (concurrent requests
        // read the clock before they are serialized); it counts in the open window.
        if now >= window.start.addingTimeInterval(length) {
            window = Window(start: now, count: 0)
        }
        let reset = window.start.addingTimeInterval(length)
        guard window.count < rule.requests else {
            windows[key] = window
            return Decision(isAllowed: false, status: RateLimitStatus(limit: rule.requests, remaining: 0, reset: reset))
        }
        window.count += 1
        windows[key] = window
        if windows.count > Self.pruneThreshold { prune(at: now, longestWindow: length) }
        return Decision(isAllowed: true,
                        status: RateLimitStatus(limit: rule.requests, remaining: rule.requests - window.count, reset: reset))
    }

    /// The window of `rule` for `subject` without counting a request.
    public func status(_ rule: RateLimitRule, operationID: String, subject: String, at now: Date) -> RateLimitStatus {
        let key = Key(operationID: operationID, scope: rule.scope, subject: subject)
        let length = TimeInterval(max(1, rule.windowSeconds))
        guard let window = windows[key], now < window.start.addingTimeInterval(length) else {
            return RateLimitStatus(limit: rule.requests, remaining: rule.requests, reset: now.addingTimeInterval(length))
        }
        return RateLimitStatus(limit: rule.requests, remaining: max(0, rule.requests - window.count),
                           reset: window.start.addingTimeInterval(length))
    }

    /// Sets a window as a kept state recorded it (`x-sandbox --state`): opened at `start`,
    /// with `count` requests counted.
    mutating func restore(_ key: Key, start: Date, count: Int) {
        windows[key] = Window(start: start, count: count)
    }

    /// When the window of `key` opened and how many requests it counted; `nil` before its first.
    func window(_ key: Key) -> (start: Date, count: Int)? {
        windows[key].map { ($0.start, $0.count) }
    }

    /// Every window counted, with when it opened and how many requests it counted (the
    /// dashboard's view).
    func openWindows() -> [(key: Key, start: Date, count: Int)] {
        windows.map { ($0.key, $0.value.start, $0.value.count) }
    }

    private mutating func prune(at now: Date, longestWindow: TimeInterval) {
        windows = windows.filter { now < $0.value.start.addingTimeInterval(max(longestWindow, 86_400)) }
    }
}
