/// A documented cap on actions per rolling 24 hours, such as 400 follows per user.
///
/// ```swift
/// DailyCapRule(scope: .user, limit: 400)   // per authenticated user
/// DailyCapRule(scope: .app, limit: 1000)   // per App, across all its users
/// ```
public struct DailyCapRule: Sendable, Hashable {
    /// Whom the cap counts.
    public let scope: LimitScope
    /// How many actions any 24 hours allow.
    public let limit: Int

    /// Creates a daily-cap rule (a rolling 24-hour window).
    public init(scope: LimitScope, limit: Int) {
        self.scope = scope
        self.limit = limit
    }

    /// The window's length: 24 hours.
    public static let windowSeconds = 86_400
}
