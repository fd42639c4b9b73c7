import Foundation

/// What the OAuth 1.0a access-token step grants (RFC 5849, 2.3): the user's access token and
/// secret, as ``OAuth1Credentials`` ready to sign with, and who the user is.
///
/// ```swift
/// let granted = try await authorizer.accessToken(for: requestToken, verifier: pin)
/// granted.screenName                       // "sandbox_alice"
/// let client = UserClient(credentials: .oauth1(granted.credentials))
/// ```
public struct OAuth1AccessToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The App's key and secret with the user's access token and secret. Its description is
    /// redacted.
    public let credentials: OAuth1Credentials
    /// `user_id`, the user's numeric ID.
    public let userID: String
    /// `screen_name`, the user's @-name without the `@`, when sent.
    public let screenName: String?

    /// Creates a granted access token.
    public init(credentials: OAuth1Credentials, userID: String, screenName: String?) {
        self.credentials = credentials
        self.userID = userID
        self.screenName = screenName
    }

    /// The user; the tokens are `<redacted>`.
    public var description: String {
        "OAuth1AccessToken(userID: \(userID), screenName: \(screenName ?? "unknown"), credentials: \(credentials))"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }
}

extension OAuth1AccessToken: CustomReflectable {
    /// A mirror without secrets.
    public var customMirror: Mirror {
        Mirror(self, children: ["description": description])
    }
}
