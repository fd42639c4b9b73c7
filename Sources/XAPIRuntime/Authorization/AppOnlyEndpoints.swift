import Foundation

/// Where an App turns its API key and secret into an App-only bearer token
/// (`grant_type=client_credentials`) and invalidates one.
///
/// ```swift
/// let endpoints = AppOnlyEndpoints(
///     tokenURL: URL(string: "https://api.x.com/oauth2/token")!,
///     invalidationURL: URL(string: "https://api.x.com/oauth2/invalidate_token")!)
/// let local = endpoints.relocated(to: sandbox.baseURL)
/// ```
public struct AppOnlyEndpoints: Sendable, Hashable, Codable {
    /// `POST oauth2/token`.
    public var tokenURL: URL
    /// `POST oauth2/invalidate_token`.
    public var invalidationURL: URL

    /// Creates the endpoints.
    public init(tokenURL: URL, invalidationURL: URL) {
        self.tokenURL = tokenURL
        self.invalidationURL = invalidationURL
    }

    /// The same paths on another server, such as a local x-sandbox.
    public func relocated(to server: URL) -> AppOnlyEndpoints {
        AppOnlyEndpoints(tokenURL: tokenURL.relocated(to: server), invalidationURL: invalidationURL.relocated(to: server))
    }
}
