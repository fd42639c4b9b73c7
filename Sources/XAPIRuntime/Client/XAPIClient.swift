/// A client of the X API v2 for one set of credentials. Its context decides at compile time
/// which generated endpoints it can call.
///
/// ```swift
/// let client = UserClient(credentials: .oauth1(
///     consumerKey: key, consumerSecret: secret, accessToken: token, accessTokenSecret: tokenSecret))
/// let followers = try await client.followers(of: "2244994945")
///
/// let app = AppOnlyClient(credentials: AppOnlyCredentials(bearerToken: bearer))
/// for try await user in app.allFollowers(of: "2244994945").items { print(user.username) }
/// ```
public struct XAPIClient<Context: AuthenticationContext>: Sendable {
    /// The credentials every request is signed with.
    public let credentials: Context.Credentials
    /// How the client reaches the server.
    public let configuration: ClientConfiguration
    /// The authenticated user's ID once looked up, for credentials that do not tell it
    /// (shared by copies of the client, whose credentials are the same).
    let lookedUpUserID = LockedValue<String?>(nil)

    /// Creates a client.
    public init(credentials: Context.Credentials, configuration: ClientConfiguration = .init()) {
        self.credentials = credentials
        self.configuration = configuration
    }
}

/// A client acting on behalf of a user (OAuth 1.0a or OAuth 2.0 user token).
public typealias UserClient = XAPIClient<UserContext>

/// A client authenticated as the App only (bearer token).
public typealias AppOnlyClient = XAPIClient<AppOnlyContext>

/// A client holding credentials for a spec's own security schemes (API keys, HTTP Basic,
/// tokens), by scheme.
public typealias SchemeClient = XAPIClient<SchemeContext>
