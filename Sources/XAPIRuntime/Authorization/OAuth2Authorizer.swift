import Foundation

/// An App's OAuth 2.0 client (its client ID, and secret when it is a confidential client)
/// running the Authorization Code flow with PKCE (RFC 6749, RFC 7636) against X or x-sandbox:
/// start, finish, refresh and revoke.
///
/// A web app starts in one request and finishes in its callback, which may run in another
/// process, because the pending authorization is a value it stores:
///
/// ```swift
/// let authorizer = OAuth2Authorizer(
///     clientID: clientID,                                   // public client: no secret
///     redirectURI: URL(string: "https://example.com/callback")!,
///     endpoints: endpoints, configuration: configuration)
/// let pending = authorizer.startAuthorization(scopes: [.tweetRead, .usersRead, .followsWrite, .offlineAccess])
/// // send the user to pending.authorizationURL; keep `pending`
/// let token = try await authorizer.finishAuthorization(redirect: callbackURL, pending: pending)
/// let session = OAuth2Session(token: token, authorizer: authorizer) { token in try? store.save(token) }
/// let client = UserClient(credentials: .oauth2Session(session), configuration: configuration)
/// ```
///
/// Every request to the token and revocation endpoints goes through `configuration`'s
/// transport and middlewares. The client secret is never printed.
public struct OAuth2Authorizer: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The App's OAuth 2.0 client ID.
    public var clientID: String
    /// The client secret of a confidential client, sent as HTTP Basic credentials
    /// (RFC 6749, 2.3.1); `nil` for a public client, which sends `client_id` instead. Never
    /// printed.
    public var clientSecret: String?
    /// The redirect (callback) URI registered for the App, where the user comes back.
    public var redirectURI: URL
    /// The authorization, token and revocation URLs.
    public var endpoints: OAuth2Endpoints
    /// Transport, middlewares, clock and logger for the token requests.
    public var configuration: ClientConfiguration

    /// Creates an authorizer.
    ///
    /// - Parameters:
    ///   - clientID: The App's OAuth 2.0 client ID.
    ///   - clientSecret: The client secret of a confidential client; `nil` for a public one.
    ///   - redirectURI: The registered redirect URI.
    ///   - endpoints: Where the server authorizes, issues and revokes tokens.
    ///   - configuration: How to reach it (its `serverURL` is not used: the endpoints are full
    ///     URLs).
    public init(
        clientID: String,
        clientSecret: String? = nil,
        redirectURI: URL,
        endpoints: OAuth2Endpoints,
        configuration: ClientConfiguration = ClientConfiguration()
    ) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURI = redirectURI
        self.endpoints = endpoints
        self.configuration = configuration
    }

    /// Whether the client authenticates with a secret.
    public var isConfidential: Bool { clientSecret != nil }

    /// Starts an authorization: a new PKCE verifier and `state` from the system's secure
    /// generator, and the URL to send the user to.
    ///
    /// - Parameter scopes: The scopes to ask for; add `OAuth2Scope.offlineAccess` (generated from the spec) to get a
    ///   refresh token.
    /// - Returns: The pending authorization, which the caller keeps (and may store) until the
    ///   user comes back.
    public func startAuthorization(scopes: Set<OAuth2Scope>) -> OAuth2PendingAuthorization {
        let verifier = PKCE.makeVerifier()
        let state = PKCE.makeVerifier(length: 43)
        let url = FormEncoding.url(endpoints.authorizationURL, appending: [
            ("response_type", "code"),
            ("client_id", clientID),
            ("redirect_uri", redirectURI.absoluteString),
            ("scope", OAuth2Scope.parameter(for: scopes)),
            ("state", state),
            ("code_challenge", PKCE.challenge(for: verifier)),
            ("code_challenge_method", PKCE.challengeMethod),
        ])
        return OAuth2PendingAuthorization(
            authorizationURL: url, state: state, codeVerifier: verifier, redirectURI: redirectURI,
            scopes: scopes, clientID: clientID,
            createdAt: Date(timeIntervalSince1970: configuration.clock.now().timeIntervalSince1970.rounded(.down))
        )
    }

    /// The client ID, kind and endpoints; the secret is `<redacted>`.
    public var description: String {
        "OAuth2Authorizer(clientID: \(clientID), \(isConfidential ? "confidential, clientSecret: <redacted>" : "public"), "
            + "redirectURI: \(redirectURI.absoluteString), tokenURL: \(endpoints.tokenURL.absoluteString))"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// The secrets its requests may carry, for scrubbing.
    var secrets: [String] {
        // A confidential client's secret, and its HTTP Basic form, which an echoed header would show.
        clientSecret.map { [$0, String(FormEncoding.basicAuthorization(user: clientID, password: $0).dropFirst("Basic ".count))] } ?? []
    }
}

extension OAuth2Authorizer: CustomReflectable {
    /// A mirror without the client secret.
    public var customMirror: Mirror {
        Mirror(self, children: ["description": description])
    }
}
