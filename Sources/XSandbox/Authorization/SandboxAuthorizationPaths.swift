import Foundation
import XFollows

/// The paths of X's authorization endpoints, which the sandbox serves at the same places.
public enum SandboxAuthorizationPaths {
    /// The OAuth 2.0 authorization page (X: `https://x.com/i/oauth2/authorize`).
    public static let oauth2Authorize = "/i/oauth2/authorize"
    /// The OAuth 2.0 token endpoint (X: `https://api.x.com/2/oauth2/token`).
    public static let oauth2Token = "/2/oauth2/token"
    /// The OAuth 2.0 revocation endpoint (X: `https://api.x.com/2/oauth2/revoke`).
    public static let oauth2Revoke = "/2/oauth2/revoke"
    /// The OAuth 1.0a request-token endpoint (X: `https://api.x.com/oauth/request_token`).
    public static let oauth1RequestToken = "/oauth/request_token"
    /// The OAuth 1.0a authorization page (X: `https://api.x.com/oauth/authorize`).
    public static let oauth1Authorize = "/oauth/authorize"
    /// The OAuth 1.0a "Sign in with X" page, served like ``oauth1Authorize``.
    public static let oauth1Authenticate = "/oauth/authenticate"
    /// The OAuth 1.0a access-token endpoint (X: `https://api.x.com/oauth/access_token`).
    public static let oauth1AccessToken = "/oauth/access_token"
    /// The App-only token endpoint (X: `https://api.x.com/oauth2/token`).
    public static let appOnlyToken = "/oauth2/token"
    /// The App-only invalidation endpoint (X: `https://api.x.com/oauth2/invalidate_token`).
    public static let appOnlyInvalidate = "/oauth2/invalidate_token"
}

extension SandboxServer {
    /// The sandbox's OAuth 2.0 endpoints, for an ``OAuth2Authorizer``.
    ///
    /// ```swift
    /// let authorizer = OAuth2Authorizer(clientID: server.credentials.publicOAuth2Client!.clientID,
    ///                                   redirectURI: URL(string: "http://127.0.0.1:3000/callback")!,
    ///                                   endpoints: server.oauth2Endpoints)
    /// ```
    public var oauth2Endpoints: OAuth2Endpoints {
        OAuth2Endpoints(
            authorizationURL: url(SandboxAuthorizationPaths.oauth2Authorize),
            tokenURL: url(SandboxAuthorizationPaths.oauth2Token),
            revocationURL: url(SandboxAuthorizationPaths.oauth2Revoke)
        )
    }

    /// The sandbox's OAuth 1.0a endpoints, for an ``OAuth1Authorizer``.
    public var oauth1Endpoints: OAuth1Endpoints {
        OAuth1Endpoints(
            requestTokenURL: url(SandboxAuthorizationPaths.oauth1RequestToken),
            authorizationURL: url(SandboxAuthorizationPaths.oauth1Authorize),
            accessTokenURL: url(SandboxAuthorizationPaths.oauth1AccessToken)
        )
    }

    /// The sandbox's App-only token endpoints, for an ``AppOnlyAuthorizer``.
    public var appOnlyEndpoints: AppOnlyEndpoints {
        AppOnlyEndpoints(
            tokenURL: url(SandboxAuthorizationPaths.appOnlyToken),
            invalidationURL: url(SandboxAuthorizationPaths.appOnlyInvalidate)
        )
    }

    private func url(_ path: String) -> URL {
        URL(string: baseURL.absoluteString + path)!
    }
}
