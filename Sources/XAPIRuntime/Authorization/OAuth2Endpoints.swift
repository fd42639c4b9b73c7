import Foundation

/// Where an OAuth 2.0 authorization server (X, or x-sandbox) takes the Authorization Code
/// with PKCE flow: the page a user approves the App on, the token endpoint, and the
/// revocation endpoint (RFC 7009).
///
/// Generated code provides X's values from the spec's `oauth2` security scheme; tests and
/// the sandbox point the same paths at a local server:
///
/// ```swift
/// let endpoints = OAuth2Endpoints(
///     authorizationURL: URL(string: "https://x.com/i/oauth2/authorize")!,
///     tokenURL: URL(string: "https://api.x.com/2/oauth2/token")!,
///     revocationURL: URL(string: "https://api.x.com/2/oauth2/revoke")!)
/// let local = endpoints.relocated(to: URL(string: "http://127.0.0.1:8080")!)
/// local.tokenURL   // http://127.0.0.1:8080/2/oauth2/token
/// ```
public struct OAuth2Endpoints: Sendable, Hashable, Codable {
    /// The page the user is sent to (`authorizationUrl`), e.g. `https://x.com/i/oauth2/authorize`.
    public var authorizationURL: URL
    /// Where a code is exchanged for tokens (`tokenUrl`), e.g. `https://api.x.com/2/oauth2/token`.
    public var tokenURL: URL
    /// Where a refresh token is exchanged (`refreshUrl`); the token URL when the server names
    /// none.
    public var refreshURL: URL
    /// Where a token is revoked (RFC 7009), e.g. `https://api.x.com/2/oauth2/revoke`; `nil`
    /// when the server has none.
    public var revocationURL: URL?

    /// Creates the endpoints; `refreshURL` defaults to `tokenURL`.
    public init(authorizationURL: URL, tokenURL: URL, refreshURL: URL? = nil, revocationURL: URL? = nil) {
        self.authorizationURL = authorizationURL
        self.tokenURL = tokenURL
        self.refreshURL = refreshURL ?? tokenURL
        self.revocationURL = revocationURL
    }

    /// The same paths on another server, such as a local x-sandbox.
    public func relocated(to server: URL) -> OAuth2Endpoints {
        OAuth2Endpoints(
            authorizationURL: authorizationURL.relocated(to: server),
            tokenURL: tokenURL.relocated(to: server),
            refreshURL: refreshURL.relocated(to: server),
            revocationURL: revocationURL?.relocated(to: server)
        )
    }
}
