import Foundation

/// Which local daily cap refused a request, what remains and when the next slot frees.
public struct DailyCapExhaustion: Sendable, Hashable, CustomStringConvertible {
    /// Whom the exhausted cap counts.
    public var scope: LimitScope
    /// The user whose cap it is, for ``LimitScope/user``.
    public var userID: String?
    /// The cap (actions per rolling 24 hours).
    public var limit: Int
    /// Actions used in the last 24 hours, in-flight reservations included.
    public var used: Int
    /// Actions left now (zero when refused).
    public var remaining: Int
    /// When the oldest counted action leaves the 24-hour window; `nil` when only in-flight
    /// reservations fill the cap (a slot frees when one of them fails).
    public var nextSlotAt: Date?

    /// Creates an exhaustion report.
    public init(scope: LimitScope, userID: String?, limit: Int, used: Int, remaining: Int, nextSlotAt: Date?) {
        self.scope = scope
        self.userID = userID
        self.limit = limit
        self.used = used
        self.remaining = remaining
        self.nextSlotAt = nextSlotAt
    }

    /// E.g. `user 6253282: 400 of 400 used, 0 remaining, next slot at 2024-05-01T10:00:00.000Z`.
    public var description: String {
        let who = scope == .user ? "user \(userID ?? "unknown")" : "app"
        let next = nextSlotAt.map { "next slot at \(XAPIJSON.string(from: $0))" }
            ?? "next slot when an in-flight request fails"
        return "\(who): \(used) of \(limit) used, \(remaining) remaining, \(next)"
    }
}
