import Foundation
import XFollows

/// The credentials a profile keeps: an OAuth 2.0 user token with the client that refreshes it,
/// OAuth 1.0a user credentials, or an App-only bearer token with the key and secret that
/// invalidate it. Every secret stays out of `description`, `debugDescription` and `dump`.
public enum StoredCredentials: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
    /// OAuth 2.0 Authorization Code with PKCE: the client and the token (refreshed by an
    /// ``OAuth2Session``, which stores each new token back).
    case oauth2(clientID: String, clientSecret: String?, redirectURI: URL, token: OAuth2UserToken)
    /// OAuth 1.0a user context (three-legged or PIN).
    case oauth1(consumerKey: String, consumerSecret: String, accessToken: String, accessTokenSecret: String)
    /// An App-only bearer token, with the API key and secret it was obtained from (to
    /// invalidate it at logout), when known.
    case appOnly(bearerToken: String, apiKey: String?, apiSecret: String?)

    /// What kind of credentials they are, in words.
    public var kind: String {
        switch self {
        case .oauth2: "OAuth 2.0 user token"
        case .oauth1: "OAuth 1.0a user token"
        case .appOnly: "App-only bearer token"
        }
    }

    /// Whether they act for a user (so can follow and unfollow).
    public var isUserContext: Bool {
        if case .appOnly = self { return false }
        return true
    }

    /// The kind and what may be shown: client ID, scopes, expiry; never a secret.
    public var description: String {
        switch self {
        case .oauth2(let clientID, let clientSecret, _, let token):
            "oauth2(clientID: \(clientID), \(clientSecret == nil ? "public client" : "clientSecret: <redacted>"), token: \(token))"
        case .oauth1(let consumerKey, _, _, _):
            "oauth1(consumerKey: \(consumerKey.prefix(4))…, secrets: <redacted>)"
        case .appOnly(_, let apiKey, _):
            "appOnly(bearerToken: <redacted>\(apiKey.map { ", apiKey: \($0.prefix(4))…" } ?? ""))"
        }
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    // MARK: Codable

    private enum CodingKeys: String, CodingKey {
        case kind
        case clientID = "client_id"
        case clientSecret = "client_secret"
        case redirectURI = "redirect_uri"
        case token
        case consumerKey = "consumer_key"
        case consumerSecret = "consumer_secret"
        case accessToken = "access_token"
        case accessTokenSecret = "access_token_secret"
        case bearerToken = "bearer_token"
        case apiKey = "api_key"
        case apiSecret = "api_secret"
    }

    /// Decodes `{"kind": "oauth2" | "oauth1" | "app_only", …}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "oauth2":
            self = .oauth2(
                clientID: try container.decode(String.self, forKey: .clientID),
                clientSecret: try container.decodeIfPresent(String.self, forKey: .clientSecret),
                redirectURI: try container.decode(URL.self, forKey: .redirectURI),
                token: try container.decode(OAuth2UserToken.self, forKey: .token))
        case "oauth1":
            self = .oauth1(
                consumerKey: try container.decode(String.self, forKey: .consumerKey),
                consumerSecret: try container.decode(String.self, forKey: .consumerSecret),
                accessToken: try container.decode(String.self, forKey: .accessToken),
                accessTokenSecret: try container.decode(String.self, forKey: .accessTokenSecret))
        case "app_only":
            self = .appOnly(
                bearerToken: try container.decode(String.self, forKey: .bearerToken),
                apiKey: try container.decodeIfPresent(String.self, forKey: .apiKey),
                apiSecret: try container.decodeIfPresent(String.self, forKey: .apiSecret))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                                                   debugDescription: "Unknown credentials kind \"\(other)\".")
        }
    }

    /// Encodes with a `kind` member.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .oauth2(let clientID, let clientSecret, let redirectURI, let token):
            try container.encode("oauth2", forKey: .kind)
            try container.encode(clientID, forKey: .clientID)
            try container.encodeIfPresent(clientSecret, forKey: .clientSecret)
            try container.encode(redirectURI, forKey: .redirectURI)
            try container.encode(token, forKey: .token)
        case .oauth1(let consumerKey, let consumerSecret, let accessToken, let accessTokenSecret):
            try container.encode("oauth1", forKey: .kind)
            try container.encode(consumerKey, forKey: .consumerKey)
            try container.encode(consumerSecret, forKey: .consumerSecret)
            try container.encode(accessToken, forKey: .accessToken)
            try container.encode(accessTokenSecret, forKey: .accessTokenSecret)
        case .appOnly(let bearerToken, let apiKey, let apiSecret):
            try container.encode("app_only", forKey: .kind)
            try container.encode(bearerToken, forKey: .bearerToken)
            try container.encodeIfPresent(apiKey, forKey: .apiKey)
            try container.encodeIfPresent(apiSecret, forKey: .apiSecret)
        }
    }
}

extension StoredCredentials: CustomReflectable {
    /// A mirror without secrets.
    public var customMirror: Mirror { Mirror(self, children: ["credentials": description]) }
}
