import XFollows

/// The keys and tokens the sandbox accepts: one App (API key and secret, bearer token), an
/// OAuth 1.0a access token per user it can act for, OAuth 2.0 user tokens with scopes, the
/// App's OAuth 2.0 clients and its approved callback URLs.
///
/// The seeded graph's credentials are the same on every run, so they can be written down:
///
/// ```swift
/// let credentials = SandboxGraph.seeded().credentials
/// let alice = credentials.userCredentials(for: SandboxAccounts.alice)!       // OAuth 1.0a
/// let app = credentials.appOnlyCredentials                                  // bearer
/// let readOnly = credentials.oauth2Tokens.first { !$0.scopes.contains(OAuth2Scope.followsWrite.rawValue) }!
/// let client = credentials.publicOAuth2Client!                              // PKCE, no secret
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

    /// An OAuth 2.0 client of the App (Authorization Code with PKCE): public without a
    /// secret, confidential with one (sent as HTTP Basic credentials).
    public struct OAuth2Client: Sendable, Hashable, Codable {
        /// The client ID, e.g. `cFdsVHlvdFJwU3VPWV9tY0F6WTE6MTpjaQ`.
        public var clientID: String
        /// The client secret of a confidential client; `nil` for a public one.
        public var clientSecret: String?
        /// The name the authorization page shows.
        public var name: String

        /// Creates a client.
        public init(clientID: String, clientSecret: String? = nil, name: String) {
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.name = name
        }

        /// Whether the client authenticates with a secret.
        public var isConfidential: Bool { clientSecret != nil }

        enum CodingKeys: String, CodingKey {
            case clientID = "client_id"
            case clientSecret = "client_secret"
            case name
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
    /// The App's OAuth 2.0 clients.
    public var oauth2Clients: [OAuth2Client]
    /// The App's approved callback (redirect) URLs, for OAuth 1.0a and OAuth 2.0 alike. A URL
    /// on `127.0.0.1`, `[::1]` or `localhost` without a port approves that URL on every port
    /// (RFC 8252, 7.3), so a command-line app may listen where it can. OAuth 1.0a also accepts
    /// `oob` (the PIN flow).
    public var callbackURLs: [String]

    /// Creates a set of credentials.
    public init(
        consumerKey: String,
        consumerSecret: String,
        bearerToken: String,
        accessTokens: [AccessToken] = [],
        oauth2Tokens: [OAuth2Token] = [],
        oauth2Clients: [OAuth2Client] = [],
        callbackURLs: [String] = []
    ) {
        self.consumerKey = consumerKey
        self.consumerSecret = consumerSecret
        self.bearerToken = bearerToken
        self.accessTokens = accessTokens
        self.oauth2Tokens = oauth2Tokens
        self.oauth2Clients = oauth2Clients
        self.callbackURLs = callbackURLs
    }

    enum CodingKeys: String, CodingKey {
        case consumerKey = "consumer_key"
        case consumerSecret = "consumer_secret"
        case bearerToken = "bearer_token"
        case accessTokens = "access_tokens"
        case oauth2Tokens = "oauth2_tokens"
        case oauth2Clients = "oauth2_clients"
        case callbackURLs = "callback_urls"
    }

    /// Decodes credentials; the lists are optional (empty when absent).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        consumerKey = try container.decode(String.self, forKey: .consumerKey)
        consumerSecret = try container.decode(String.self, forKey: .consumerSecret)
        bearerToken = try container.decode(String.self, forKey: .bearerToken)
        accessTokens = try container.decodeIfPresent([AccessToken].self, forKey: .accessTokens) ?? []
        oauth2Tokens = try container.decodeIfPresent([OAuth2Token].self, forKey: .oauth2Tokens) ?? []
        oauth2Clients = try container.decodeIfPresent([OAuth2Client].self, forKey: .oauth2Clients) ?? []
        callbackURLs = try container.decodeIfPresent([String].self, forKey: .callbackURLs) ?? []
    }

    /// The first public OAuth 2.0 client (no secret), if any.
    public var publicOAuth2Client: OAuth2Client? { oauth2Clients.first { !$0.isConfidential } }

    /// The first confidential OAuth 2.0 client (with a secret), if any.
    public var confidentialOAuth2Client: OAuth2Client? { oauth2Clients.first { $0.isConfidential } }

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
        .oauth2(accessToken: token.accessToken, userID: token.userID, scopes: Set(token.scopes.map(OAuth2Scope.init(rawValue:))))
    }

    /// The runtime's App-only credentials (the bearer token).
    public var appOnlyCredentials: AppOnlyCredentials {
        AppOnlyCredentials(bearerToken: bearerToken)
    }

    /// The seeded App's approved callback URLs: `http://127.0.0.1/callback` and
    /// `http://[::1]/callback` on any port (RFC 8252, 7.3), as command-line apps need.
    public static let demoCallbackURLs = ["http://127.0.0.1/callback", "http://[::1]/callback"]

    /// Every scope X's follows endpoints know, what a token granted "everything" holds: the
    /// spec's scopes (`OAuth2Scope.all`, generated in XFollows).
    public static let allFollowsScopes = Set(OAuth2Scope.all.map(\.rawValue))

    /// The scopes of a token that may look follows up but not change them: what the spec's
    /// followers lookup asks of an OAuth 2.0 token.
    public static let readOnlyScopes = Set(OperationDescriptor.usersIdFollowers.security.flatMap { requirement -> [String] in
        if case .oauth2UserContext(let scopes) = requirement { scopes.map(\.rawValue) } else { [] }
    })
}
