import Foundation
import XFollows

/// Rolling 24-hour action caps, as X counts follows (per user and per App) and unfollows (per
/// App): an action counts for 24 hours after it happened.
///
/// Pure value: pass the time in. The sandbox checks every cap of a request, performs the
/// action only when none is exhausted, then records it under all of them.
///
/// ```swift
/// var caps = DailyCapWindows()
/// let key = DailyCapWindows.Key(operationID: "usersIdFollow", scope: .user, subject: "6253282")
/// let rule = DailyCapRule(scope: .user, limit: 400)
/// caps.status(rule, key: key, at: now).remaining   // 400
/// caps.record(key, at: now)
/// caps.status(rule, key: key, at: now).remaining   // 399
/// ```
public struct DailyCapWindows: Sendable {
    /// Whose cap: an operation, a scope and the user or App counted.
    public typealias Key = RateLimitWindows.Key

    private var actions: [Key: [Date]] = [:]

    /// No action counted yet.
    public init() {}

    /// The cap's state: actions left in the last 24 hours and when the next slot frees (24
    /// hours after the oldest counted action; 24 hours from now when none counts).
    public func status(_ rule: DailyCapRule, key: Key, at now: Date) -> RateLimitStatus {
        let live = liveActions(key, at: now)
        let reset = live.first.map { $0.addingTimeInterval(Self.window) } ?? now.addingTimeInterval(Self.window)
        return RateLimitStatus(limit: rule.limit, remaining: max(0, rule.limit - live.count), reset: reset)
    }

    /// How many actions count now under `key`.
    public func count(for key: Key, at now: Date) -> Int {
        liveActions(key, at: now).count
    }

    /// Counts one action under `key` at `now`, forgetting actions older than 24 hours.
    public mutating func record(_ key: Key, at now: Date) {
        var list = actions[key] ?? []
        list.removeAll { now.timeIntervalSince($0) >= Self.window }
        let index = list.lastIndex { $0 <= now }.map { $0 + 1 } ?? 0
        list.insert(now, at: index)
        actions[key] = list
    }

    /// Every key with actions counting at `now` (the dashboard's view).
    func liveKeys(at now: Date) -> [Key] {
        actions.keys.filter { !liveActions($0, at: now).isEmpty }
    }

    private static let window = TimeInterval(DailyCapRule.windowSeconds)

    /// The actions counting at `now`, oldest first. An action stamped after `now` counts too:
    /// concurrent requests read the clock before they are serialized, so one stamped a moment
    /// later may already have been recorded, and it has used its slot.
    private func liveActions(_ key: Key, at now: Date) -> ArraySlice<Date> {
        let list = actions[key] ?? []
        let first = list.firstIndex { now.timeIntervalSince($0) < Self.window } ?? list.endIndex
        return list[first...]
    }
}
