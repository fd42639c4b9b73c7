import Foundation
import HTTPTypes

/// The App's OAuth 2.0 bearer token (App-only authentication). It can look data up but never
/// act on behalf of a user.
///
/// ```swift
/// let client = AppOnlyClient(credentials: AppOnlyCredentials(bearerToken: bearer))
/// print(client.credentials)   // AppOnlyCredentials(bearerToken: <redacted>)
/// ```
public struct AppOnlyCredentials: Authentication, Hashable {
    /// The App's bearer token. Never printed.
    public var bearerToken: String

    /// Creates App-only credentials from the App's bearer token.
    public init(bearerToken: String) {
        self.bearerToken = bearerToken
    }

    /// Always ``AuthenticationMethod/appOnly``.
    public var method: AuthenticationMethod { .appOnly }

    /// Always `nil`: App-only credentials act for no user.
    public var userID: String? { nil }

    /// Sets `Authorization: Bearer <token>`.
    public func authorize(_ request: inout HTTPRequest, baseURL: URL, signing: SigningContext) throws {
        request.headerFields[.authorization] = "Bearer \(bearerToken)"
    }

    /// `AppOnlyCredentials(bearerToken: <redacted>)`.
    public var description: String { "AppOnlyCredentials(bearerToken: <redacted>)" }

    /// Same as ``description``: the token is never shown.
    public var debugDescription: String { description }
}

extension AppOnlyCredentials: CustomReflectable {
    /// A mirror without the token, so `dump(_:)` does not show it.
    public var customMirror: Mirror {
        Mirror(self, children: ["bearerToken": "<redacted>"])
    }
}
