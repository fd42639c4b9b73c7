import HTTPTypes

/// Where one limit's state travels: the three response headers X reports it in,
/// `<prefix>-limit`, `<prefix>-remaining` and `<prefix>-reset` (UTC epoch seconds), and the
/// log metadata keys the client mirrors them under.
///
/// | Family | Headers | Log metadata |
/// | --- | --- | --- |
/// | ``rateLimit`` | `x-rate-limit-*` (15 minutes) | `xapi.rate_limit.*` |
/// | ``userDailyCap`` | `x-user-limit-24hour-*` | `xapi.user_limit_24hour.*` |
/// | ``appDailyCap`` | `x-app-limit-24hour-*` | `xapi.app_limit_24hour.*` |
///
/// The client reads them (``RateLimitStatus/init(headers:prefix:)``), a server writes them
/// (``RateLimitStatus/headerFields(_:)``), and a log handler finds them in the metadata of
/// the client's `Response headers` event (``RateLimitStatus/init(metadata:_:)``), all with
/// these names.
///
/// ```swift
/// LimitHeaders.rateLimit.remaining           // "x-rate-limit-remaining"
/// LimitHeaders.userDailyCap.metadataKey(.reset)   // "xapi.user_limit_24hour.reset"
/// ```
public struct LimitHeaders: Sendable, Hashable, CustomStringConvertible {
    /// One of the three values a family reports.
    public enum Part: String, Sendable, Hashable, CaseIterable {
        /// How many requests or actions the limit allows.
        case limit
        /// How many are left.
        case remaining
        /// When the window resets, or a rolling cap's next slot frees (UTC epoch seconds).
        case reset
    }

    /// The headers' common prefix, e.g. `x-rate-limit`.
    public let prefix: String

    /// A family of headers under `prefix`.
    public init(prefix: String) {
        self.prefix = prefix
    }

    /// The 15-minute rate limit: `x-rate-limit-limit`, `-remaining`, `-reset`.
    public static let rateLimit = LimitHeaders(prefix: "x-rate-limit")
    /// The authenticated user's 24-hour cap: `x-user-limit-24hour-limit`, `-remaining`, `-reset`.
    public static let userDailyCap = LimitHeaders(prefix: "x-user-limit-24hour")
    /// The App's 24-hour cap: `x-app-limit-24hour-limit`, `-remaining`, `-reset`.
    public static let appDailyCap = LimitHeaders(prefix: "x-app-limit-24hour")
    /// The three families X sends, the 15-minute window first.
    public static let all: [LimitHeaders] = [.rateLimit, .userDailyCap, .appDailyCap]

    /// The header name of a part, e.g. `x-rate-limit-remaining`.
    public func name(_ part: Part) -> String {
        "\(prefix)-\(part.rawValue)"
    }

    /// `<prefix>-limit`.
    public var limit: String { name(.limit) }
    /// `<prefix>-remaining`.
    public var remaining: String { name(.remaining) }
    /// `<prefix>-reset`.
    public var reset: String { name(.reset) }

    /// The log metadata key of a part: the header name without `x-`, with `_` for `-` and
    /// the part after a dot, under `xapi.` (`xapi.rate_limit.remaining`).
    public func metadataKey(_ part: Part) -> String {
        let family = prefix.hasPrefix("x-") ? prefix.dropFirst(2) : Substring(prefix)
        return "xapi.\(family.replacingOccurrences(of: "-", with: "_")).\(part.rawValue)"
    }

    /// The prefix.
    public var description: String { prefix }
}
