import HTTPTypes

/// The 24-hour caps as the server reported them: `x-user-limit-24hour-*` for the
/// authenticated user and `x-app-limit-24hour-*` for the App.
///
/// ```swift
/// let response = try await client.follow("2244994945", as: "6253282")
/// response.dailyLimits?.user?.remaining   // e.g. 399
/// response.dailyLimits?.app?.reset        // when the App's next slot frees
/// ```
public struct DailyLimitStatus: Sendable, Hashable, CustomStringConvertible {
    /// The authenticated user's cap (`x-user-limit-24hour-limit/-remaining/-reset`).
    public var user: RateLimitStatus?
    /// The App's cap (`x-app-limit-24hour-limit/-remaining/-reset`).
    public var app: RateLimitStatus?

    /// Creates a status.
    public init(user: RateLimitStatus? = nil, app: RateLimitStatus? = nil) {
        self.user = user
        self.app = app
    }

    /// Reads the 24-hour headers; `nil` when neither the user's nor the App's are present.
    public init?(headers: HTTPFields) {
        let user = RateLimitStatus(headers: headers, prefix: LimitHeaders.userDailyCap.prefix)
        let app = RateLimitStatus(headers: headers, prefix: LimitHeaders.appDailyCap.prefix)
        guard user != nil || app != nil else { return nil }
        self.init(user: user, app: app)
    }

    /// The user's and the App's status.
    public var description: String {
        "user: \(user.map(\.description) ?? "not sent"); app: \(app.map(\.description) ?? "not sent")"
    }
}
