import XFollows

/// Who sent a request, once its credentials are verified.
///
/// ```swift
/// let principal = SandboxPrincipal(method: .oauth1UserContext, userID: "6253282", appKey: consumerKey)
/// principal.userID   // "6253282"
/// ```
public struct SandboxPrincipal: Sendable, Hashable {
    /// How the request authenticated.
    public var method: AuthenticationMethod
    /// The authenticated user; `nil` for App-only requests.
    public var userID: String?
    /// The scopes of an OAuth 2.0 user token; `nil` for other methods.
    public var scopes: Set<String>?
    /// The App's consumer key: App-scoped limits and caps count under it.
    public var appKey: String

    /// Creates a principal.
    public init(method: AuthenticationMethod, userID: String? = nil, scopes: Set<String>? = nil, appKey: String) {
        self.method = method
        self.userID = userID
        self.scopes = scopes
        self.appKey = appKey
    }

    /// The user or App a limit of `scope` counts: the user for `LimitScope.user`, the App
    /// for `LimitScope.app`; `nil` when a user limit meets an App-only request.
    public func subject(for scope: LimitScope) -> String? {
        switch scope {
        case .user: userID
        case .app: appKey
        }
    }
}
