import Foundation
import XFollows

/// Reads a request's `Authorization` header for every App the sandbox serves: a bearer token is
/// looked up (the first App's current bearer token or a live token its authorization server
/// issued, or a token of the graph's Apps); an OAuth 1.0a header is handed to the
/// ``OAuth1Verifier`` of the App its consumer key names, which needs the sandbox's nonce
/// registry. It holds the sandbox's authorization server (``SandboxAuthorization``, for the
/// first App), whose tokens it accepts.
struct SandboxAuthenticator: Sendable {
    enum Classification: Sendable {
        /// A known bearer token.
        case principal(SandboxPrincipal)
        /// An OAuth 1.0a header to verify.
        case oauth1(String)
        /// No usable credentials.
        case refused(String)
    }

    /// The authorization server: its endpoints, and the tokens it issued.
    let authorization: SandboxAuthorization
    /// The Apps by key (consumer key).
    let apps: [String: SandboxApp]
    /// The Apps in the graph's order.
    let orderedApps: [SandboxApp]
    private let verifiers: [String: OAuth1Verifier]
    private let firstVerifier: OAuth1Verifier
    /// The graph's bearer tokens other than the first App's own: other Apps' App-only tokens
    /// and every App's OAuth 2.0 user tokens.
    private let bearers: [String: SandboxPrincipal]

    init(apps: [SandboxApp], tolerance: TimeInterval, accessTokenLifetime: TimeInterval = SandboxAuthorization.accessTokenLifetime) {
        let first = apps[0]
        self.authorization = SandboxAuthorization(credentials: first.credentials, tolerance: tolerance,
                                                  accessTokenLifetime: accessTokenLifetime)
        self.apps = Dictionary(apps.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        self.orderedApps = apps
        self.verifiers = Dictionary(apps.map { ($0.key, OAuth1Verifier(credentials: $0.credentials, tolerance: tolerance)) },
                                    uniquingKeysWith: { first, _ in first })
        self.firstVerifier = verifiers[first.key]!
        var bearers: [String: SandboxPrincipal] = [:]
        for app in apps {
            if app.key != first.key {
                bearers[app.credentials.bearerToken] = SandboxPrincipal(method: .appOnly, appKey: app.key)
            }
            for grant in app.credentials.oauth2Tokens where bearers[grant.accessToken] == nil {
                bearers[grant.accessToken] = SandboxPrincipal(method: .oauth2UserContext, userID: grant.userID,
                                                               scopes: grant.scopes, appKey: app.key)
            }
        }
        self.bearers = bearers
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
            if let principal = bearers[token] {
                return .principal(principal)
            }
            return .refused("the bearer token is unknown")
        case "oauth":
            return .oauth1(authorization)
        default:
            return .refused("the Authorization scheme is neither Bearer nor OAuth")
        }
    }

    /// The verifier of the App an OAuth 1.0a header's consumer key names (the first App's
    /// when the key is unknown or unreadable, which then refuses it).
    func verifier(for header: String) -> OAuth1Verifier {
        guard let parsed = try? OAuth1AuthorizationHeader(parsing: header) else { return firstVerifier }
        return verifiers[parsed.consumerKey] ?? firstVerifier
    }

    func principal(for identity: OAuth1Verifier.Identity) -> SandboxPrincipal {
        SandboxPrincipal(method: .oauth1UserContext, userID: identity.userID, appKey: identity.consumerKey)
    }

    /// The App a principal acts through.
    func app(of principal: SandboxPrincipal) -> SandboxApp? {
        apps[principal.appKey]
    }
}
