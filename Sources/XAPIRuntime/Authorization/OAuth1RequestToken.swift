import Foundation

/// The temporary credentials of an OAuth 1.0a authorization in progress (RFC 5849, 2.1):
/// the request token, its secret and the page to send the user to.
///
/// It is `Codable`, so a web server keeps it (keyed by ``token``) until the callback comes:
///
/// ```swift
/// let requestToken = try await authorizer.requestToken(callback: .url(callbackURL))
/// try store.save(JSONEncoder().encode(requestToken), forKey: requestToken.token)
/// redirect(to: requestToken.authorizationURL)
/// ```
///
/// Its `description` and `dump` show neither the token nor its secret.
public struct OAuth1RequestToken: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
    /// `oauth_token`, the temporary token.
    public let token: String
    /// `oauth_token_secret`, the second half of the access-token request's signing key.
    public let tokenSecret: String
    /// Where the user goes back to after authorizing.
    public let callback: OAuth1Callback
    /// The page to send the user to: the authorization URL with `oauth_token`.
    public let authorizationURL: URL

    /// Creates a request token (``OAuth1Authorizer/requestToken(callback:)`` does).
    public init(token: String, tokenSecret: String, callback: OAuth1Callback, authorizationURL: URL) {
        self.token = token
        self.tokenSecret = tokenSecret
        self.callback = callback
        self.authorizationURL = authorizationURL
    }

    /// The callback; the token and secret are `<redacted>`.
    public var description: String {
        "OAuth1RequestToken(callback: \(callback.parameterValue), token: <redacted>, tokenSecret: <redacted>)"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }
}

extension OAuth1RequestToken: CustomReflectable {
    /// A mirror without the token or its secret.
    public var customMirror: Mirror {
        Mirror(self, children: ["description": description])
    }
}
