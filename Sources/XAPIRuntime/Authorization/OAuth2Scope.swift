/// An OAuth 2.0 scope, such as `follows.write`: what a user lets an App do for them.
///
/// Generated code names the spec's scopes as static members, so they read like an enum and
/// still accept a scope the spec does not know:
///
/// ```swift
/// extension OAuth2Scope {
///     public static let followsWrite = OAuth2Scope(rawValue: "follows.write")
/// }
/// let scopes: Set<OAuth2Scope> = [.tweetRead, .usersRead, .followsWrite, "offline.access"]
/// ```
///
/// It encodes as its raw value, a JSON string.
public struct OAuth2Scope: RawRepresentable, Hashable, Codable, Sendable, Comparable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The scope's name as X spells it, e.g. `follows.write`.
    public let rawValue: String

    /// A scope named `rawValue`.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// A scope from a string literal: `"follows.write"`.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// Decodes a JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The raw value.
    public var description: String { rawValue }

    /// Orders scopes by name.
    public static func < (lhs: OAuth2Scope, rhs: OAuth2Scope) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// Parses a space-separated `scope` parameter (RFC 6749, 3.3); empty items are skipped.
    ///
    /// ```swift
    /// OAuth2Scope.parse("tweet.read  users.read")   // [.init(rawValue: "tweet.read"), .init(rawValue: "users.read")]
    /// ```
    public static func parse(_ parameter: String) -> Set<OAuth2Scope> {
        Set(parameter.split(whereSeparator: { $0 == " " }).map { OAuth2Scope(rawValue: String($0)) })
    }

    /// The `scope` parameter for a set: the names sorted and joined by a space.
    public static func parameter(for scopes: Set<OAuth2Scope>) -> String {
        scopes.map(\.rawValue).sorted().joined(separator: " ")
    }
}
