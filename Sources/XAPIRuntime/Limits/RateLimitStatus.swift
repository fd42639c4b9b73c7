import Foundation
import HTTPTypes

/// A limit's state as the server reported it in response headers.
///
/// For the 15-minute window the headers are `x-rate-limit-limit`, `x-rate-limit-remaining`
/// and `x-rate-limit-reset` (UTC epoch seconds):
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
    ///   - prefix: `x-rate-limit` (15 minutes), `x-user-limit-24hour` or `x-app-limit-24hour`.
    public init?(headers: HTTPFields, prefix: String = "x-rate-limit") {
        func integer(_ suffix: String) -> Int64? {
            guard let name = HTTPField.Name("\(prefix)-\(suffix)"), let value = headers[name] else { return nil }
            return Int64(value.trimmingCharacters(in: .whitespaces))
        }
        let limit = integer("limit")
        let remaining = integer("remaining")
        let reset = integer("reset")
        guard limit != nil || remaining != nil || reset != nil else { return nil }
        self.init(
            limit: limit.flatMap { Int(exactly: $0) },
            remaining: remaining.flatMap { Int(exactly: $0) },
            reset: reset.map { Date(timeIntervalSince1970: TimeInterval($0)) }
        )
    }

    /// Whether the server reported nothing left in the window.
    public var isExhausted: Bool { remaining.map { $0 <= 0 } ?? false }

    /// `limit/remaining/reset` in readable form.
    public var description: String {
        let resetText = reset.map { XAPIJSON.string(from: $0) } ?? "unknown"
        return "limit \(limit.map(String.init) ?? "?"), remaining \(remaining.map(String.init) ?? "?"), reset \(resetText)"
    }
}
