import Foundation
import XFollows

/// The paths of X's authorization endpoints, which the sandbox serves at the same places: the
/// paths of the spec's endpoints (`OAuth2Endpoints.x`, `OAuth1Endpoints.x`, `AppOnlyEndpoints.x`,
/// generated from its security schemes), so a client relocates X's endpoints to the sandbox.
public enum SandboxAuthorizationPaths {
    /// The OAuth 2.0 authorization page (X: `https://x.com/i/oauth2/authorize`).
    public static let oauth2Authorize = OAuth2Endpoints.x.authorizationURL.path
    /// The OAuth 2.0 token endpoint (X: `https://api.x.com/2/oauth2/token`).
    public static let oauth2Token = OAuth2Endpoints.x.tokenURL.path
    /// The OAuth 2.0 revocation endpoint (X: `https://api.x.com/2/oauth2/revoke`).
    public static let oauth2Revoke = OAuth2Endpoints.x.revocationURL?.path ?? "/2/oauth2/revoke"
    /// The OAuth 1.0a request-token endpoint (X: `https://api.x.com/oauth/request_token`).
    public static let oauth1RequestToken = OAuth1Endpoints.x.requestTokenURL.path
    /// The OAuth 1.0a authorization page (X: `https://api.x.com/oauth/authorize`).
    public static let oauth1Authorize = OAuth1Endpoints.x.authorizationURL.path
    /// The OAuth 1.0a "Sign in with X" page, served like ``oauth1Authorize`` (X documents it
    /// beside the authorize page; the spec names only the latter).
    public static let oauth1Authenticate = "/oauth/authenticate"
    /// The OAuth 1.0a access-token endpoint (X: `https://api.x.com/oauth/access_token`).
    public static let oauth1AccessToken = OAuth1Endpoints.x.accessTokenURL.path
    /// The App-only token endpoint (X: `https://api.x.com/oauth2/token`).
    public static let appOnlyToken = AppOnlyEndpoints.x.tokenURL.path
    /// The App-only invalidation endpoint (X: `https://api.x.com/oauth2/invalidate_token`).
    public static let appOnlyInvalidate = AppOnlyEndpoints.x.invalidationURL.path
}

extension SandboxServer {
    /// The sandbox's OAuth 2.0 endpoints, for an `OAuth2Authorizer`.
    ///
    /// ```swift
    /// let authorizer = OAuth2Authorizer(clientID: server.credentials.publicOAuth2Client!.clientID,
    ///                                   redirectURI: URL(string: "http://127.0.0.1:3000/callback")!,
    ///                                   endpoints: server.oauth2Endpoints)
    /// ```
    public var oauth2Endpoints: OAuth2Endpoints { OAuth2Endpoints.x.relocated(to: baseURL) }

    /// The sandbox's OAuth 1.0a endpoints, for an `OAuth1Authorizer`.
    public var oauth1Endpoints: OAuth1Endpoints { OAuth1Endpoints.x.relocated(to: baseURL) }

    /// The sandbox's App-only token endpoints, for an `AppOnlyAuthorizer`.
    public var appOnlyEndpoints: AppOnlyEndpoints { AppOnlyEndpoints.x.relocated(to: baseURL) }

}

extension SandboxAuthorizationPaths {
    /// Every path the authorization server answers.
    static let all: Set<String> = [
        oauth2Authorize, oauth2Token, oauth2Revoke, oauth1RequestToken, oauth1Authorize, oauth1Authenticate,
        oauth1AccessToken, appOnlyToken, appOnlyInvalidate,
    ]
}
