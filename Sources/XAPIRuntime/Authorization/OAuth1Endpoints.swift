import Foundation

/// Where the OAuth 1.0a three-legged flow (RFC 5849, section 2) happens: the temporary
/// credentials (request token) endpoint, the page a user authorizes the App on, and the
/// token credentials (access token) endpoint.
///
/// ```swift
/// let endpoints = OAuth1Endpoints(
///     requestTokenURL: URL(string: "https://api.x.com/oauth/request_token")!,
///     authorizationURL: URL(string: "https://api.x.com/oauth/authorize")!,
///     accessTokenURL: URL(string: "https://api.x.com/oauth/access_token")!)
/// let local = endpoints.relocated(to: sandbox.baseURL)
/// ```
public struct OAuth1Endpoints: Sendable, Hashable, Codable {
    /// `POST oauth/request_token`.
    public var requestTokenURL: URL
    /// `GET oauth/authorize` (or `oauth/authenticate`), the page the user is sent to.
    public var authorizationURL: URL
    /// `POST oauth/access_token`.
    public var accessTokenURL: URL

    /// Creates the endpoints.
    public init(requestTokenURL: URL, authorizationURL: URL, accessTokenURL: URL) {
        self.requestTokenURL = requestTokenURL
        self.authorizationURL = authorizationURL
        self.accessTokenURL = accessTokenURL
    }

    /// The same paths on another server, such as a local x-sandbox.
    public func relocated(to server: URL) -> OAuth1Endpoints {
        OAuth1Endpoints(
            requestTokenURL: requestTokenURL.relocated(to: server),
            authorizationURL: authorizationURL.relocated(to: server),
            accessTokenURL: accessTokenURL.relocated(to: server)
        )
    }
}
