import Foundation
import HTTPTypes

/// An OAuth 2.0 user access token (Authorization Code with PKCE), sent as a bearer token,
/// with what came with it: the scopes granted, when it expires and, with `offline.access`,
/// the refresh token.
///
/// A token obtained through ``OAuth2Authorizer`` carries all of it; a token someone else
/// obtained needs only the access token. When `scopes` is known, the client refuses an
/// operation needing a scope the token lacks before sending anything:
///
/// ```swift
/// let token = OAuth2UserToken(accessToken: accessToken, scopes: ["tweet.read", "users.read", "follows.read"])
/// // follow(_:) needs follows.write -> XAPIError(.authentication) without any request.
/// ```
///
/// It is `Codable` for storage. The expiry is an absolute date, computed once when the token
/// endpoint answered (from `expires_in`) and stored as such, so a token decoded later still
/// knows it has expired. `description`, `debugDescription` and `dump` never show the tokens.
public struct OAuth2UserToken: Authentication, Hashable, Codable {
    /// The bearer access token. Never printed.
    public var accessToken: String
    /// The ID of the user the token acts for, when known. Tokens from the token endpoint do
    /// not say it; ``XAPIClient/authenticatedUserID(_:parameter:operation:lookup:)`` looks it
    /// up (`GET /2/users/me`) when an operation needs it.
    public var accessTokenUserID: String?
    /// The scopes the token was granted, or `nil` when unknown.
    public var scopes: Set<OAuth2Scope>?
    /// The refresh token (granted with `offline.access`), `nil` when there is none. Never
    /// printed.
    public var refreshToken: String?
    /// When the access token stops working, `nil` when unknown.
    public var expiresAt: Date?

    /// Creates an OAuth 2.0 user token.
    ///
    /// - Parameters:
    ///   - accessToken: The bearer access token.
    ///   - userID: The ID of the user who authorized the token, `nil` when unknown.
    ///   - scopes: The granted scopes, or `nil` when unknown (no client-side scope check).
    ///   - refreshToken: The refresh token, if one was granted.
    ///   - expiresAt: When the access token expires, if known.
    public init(
        accessToken: String,
        userID: String? = nil,
        scopes: Set<OAuth2Scope>? = nil,
        refreshToken: String? = nil,
        expiresAt: Date? = nil
    ) {
        self.accessToken = accessToken
        self.accessTokenUserID = userID
        self.scopes = scopes
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
    }

    /// Always ``AuthenticationMethod/oauth2UserContext``.
    public var method: AuthenticationMethod { .oauth2UserContext }

    /// The ID of the user who authorized the token, when known.
    public var userID: String? { accessTokenUserID }

    /// The granted scopes' names, when known.
    public var grantedScopes: Set<OAuth2Scope>? { scopes }

    /// Whether the access token has expired at `date`, or will within `margin`; `false` when
    /// the expiry is unknown.
    ///
    /// ```swift
    /// token.expires(within: .seconds(60), at: Date())   // refresh a minute early
    /// ```
    public func expires(within margin: Duration = .zero, at date: Date) -> Bool {
        guard let expiresAt else { return false }
        return date.addingTimeInterval(margin.seconds) >= expiresAt
    }

    /// Sets `Authorization: Bearer <token>`.
    public func authorize(_ request: inout HTTPRequest, baseURL: URL, signing: SigningContext) throws {
        request.headerFields[.authorization] = "Bearer \(accessToken)"
    }

    /// The user ID, scopes and expiry; the tokens are `<redacted>`.
    public var description: String {
        var text = "OAuth2UserToken(userID: \(accessTokenUserID ?? "unknown"), scopes: \(Redaction.scopes(grantedScopes)), "
            + "accessToken: <redacted>"
        if refreshToken != nil { text += ", refreshToken: <redacted>" }
        if let expiresAt { text += ", expiresAt: \(XAPIJSON.string(from: expiresAt))" }
        return text + ")"
    }

    /// Same as ``description``: the tokens are never shown.
    public var debugDescription: String { description }

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case accessTokenUserID = "user_id"
        case scopes
        case refreshToken = "refresh_token"
        case expiresAt = "expires_at"
    }

    /// Decodes a stored token; `expires_at` is an absolute X timestamp
    /// (`2024-10-01T12:00:00.000Z`), read as written.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accessToken = try container.decode(String.self, forKey: .accessToken)
        accessTokenUserID = try container.decodeIfPresent(String.self, forKey: .accessTokenUserID)
        scopes = try container.decodeIfPresent(Set<OAuth2Scope>.self, forKey: .scopes)
        refreshToken = try container.decodeIfPresent(String.self, forKey: .refreshToken)
        if let text = try container.decodeIfPresent(String.self, forKey: .expiresAt) {
            guard let date = XAPIJSON.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .expiresAt, in: container,
                    debugDescription: "Expected a timestamp such as 2024-10-01T12:00:00.000Z.")
            }
            expiresAt = date
        } else {
            expiresAt = nil
        }
    }

    /// Encodes the token for storage: the expiry as an absolute X timestamp, the scopes sorted.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(accessToken, forKey: .accessToken)
        try container.encodeIfPresent(accessTokenUserID, forKey: .accessTokenUserID)
        try container.encodeIfPresent(scopes.map { $0.sorted() }, forKey: .scopes)
        try container.encodeIfPresent(refreshToken, forKey: .refreshToken)
        try container.encodeIfPresent(expiresAt.map(XAPIJSON.string(from:)), forKey: .expiresAt)
    }
}

extension OAuth2UserToken: CustomReflectable {
    /// A mirror without the tokens, so `dump(_:)` does not show them.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "userID": accessTokenUserID ?? "unknown",
            "scopes": Redaction.scopes(grantedScopes),
            "accessToken": "<redacted>",
            "refreshToken": refreshToken == nil ? "none" : "<redacted>",
            "expiresAt": expiresAt.map(XAPIJSON.string(from:)) ?? "unknown",
        ])
    }
}
