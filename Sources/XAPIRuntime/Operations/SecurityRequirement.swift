/// One authentication alternative an operation accepts (an entry of the spec's `security`).
public enum SecurityRequirement: Sendable, Hashable, CustomStringConvertible {
    /// OAuth 1.0a User Context (`UserToken`).
    case oauth1UserContext
    /// An OAuth 2.0 user token holding at least these scopes (`OAuth2UserToken`).
    case oauth2UserContext(scopes: Set<OAuth2Scope>)
    /// The App's bearer token (`BearerToken`).
    case appOnly

    /// The method this alternative uses.
    public var method: AuthenticationMethod {
        switch self {
        case .oauth1UserContext: .oauth1UserContext
        case .oauth2UserContext: .oauth2UserContext
        case .appOnly: .appOnly
        }
    }

    /// X's name of the method, with the required scopes for OAuth 2.0.
    public var description: String {
        switch self {
        case .oauth2UserContext(let scopes) where !scopes.isEmpty:
            "\(method) (scopes: \(scopes.sorted().map(\.rawValue).joined(separator: ", ")))"
        default:
            method.description
        }
    }
}
