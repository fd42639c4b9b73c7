import Foundation
import XFollows
@testable import XSandbox

/// The sandbox pipeline without HTTP, on a clock the test moves, for the authorization
/// endpoints.
final class AuthorizationHarness: @unchecked Sendable {
    let graph = SandboxGraph.seeded()
    let api: SandboxAPI
    let store: SandboxStore
    private let time = TestTime()

    var now: Date { time.now }
    func advance(by seconds: TimeInterval) { time.advance(by: seconds) }

    var credentials: SandboxCredentials { graph.credentials }
    var publicClient: SandboxCredentials.OAuth2Client { credentials.publicOAuth2Client! }
    var confidentialClient: SandboxCredentials.OAuth2Client { credentials.confidentialOAuth2Client! }

    init(accessTokenLifetime: TimeInterval = 7200) {
        store = SandboxStore(follows: graph.follows, limits: .unlimited, tolerance: 300, journalCapacity: 1000)
        let time = self.time
        api = SandboxAPI(
            directory: graph.directory,
            authenticator: SandboxAuthenticator(apps: graph.apps, tolerance: 300, accessTokenLifetime: accessTokenLifetime),
            tokens: PageTokenCodec(secret: Data("authorization tests".utf8)),
            store: store, clock: SandboxClock(now: { time.now }), scheme: "http", logger: SandboxConfiguration.quietLogger)
    }

    /// Sends a request; `form` becomes the body.
    func send(
        _ method: String, _ target: String, authorization: String? = nil, form: [(String, String)] = [], rawBody: String? = nil
    ) async -> SandboxHTTPResponse {
        let parts = target.split(separator: "?", maxSplits: 1)
        let body = rawBody ?? form.map { "\(OAuth1Signature.percentEncode($0.0))=\(OAuth1Signature.percentEncode($0.1))" }.joined(separator: "&")
        return await api.respond(to: SandboxAPI.Request(
            method: method, path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : nil,
            host: "127.0.0.1:8080", authorization: authorization, body: Data(body.utf8)))
    }

    static let redirectURI = "http://127.0.0.1:3000/callback"
    static let verifier = PKCE.makeVerifier()

    /// The query of an authorization request for the public client.
    func authorizeQuery(
        client: String? = nil, scope: String = "tweet.read users.read follows.read follows.write offline.access",
        redirectURI: String = AuthorizationHarness.redirectURI, challenge: String = PKCE.challenge(for: AuthorizationHarness.verifier),
        state: String = "state-123"
    ) -> [(String, String)] {
        [("response_type", "code"), ("client_id", client ?? publicClient.clientID), ("redirect_uri", redirectURI),
         ("scope", scope), ("state", state), ("code_challenge", challenge), ("code_challenge_method", "S256")]
    }

    /// Approves (or denies) as `user` and returns the `Location` the page redirects to.
    func decide(_ query: [(String, String)], as user: String = SandboxAccounts.alice, approve: Bool = true) async -> URLComponents? {
        let response = await send("POST", SandboxAuthorizationPaths.oauth2Authorize,
                                  form: query + [("decision", approve ? "approve" : "deny"), ("user_id", user)])
        return response.header("location").flatMap(URLComponents.init(string:))
    }

    /// A code approved by alice for the public client.
    func code(scope: String = "tweet.read users.read follows.read follows.write offline.access", client: String? = nil) async -> String {
        let location = await decide(authorizeQuery(client: client, scope: scope))
        return location?.queryItems?.first { $0.name == "code" }?.value ?? ""
    }

    /// Exchanges a code as the public client.
    func exchange(_ code: String, verifier: String = AuthorizationHarness.verifier,
                  redirectURI: String = AuthorizationHarness.redirectURI) async -> SandboxHTTPResponse {
        await send("POST", SandboxAuthorizationPaths.oauth2Token, form: [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI),
            ("code_verifier", verifier), ("client_id", publicClient.clientID),
        ])
    }

    func refresh(_ token: String) async -> SandboxHTTPResponse {
        await send("POST", SandboxAuthorizationPaths.oauth2Token, form: [
            ("grant_type", "refresh_token"), ("refresh_token", token), ("client_id", publicClient.clientID)])
    }

    func followers(_ authorization: String) async -> Int {
        await send("GET", "/2/users/\(SandboxAccounts.xDevelopers)/followers?max_results=5", authorization: authorization).status
    }

    func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(OAuth1Signature.percentEncode(user)):\(OAuth1Signature.percentEncode(password))".utf8).base64EncodedString()
    }
}

extension SandboxHTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The form-encoded body as a dictionary.
    var formValues: [String: String] {
        Dictionary(OAuth1Signature.formParameters(text).map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}

extension URLComponents {
    func value(_ name: String) -> String? { queryItems?.first { $0.name == name }?.value }
}

/// A clock the test moves.
final class TestTime: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_750_000_000)
    var now: Date { lock.withLock { current } }
    func advance(by seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}
