import Foundation
import HTTPTypes

/// The credentials of a user-context client: OAuth 1.0a, an OAuth 2.0 user token, or an
/// OAuth 2.0 session that keeps its token fresh.
///
/// ```swift
/// let oauth1 = UserCredentials.oauth1(consumerKey: key, consumerSecret: secret,
///                                     accessToken: token, accessTokenSecret: tokenSecret)
/// let oauth2 = UserCredentials.oauth2(accessToken: bearer,
///                                     scopes: ["tweet.read", "users.read", "follows.write"])
/// let session = UserCredentials.oauth2Session(OAuth2Session(token: stored, authorizer: authorizer))
/// ```
public enum UserCredentials: Authentication, Hashable {
    /// OAuth 1.0a User Context, signed with HMAC-SHA1.
    case oauth1(OAuth1Credentials)
    /// An OAuth 2.0 user access token, used as it is.
    case oauth2(OAuth2UserToken)
    /// An OAuth 2.0 session: its token is refreshed before it expires and once after a 401,
    /// and the rotated tokens are handed to its persistence hook.
    case oauth2Session(OAuth2Session)

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

    /// An OAuth 2.0 user token; `userID` is the user's ID when known (it is looked up when an
    /// operation needs it), `scopes` the granted scopes, `nil` when unknown.
    public static func oauth2(accessToken: String, userID: String? = nil, scopes: Set<OAuth2Scope>? = nil) -> Self {
        .oauth2(OAuth2UserToken(accessToken: accessToken, userID: userID, scopes: scopes))
    }

    /// The wrapped credentials as they are now (a session's current token; `nil` once the
    /// session ended).
    private var wrapped: (any Authentication)? {
        switch self {
        case .oauth1(let credentials): credentials
        case .oauth2(let token): token
        case .oauth2Session(let session): session.publishedToken
        }
    }

    /// The wrapped credentials' method.
    public var method: AuthenticationMethod {
        switch self {
        case .oauth1: .oauth1UserContext
        case .oauth2, .oauth2Session: .oauth2UserContext
        }
    }

    /// The ID of the user the credentials act for, when known.
    public var userID: String? { wrapped?.userID }

    /// The OAuth 2.0 scopes granted, when known.
    public var grantedScopes: Set<OAuth2Scope>? { wrapped?.grantedScopes }

    /// Signs the request with the wrapped credentials (a session's current token; the client
    /// signs with ``credentialsForSigning()`` instead, which refreshes first).
    ///
    /// - Throws: ``XAPIError`` with ``XAPIError/Code/reauthorizationRequired`` for a session
    ///   that ended.
    public func authorize(_ request: inout HTTPRequest, baseURL: URL, signing: SigningContext) throws {
        guard let wrapped else {
            throw XAPIError(code: .reauthorizationRequired, operationID: "oauth2Session",
                            message: "The session ended; the user must authorize the App again.")
        }
        try wrapped.authorize(&request, baseURL: baseURL, signing: signing)
    }

    /// Itself, or for a session ``oauth2(_:)`` with its valid token, refreshed first when it
    /// expires soon.
    public func credentialsForSigning() async throws -> UserCredentials {
        guard case .oauth2Session(let session) = self else { return self }
        return .oauth2(try await session.validToken())
    }

    /// For a session that signed `rejected`: refreshes (once, however many requests were
    /// refused) and returns `true`. `false` for fixed credentials.
    public func renew(afterRejecting rejected: UserCredentials) async throws -> Bool {
        guard case .oauth2Session(let session) = self, case .oauth2(let token) = rejected else { return false }
        return try await session.renew(afterRejecting: token.accessToken)
    }

    /// The wrapped credentials' redacted description.
    public var description: String {
        switch self {
        case .oauth1(let credentials): credentials.description
        case .oauth2(let token): token.description
        case .oauth2Session(let session): session.description
        }
    }

    /// The wrapped credentials' redacted description.
    public var debugDescription: String { description }
}

extension UserCredentials: CustomReflectable {
    /// A mirror without secrets, so `dump(_:)` shows none either.
    public var customMirror: Mirror {
        Mirror(self, children: ["credentials": description])
    }
}
