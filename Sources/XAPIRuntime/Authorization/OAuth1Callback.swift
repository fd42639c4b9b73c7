import Foundation

/// Where X sends the user after they authorized an App with OAuth 1.0a: back to a callback
/// URL (with `oauth_token` and `oauth_verifier`), or nowhere — the page shows a PIN the user
/// types into the App (out of band, `oob`).
///
/// ```swift
/// let web = try await authorizer.requestToken(callback: .url(URL(string: "https://example.com/callback")!))
/// let cli = try await authorizer.requestToken(callback: .outOfBand)   // PIN flow
/// ```
public enum OAuth1Callback: Sendable, Hashable, Codable {
    /// Redirect the user to this URL (it must be one of the App's approved callback URLs).
    case url(URL)
    /// Show the user a PIN to type into the App (`oauth_callback=oob`).
    case outOfBand

    /// The `oauth_callback` value: the URL, or `oob`.
    public var parameterValue: String {
        switch self {
        case .url(let url): url.absoluteString
        case .outOfBand: "oob"
        }
    }
}
