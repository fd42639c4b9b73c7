import Foundation
import HTTPTypes

/// The credentials of a user-context client: OAuth 1.0a or an OAuth 2.0 user token.
///
/// ```swift
/// let oauth1 = UserCredentials.oauth1(consumerKey: key, consumerSecret: secret,
///                                     accessToken: token, accessTokenSecret: tokenSecret)
/// let oauth2 = UserCredentials.oauth2(accessToken: bearer, userID: "6253282",
///                                     scopes: ["tweet.read", "users.read", "follows.write"])
/// ```
public enum UserCredentials: Authentication, Hashable {
    /// OAuth 1.0a User Context, signed with HMAC-SHA1.
    case oauth1(OAuth1Credentials)
    /// An OAuth 2.0 user access token.
    case oauth2(OAuth2UserToken)

    /// OAuth 1.0a credentials from the App's key and secret and the user's token and secret.
    public static func oauth1(
        consumerKey: String,
        consumerSecret: String,
        accessToken: String,
        accessTokenSecret: String
    ) -> Self {
        .oauth1(OAuth1Credentials(
            consumerKey: consumerKey,
            consumerSecret: consumerSecret,
            accessToken: accessToken,
            accessTokenSecret: accessTokenSecret
        ))
    }

    /// An OAuth 2.0 user token; `scopes` are the granted scopes, `nil` when unknown.
    public static func oauth2(accessToken: String, userID: String, scopes: Set<String>? = nil) -> Self {
        .oauth2(OAuth2UserToken(accessToken: accessToken, userID: userID, scopes: scopes))
    }

    private var wrapped: any Authentication {
        switch self {
        case .oauth1(let credentials): credentials
        case .oauth2(let token): token
        }
    }

    /// The wrapped credentials' method.
    public var method: AuthenticationMethod { wrapped.method }

    /// The ID of the user the credentials act for.
    public var userID: String? { wrapped.userID }

    /// The OAuth 2.0 scopes granted, when known.
    public var grantedScopes: Set<String>? { wrapped.grantedScopes }

    /// Signs the request with the wrapped credentials.
    public func authorize(_ request: inout HTTPRequest, baseURL: URL, signing: SigningContext) throws {
        try wrapped.authorize(&request, baseURL: baseURL, signing: signing)
    }

    /// The wrapped credentials' redacted description.
    public var description: String { wrapped.description }

    /// The wrapped credentials' redacted description.
    public var debugDescription: String { wrapped.debugDescription }
}

extension UserCredentials: CustomReflectable {
    /// A mirror without secrets, so `dump(_:)` shows none either.
    public var customMirror: Mirror {
        Mirror(self, children: ["credentials": wrapped.description])
    }
}
