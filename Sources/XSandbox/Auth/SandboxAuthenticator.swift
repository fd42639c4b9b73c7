import Foundation
import XFollows

/// Reads a request's `Authorization` header: a bearer token is looked up (the App's current
/// bearer token, an OAuth 2.0 user token of the graph, or a live one the authorization server
/// issued); an OAuth 1.0a header is handed to ``OAuth1Verifier``, which needs the sandbox's
/// nonce registry. It holds the sandbox's authorization server (``SandboxAuthorization``),
/// whose tokens it accepts.
struct SandboxAuthenticator: Sendable {
    enum Classification: Sendable {
        /// A known bearer token.
        case principal(SandboxPrincipal)
        /// An OAuth 1.0a header to verify.
        case oauth1(String)
        /// No usable credentials.
        case refused(String)
    }

    let verifier: OAuth1Verifier
    /// The authorization server: its endpoints, and the tokens it issued.
    let authorization: SandboxAuthorization
    private let appKey: String
    private let oauth2Tokens: [String: SandboxCredentials.OAuth2Token]

    init(credentials: SandboxCredentials, tolerance: TimeInterval) {
        self.verifier = OAuth1Verifier(credentials: credentials, tolerance: tolerance)
        self.authorization = SandboxAuthorization(credentials: credentials, tolerance: tolerance)
        self.appKey = credentials.consumerKey
        self.oauth2Tokens = Dictionary(credentials.oauth2Tokens.map { ($0.accessToken, $0) },
                                       uniquingKeysWith: { first, _ in first })
    }

    func classify(_ authorization: String?, at now: Date) async -> Classification {
        guard let authorization = authorization?.trimmingCharacters(in: .whitespaces), !authorization.isEmpty else {
            return .refused("the request has no Authorization header")
        }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        let scheme = parts.first.map { $0.lowercased() } ?? ""
        switch scheme {
        case "bearer":
            let token = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            if let principal = await self.authorization.principal(forBearer: token, at: now) {
                return .principal(principal)
            }
            if let grant = oauth2Tokens[token] {
                return .principal(SandboxPrincipal(method: .oauth2UserContext, userID: grant.userID,
                                                   scopes: grant.scopes, appKey: appKey))
            }
            return .refused("the bearer token is unknown")
        case "oauth":
            return .oauth1(authorization)
        default:
            return .refused("the Authorization scheme is neither Bearer nor OAuth")
        }
    }

    func principal(for identity: OAuth1Verifier.Identity) -> SandboxPrincipal {
        SandboxPrincipal(method: .oauth1UserContext, userID: identity.userID, appKey: identity.consumerKey)
    }
}
