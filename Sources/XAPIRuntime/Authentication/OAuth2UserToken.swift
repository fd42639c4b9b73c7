import Foundation
import HTTPTypes

/// An OAuth 2.0 user access token (Authorization Code with PKCE), sent as a bearer token.
///
/// When `scopes` is known, the client refuses an operation needing a scope the token lacks
/// before sending anything:
///
/// ```swift
/// let token = OAuth2UserToken(accessToken: accessToken, userID: "6253282",
///                             scopes: ["tweet.read", "users.read", "follows.read"])
/// // follow(_:) needs follows.write -> XAPIError(.authentication) without any request.
/// ```
public struct OAuth2UserToken: Authentication, Hashable {
    /// The bearer access token. Never printed.
    public var accessToken: String
    /// The ID of the user the token acts for.
    public var accessTokenUserID: String
    /// The scopes the token was granted, or `nil` when unknown.
    public var scopes: Set<String>?

    /// Creates an OAuth 2.0 user token.
    ///
    /// - Parameters:
    ///   - accessToken: The bearer access token.
    ///   - userID: The ID of the user who authorized the token.
    ///   - scopes: The granted scopes, or `nil` when unknown (no client-side scope check).
    public init(accessToken: String, userID: String, scopes: Set<String>? = nil) {
        self.accessToken = accessToken
        self.accessTokenUserID = userID
        self.scopes = scopes
    }

    /// Always ``AuthenticationMethod/oauth2UserContext``.
    public var method: AuthenticationMethod { .oauth2UserContext }

    /// The ID of the user who authorized the token.
    public var userID: String? { accessTokenUserID }

    /// The granted scopes, when known.
    public var grantedScopes: Set<String>? { scopes }

    /// Sets `Authorization: Bearer <token>`.
    public func authorize(_ request: inout HTTPRequest, baseURL: URL, signing: SigningContext) throws {
        request.headerFields[.authorization] = "Bearer \(accessToken)"
    }

    /// The user ID and scopes; the token is `<redacted>`.
    public var description: String {
        "OAuth2UserToken(userID: \(accessTokenUserID), scopes: \(Redaction.scopes(scopes)), accessToken: <redacted>)"
    }

    /// Same as ``description``: the token is never shown.
    public var debugDescription: String { description }
}

extension OAuth2UserToken: CustomReflectable {
    /// A mirror without the token, so `dump(_:)` does not show it.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "userID": accessTokenUserID,
            "scopes": Redaction.scopes(scopes),
            "accessToken": "<redacted>",
        ])
    }
}
