import XFollows

/// The keys and tokens the sandbox accepts: one App (API key and secret, bearer token), an
/// OAuth 1.0a access token per user it can act for, and OAuth 2.0 user tokens with scopes.
///
/// The seeded graph's credentials are the same on every run, so they can be written down:
///
/// ```swift
/// let credentials = SandboxGraph.seeded().credentials
/// let alice = credentials.userCredentials(for: SandboxAccounts.alice)!       // OAuth 1.0a
/// let app = credentials.appOnlyCredentials                                  // bearer
/// let readOnly = credentials.oauth2Tokens.first { !$0.scopes.contains("follows.write") }!
/// ```
public struct SandboxCredentials: Sendable, Hashable, Codable {
    /// A user's OAuth 1.0a access token and secret.
    public struct AccessToken: Sendable, Hashable, Codable {
        /// The user the token acts for; the token starts with this ID and `-`, as X's do.
        public var userID: String
        /// `oauth_token`.
        public var accessToken: String
        /// The token's secret, half of the signing key.
        public var accessTokenSecret: String

        /// Creates an access token.
        public init(userID: String, accessToken: String, accessTokenSecret: String) {
            self.userID = userID
            self.accessToken = accessToken
            self.accessTokenSecret = accessTokenSecret
        }

        enum CodingKeys: String, CodingKey {
            case userID = "user_id"
            case accessToken = "access_token"
            case accessTokenSecret = "access_token_secret"
        }
    }

    /// An OAuth 2.0 user access token (Authorization Code with PKCE) and the scopes granted.
    public struct OAuth2Token: Sendable, Hashable, Codable {
        /// The user who authorized the token.
        public var userID: String
        /// The bearer token.
        public var accessToken: String
        /// The granted scopes, such as `follows.write`.
        public var scopes: Set<String>

        /// Creates a token.
        public init(userID: String, accessToken: String, scopes: Set<String>) {
            self.userID = userID
            self.accessToken = accessToken
            self.scopes = scopes
        }

        enum CodingKeys: String, CodingKey {
            case userID = "user_id"
            case accessToken = "access_token"
            case scopes
        }
    }

    /// The App's API key (`oauth_consumer_key`).
    public var consumerKey: String
    /// The App's API key secret.
    public var consumerSecret: String
    /// The App's OAuth 2.0 App-only bearer token.
    public var bearerToken: String
    /// OAuth 1.0a access tokens, one per user the App may act for.
    public var accessTokens: [AccessToken]
    /// OAuth 2.0 user tokens.
    public var oauth2Tokens: [OAuth2Token]

    /// Creates a set of credentials.
    public init(
        consumerKey: String,
        consumerSecret: String,
        bearerToken: String,
        accessTokens: [AccessToken] = [],
        oauth2Tokens: [OAuth2Token] = []
    ) {
        self.consumerKey = consumerKey
        self.consumerSecret = consumerSecret
        self.bearerToken = bearerToken
        self.accessTokens = accessTokens
        self.oauth2Tokens = oauth2Tokens
    }

    enum CodingKeys: String, CodingKey {
        case consumerKey = "consumer_key"
        case consumerSecret = "consumer_secret"
        case bearerToken = "bearer_token"
        case accessTokens = "access_tokens"
        case oauth2Tokens = "oauth2_tokens"
    }

    /// The runtime's OAuth 1.0a credentials for a user with an access token, or `nil`.
    public func userCredentials(for userID: String) -> UserCredentials? {
        guard let token = accessTokens.first(where: { $0.userID == userID }) else { return nil }
        return .oauth1(
            consumerKey: consumerKey,
            consumerSecret: consumerSecret,
            accessToken: token.accessToken,
            accessTokenSecret: token.accessTokenSecret
        )
    }

    /// The runtime's credentials for an OAuth 2.0 token, with its scopes.
    public func userCredentials(for token: OAuth2Token) -> UserCredentials {
        .oauth2(accessToken: token.accessToken, userID: token.userID, scopes: token.scopes)
    }

    /// The runtime's App-only credentials (the bearer token).
    public var appOnlyCredentials: AppOnlyCredentials {
        AppOnlyCredentials(bearerToken: bearerToken)
    }

    /// Every scope X's follows endpoints know, what a token granted "everything" holds.
    public static let allFollowsScopes: Set<String> = ["tweet.read", "users.read", "follows.read", "follows.write", "offline.access"]

    /// The scopes of a token that may look follows up but not change them.
    public static let readOnlyScopes: Set<String> = ["tweet.read", "users.read", "follows.read"]
}
