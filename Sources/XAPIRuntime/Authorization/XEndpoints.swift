import Foundation

// X's own authorization endpoints, in one place. The spec's `oauth2` security scheme names
// the OAuth 2.0 authorization and token URLs too; until the generator emits them, these are
// the values for X, and `relocated(to:)` moves them to a local x-sandbox, which serves the
// same paths.

extension OAuth2Endpoints {
    /// X's OAuth 2.0 endpoints: `https://x.com/i/oauth2/authorize`,
    /// `https://api.x.com/2/oauth2/token` (also for refreshing) and
    /// `https://api.x.com/2/oauth2/revoke`.
    ///
    /// ```swift
    /// let endpoints = OAuth2Endpoints.x                                   // X
    /// let local = OAuth2Endpoints.x.relocated(to: URL(string: "http://127.0.0.1:8080")!)
    /// local.authorizationURL   // http://127.0.0.1:8080/i/oauth2/authorize
    /// ```
    public static let x = OAuth2Endpoints(
        authorizationURL: URL(string: "https://x.com/i/oauth2/authorize")!,
        tokenURL: URL(string: "https://api.x.com/2/oauth2/token")!,
        revocationURL: URL(string: "https://api.x.com/2/oauth2/revoke")!
    )
}

extension OAuth1Endpoints {
    /// X's OAuth 1.0a three-legged endpoints: `https://api.x.com/oauth/request_token`,
    /// `https://api.x.com/oauth/authorize` and `https://api.x.com/oauth/access_token`.
    public static let x = OAuth1Endpoints(
        requestTokenURL: URL(string: "https://api.x.com/oauth/request_token")!,
        authorizationURL: URL(string: "https://api.x.com/oauth/authorize")!,
        accessTokenURL: URL(string: "https://api.x.com/oauth/access_token")!
    )
}

extension AppOnlyEndpoints {
    /// X's App-only endpoints: `https://api.x.com/oauth2/token` and
    /// `https://api.x.com/oauth2/invalidate_token`.
    public static let x = AppOnlyEndpoints(
        tokenURL: URL(string: "https://api.x.com/oauth2/token")!,
        invalidationURL: URL(string: "https://api.x.com/oauth2/invalidate_token")!
    )
}
