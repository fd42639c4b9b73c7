import Foundation

/// The secret one security scheme of a spec is given: an API key, HTTP Basic credentials, or
/// a token. Its description, debug description and `dump` never show the secret.
///
/// ```swift
/// SchemeCredentials([.apiKey: .apiKey(key), .basicAuth: .basic(username: "ann", password: password)])
/// ```
public enum SchemeCredential: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// An API key, sent where its scheme says (a header field, a query item or a cookie).
    case apiKey(String)
    /// HTTP Basic: `Authorization: Basic base64(username:password)`.
    case basic(username: String, password: String)
    /// A token for an HTTP `bearer` scheme, OAuth 2.0 or OpenID Connect
    /// (`Authorization: Bearer token`), or for another HTTP scheme (`Authorization: Scheme token`).
    case token(String)

    /// The secret strings it holds (an HTTP Basic password and its encoded pair included).
    var secrets: [String] {
        switch self {
        case .apiKey(let key): [key]
        case .token(let token): [token]
        case .basic(let username, let password): [password, Self.basicValue(username: username, password: password)]
        }
    }

    /// `base64(username:password)`, the value after `Basic `.
    static func basicValue(username: String, password: String) -> String {
        Data("\(username):\(password)".utf8).base64EncodedString()
    }

    /// The kind of secret, never the secret: `apiKey(<redacted>)`, `basic(username: ann, password: <redacted>)`.
    public var description: String {
        switch self {
        case .apiKey: "apiKey(<redacted>)"
        case .basic(let username, _): "basic(username: \(username), password: <redacted>)"
        case .token: "token(<redacted>)"
        }
    }

    /// Same as ``description``.
    public var debugDescription: String { description }
}

extension SchemeCredential: CustomReflectable {
    /// A mirror without the secret, so `dump(_:)` does not show it.
    public var customMirror: Mirror {
        Mirror(self, children: ["credential": description])
    }
}
