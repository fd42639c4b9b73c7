import Foundation
import HTTPTypes
import Logging

/// A limit's state as the server reported it in response headers.
///
/// For the 15-minute window the headers are `x-rate-limit-limit`, `x-rate-limit-remaining`
/// and `x-rate-limit-reset` (UTC epoch seconds); ``LimitHeaders`` names them and the 24-hour
/// ones:
///
/// ```swift
/// let response = try await client.followers(of: "2244994945")
/// if let rateLimit = response.rateLimit, rateLimit.remaining == 0 {
///     print("window resets at", rateLimit.reset!)
/// }
/// ```
public struct RateLimitStatus: Sendable, Hashable, CustomStringConvertible {
    /// The number of requests (or actions) the window allows.
    public var limit: Int?
    /// How many are left in the current window.
    public var remaining: Int?
    /// When the window resets (or, for rolling 24-hour caps, when the next slot frees).
    public var reset: Date?

    /// Creates a status.
    public init(limit: Int? = nil, remaining: Int? = nil, reset: Date? = nil) {
        self.limit = limit
        self.remaining = remaining
        self.reset = reset
    }

    /// Reads `<prefix>-limit`, `<prefix>-remaining` and `<prefix>-reset`; `nil` when none of
    /// them is present. A value that is not an integer counts as absent.
    ///
    /// - Parameters:
    ///   - headers: The response headers.
    ///   - prefix: A ``LimitHeaders`` prefix: `x-rate-limit` (15 minutes), `x-user-limit-24hour`
    ///     or `x-app-limit-24hour`.
    public init?(headers: HTTPFields, prefix: String = LimitHeaders.rateLimit.prefix) {
        let family = LimitHeaders(prefix: prefix)
        self.init(parts: { part in
            HTTPField.Name(family.name(part)).flatMap { headers[$0] }.flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
        })
    }

    /// Reads a family's values from log metadata, as the client logs them with each response
    /// (``LimitHeaders/metadataKey(_:)``); `nil` when none of them is present.
    ///
    /// ```swift
    /// // In a LogHandler, for the client's "Response headers" event:
    /// if let window = RateLimitStatus(metadata: metadata, .rateLimit) { … }
    /// ```
    public init?(metadata: Logger.Metadata, _ family: LimitHeaders) {
        self.init(parts: { part in metadata[family.metadataKey(part)].flatMap { Int64("\($0)") } })
    }

    private init?(parts value: (LimitHeaders.Part) -> Int64?) {
        let limit = value(.limit)
        let remaining = value(.remaining)
        let reset = value(.reset)
        guard limit != nil || remaining != nil || reset != nil else { return nil }
        self.init(
            limit: limit.flatMap { Int(exactly: $0) },
            remaining: remaining.flatMap { Int(exactly: $0) },
            reset: reset.map { Date(timeIntervalSince1970: TimeInterval($0)) }
        )
    }

    /// The values present as a family's headers, as a server sends them. The reset is
    /// rounded up to whole seconds, so a client waiting until it never retries too early, and
    /// a negative remainder is sent as `0`.
    ///
    /// ```swift
    /// RateLimitStatus(limit: 50, remaining: 49, reset: Date(timeIntervalSince1970: 1_750_000_900.2))
    ///     .headerFields(.userDailyCap)
    /// // x-user-limit-24hour-limit: 50, x-user-limit-24hour-remaining: 49, x-user-limit-24hour-reset: 1750000901
    /// ```
    public func headerFields(_ family: LimitHeaders) -> HTTPFields {
        var fields = HTTPFields()
        for (part, value) in values {
            if let name = HTTPField.Name(family.name(part)) { fields.append(HTTPField(name: name, value: value)) }
        }
        return fields
    }

    /// The values present as log metadata under a family's keys (``LimitHeaders/metadataKey(_:)``),
    /// the reset in UTC epoch seconds.
    public func metadata(_ family: LimitHeaders) -> Logger.Metadata {
        var metadata: Logger.Metadata = [:]
        for (part, value) in values { metadata[family.metadataKey(part)] = .string(value) }
        return metadata
    }

    /// The values present, in header order, as text.
    private var values: [(LimitHeaders.Part, String)] {
        var values: [(LimitHeaders.Part, String)] = []
        if let limit { values.append((.limit, String(limit))) }
        if let remaining { values.append((.remaining, String(max(0, remaining)))) }
        if let reset { values.append((.reset, String(Int64(reset.timeIntervalSince1970.rounded(.up))))) }
        return values
    }

    /// Whether the server reported nothing left in the window.
    public var isExhausted: Bool { remaining.map { $0 <= 0 } ?? false }

    /// `limit/remaining/reset` in readable form.
    public var description: String {
        let resetText = reset.map { XAPIJSON.string(from: $0) } ?? "unknown"
        return "limit \(limit.map(String.init) ?? "?"), remaining \(remaining.map(String.init) ?? "?"), reset \(resetText)"
    }
}
