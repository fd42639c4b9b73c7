import Foundation
import XFollows

/// The sandbox's authorization server: X's OAuth 2.0 (Authorization Code with PKCE), OAuth
/// 1.0a three-legged and App-only token endpoints, with X's lifetimes and error shapes, and
/// the pages a test or a person approves on. The tokens it issues authenticate API requests
/// through ``SandboxAuthenticator``.
///
/// | Endpoint | Serves |
/// | --- | --- |
/// | `GET`/`POST /i/oauth2/authorize` | the consent page; approving redirects with a code (30 s, single use) |
/// | `POST /2/oauth2/token` | `authorization_code` (PKCE S256 or plain) and `refresh_token` (rotated) grants |
/// | `POST /2/oauth2/revoke` | revocation of an access or refresh token and its whole grant |
/// | `POST /oauth/request_token` | OAuth 1.0a temporary credentials, callback URL or `oob` |
/// | `GET`/`POST /oauth/authorize`, `/oauth/authenticate` | the consent page; a redirect with `oauth_verifier`, or a PIN |
/// | `POST /oauth/access_token` | the user's OAuth 1.0a access token, `user_id` and `screen_name` |
/// | `POST /oauth2/token` | the App-only bearer token (`client_credentials`) |
/// | `POST /oauth2/invalidate_token` | invalidation of the App-only bearer token |
struct SandboxAuthorization: Sendable {
    /// How long an authorization code lives (X: 30 seconds).
    static let codeLifetime: TimeInterval = 30
    /// How long an OAuth 2.0 access token lives by default (X: two hours).
    static let accessTokenLifetime: TimeInterval = 7200
    /// How long an OAuth 1.0a request token may wait for the user.
    static let requestTokenLifetime: TimeInterval = 900

    /// What an authorization endpoint answered, with what the journal records of it.
    struct Answer: Sendable {
        var response: SandboxHTTPResponse
        var operationID: String
    }

    let credentials: SandboxCredentials
    let state: SandboxAuthorizationState
    /// How long the access tokens it issues live (``SandboxConfiguration/accessTokenLifetime``).
    let accessLifetime: TimeInterval
    /// Checks the signatures of the OAuth 1.0a token requests.
    let verifier: OAuth1Verifier

    init(credentials: SandboxCredentials, tolerance: TimeInterval, accessTokenLifetime: TimeInterval = Self.accessTokenLifetime) {
        self.credentials = credentials
        self.accessLifetime = accessTokenLifetime
        self.state = SandboxAuthorizationState(appBearerToken: credentials.bearerToken, tolerance: tolerance)
        self.verifier = OAuth1Verifier(credentials: credentials, tolerance: tolerance)
    }

    /// Answers a request to one of the authorization endpoints; `nil` for any other path.
    func respond(
        to received: SandboxAPI.Request, scheme: String, directory: SandboxDirectory, at now: Date
    ) async -> Answer? {
        let request = AuthorizationRequest(received, scheme: scheme)
        typealias Paths = SandboxAuthorizationPaths
        let handler: (String, [String], () async -> SandboxHTTPResponse)
        switch request.path {
        case Paths.oauth2Authorize:
            handler = ("oauth2Authorize", ["GET", "POST"], { await oauth2Consent(request, directory: directory, at: now) })
        case Paths.oauth2Token:
            handler = ("oauth2Token", ["POST"], { await oauth2Token(request, at: now) })
        case Paths.oauth2Revoke:
            handler = ("oauth2Revoke", ["POST"], { await oauth2Revoke(request) })
        case Paths.oauth1RequestToken:
            handler = ("oauth1RequestToken", ["POST"], { await oauth1RequestToken(request, at: now) })
        case Paths.oauth1Authorize, Paths.oauth1Authenticate:
            handler = ("oauth1Authorize", ["GET", "POST"], { await oauth1Consent(request, directory: directory, at: now) })
        case Paths.oauth1AccessToken:
            handler = ("oauth1AccessToken", ["POST"], { await oauth1AccessToken(request, directory: directory, at: now) })
        case Paths.appOnlyToken:
            handler = ("appOnlyToken", ["POST"], { await appOnlyToken(request) })
        case Paths.appOnlyInvalidate:
            handler = ("appOnlyInvalidateToken", ["POST"], { await appOnlyInvalidate(request, at: now) })
        default:
            return nil
        }
        let (operationID, methods, run) = handler
        guard methods.contains(request.method) else {
            var response = SandboxHTTPResponse.problem(
                SandboxProblems.methodNotAllowed(request.method, path: request.path), status: 405)
            response.headers.append(("allow", methods.joined(separator: ", ")))
            return Answer(response: response, operationID: operationID)
        }
        return Answer(response: await run(), operationID: operationID)
    }

    /// The principal of an OAuth 2.0 bearer token: the App's bearer token (App-only) or a
    /// live access token this server issued; `nil` otherwise.
    func principal(forBearer token: String, at now: Date) async -> SandboxPrincipal? {
        if let current = await state.appBearerToken, ConstantTime.equals(current, token) {
            return SandboxPrincipal(method: .appOnly, appKey: credentials.consumerKey)
        }
        guard let grant = await state.principal(forAccessToken: token, at: now) else { return nil }
        return SandboxPrincipal(method: .oauth2UserContext, userID: grant.userID, scopes: grant.scopes,
                                appKey: credentials.consumerKey)
    }

    // MARK: Shared rules

    /// The users a consent page offers: those the App holds OAuth 1.0a tokens for (the demo
    /// users of the seeded graph).
    func accounts(in directory: SandboxDirectory) -> [AuthorizationPage.Account] {
        credentials.accessTokens.compactMap { token in
            guard let id = UInt64(token.userID), let user = directory.user(withID: id) else { return nil }
            return AuthorizationPage.Account(id: token.userID, username: user.username)
        }
    }

    /// Whether a callback (redirect) URL is approved for the App: listed exactly, or a listed
    /// loopback URL without a port on any port (RFC 8252, 7.3).
    func isApprovedCallback(_ candidate: String) -> Bool {
        if credentials.callbackURLs.contains(candidate) { return true }
        guard var components = URLComponents(string: candidate), components.port != nil,
              components.scheme == "http", ["127.0.0.1", "[::1]", "::1", "localhost"].contains(components.host ?? "")
        else { return false }
        components.port = nil
        guard let portless = components.string else { return false }
        return credentials.callbackURLs.contains(portless)
    }

    /// `base` with `parameters` added to its query.
    static func url(_ base: String, adding parameters: [(name: String, value: String)]) -> String {
        guard let url = URL(string: base) else { return base }
        return FormEncoding.url(url, appending: parameters).absoluteString
    }
}
