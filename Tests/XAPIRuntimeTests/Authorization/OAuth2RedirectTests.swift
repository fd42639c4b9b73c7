import Foundation
import Testing
@testable import XAPIRuntime

@Suite("OAuth 2.0: authorize URL and redirect")
struct OAuth2RedirectTests {
    let scopes: Set<OAuth2Scope> = ["tweet.read", "users.read", "follows.write", "offline.access"]

    @Test("The authorize URL carries every parameter, with an S256 challenge of the kept verifier")
    func authorizeURL() throws {
        let transport = ScriptedTransport([])
        let clock = VirtualClock()
        let pending = publicAuthorizer(transport, clock: clock).startAuthorization(scopes: scopes)
        let url = pending.authorizationURL
        #expect(url.absoluteString.hasPrefix("https://x.com/i/oauth2/authorize?"))
        let query = Dictionary(OAuth1Signature.queryParameters(of: url).map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        #expect(query == [
            "response_type": "code",
            "client_id": AuthSecrets.clientID,
            "redirect_uri": "https://example.com/callback",
            "scope": "follows.write offline.access tweet.read users.read",
            "state": pending.state,
            "code_challenge": PKCE.challenge(for: pending.codeVerifier),
            "code_challenge_method": "S256",
        ])
        #expect(url.absoluteString.contains("scope=follows.write%20offline.access%20tweet.read%20users.read"))
        #expect(url.absoluteString.contains("redirect_uri=https%3A%2F%2Fexample.com%2Fcallback"))
        #expect(!url.absoluteString.contains(pending.codeVerifier))
        #expect(PKCE.isValidVerifier(pending.codeVerifier) && pending.codeVerifier.count == 64)
        #expect(PKCE.isValidVerifier(pending.state))
        #expect(pending.createdAt == clock.now)   // whole seconds on this clock
        #expect(transport.requests.isEmpty)

        let another = publicAuthorizer(transport).startAuthorization(scopes: scopes)
        #expect(another.state != pending.state && another.codeVerifier != pending.codeVerifier)
    }

    @Test("The pending authorization survives storage: encoded, decoded, it finishes the flow")
    func pendingIsStorable() async throws {
        let transport = ScriptedTransport([tokenAnswer()])
        let pending = publicAuthorizer(transport).startAuthorization(scopes: scopes)
        let stored = try JSONEncoder().encode(pending)
        let restored = try JSONDecoder().decode(OAuth2PendingAuthorization.self, from: stored)
        #expect(restored == pending)
        // Another process: a new authorizer, the restored value.
        let token = try await publicAuthorizer(transport).finishAuthorization(
            redirect: redirect([("state", restored.state), ("code", AuthSecrets.code)]), pending: restored)
        #expect(token.accessToken == AuthSecrets.accessToken)
        #expect(transport.requests.first?.form["code_verifier"] == pending.codeVerifier)
    }

    @Test("Forged redirects are refused before anything is sent", arguments: [
        ("no state", [("code", "c")]),
        ("an empty state", [("state", ""), ("code", "c")]),
        ("another state", [("state", "not-the-one"), ("code", "c")]),
        ("the state twice", [("state", "STATE"), ("state", "STATE"), ("code", "c")]),
        ("the state in another case", [("state", "state-upper"), ("code", "c")]),
        ("the state with a suffix", [("state", "STATE-x"), ("code", "c")]),
        ("an error without state", [("error", "access_denied")]),
    ])
    func forgedRedirects(label: String, items: [(String, String)]) async throws {
        let transport = ScriptedTransport([tokenAnswer()])
        let authorizer = publicAuthorizer(transport)
        let pending = authorizer.startAuthorization(scopes: scopes)
        let items = items.map { name, value in
            (name, value.replacingOccurrences(of: "STATE", with: pending.state)
                .replacingOccurrences(of: "state-upper", with: pending.state.uppercased() == pending.state
                    ? pending.state.lowercased() : pending.state.uppercased()))
        }
        let error = await #expect(throws: XAPIError.self, "\(label)") {
            try await authorizer.finishAuthorization(redirect: redirect(items), pending: pending)
        }
        #expect(error?.code == .authorizationStateMismatch, "\(label)")
        #expect(error?.parameter == "state")
        #expect(transport.requests.isEmpty, "\(label)")
    }

    @Test("access_denied and the other RFC 6749 errors are typed, with what the server said", arguments: [
        "access_denied", "invalid_request", "unauthorized_client", "unsupported_response_type", "invalid_scope",
        "server_error", "temporarily_unavailable",
    ])
    func redirectErrors(code: String) async throws {
        let transport = ScriptedTransport([])
        let authorizer = publicAuthorizer(transport)
        let pending = authorizer.startAuthorization(scopes: scopes)
        let error = await #expect(throws: XAPIError.self) {
            try await authorizer.finishAuthorization(
                redirect: redirect([("error", code), ("error_description", "Told you so."), ("state", pending.state)]),
                pending: pending)
        }
        #expect(error?.code == .authorizationDenied)
        #expect(error?.oauthError == OAuthErrorResponse(error: code, errorDescription: "Told you so."))
        #expect(error?.description.contains(code) == true)
        #expect(transport.requests.isEmpty)
    }

    @Test("A redirect without a code, with two codes, or for another client is refused")
    func malformedRedirects() async throws {
        let transport = ScriptedTransport([])
        let authorizer = publicAuthorizer(transport)
        let pending = authorizer.startAuthorization(scopes: scopes)
        for items in [[("state", pending.state)], [("state", pending.state), ("code", "a"), ("code", "b")],
                      [("state", pending.state), ("code", "")]] {
            let error = await #expect(throws: XAPIError.self) {
                try await authorizer.finishAuthorization(redirect: redirect(items), pending: pending)
            }
            #expect(error?.code == .invalidArgument && error?.parameter == "code")
        }
        var other = authorizer
        other.clientID = "another-client"
        let error = await #expect(throws: XAPIError.self) {
            try await other.finishAuthorization(redirect: redirect([("state", pending.state), ("code", "c")]), pending: pending)
        }
        #expect(error?.code == .invalidArgument)
        #expect(transport.requests.isEmpty)
    }

    @Test("Endpoints relocate to another server keeping their paths")
    func relocation() {
        let local = TestEndpoints.oauth2.relocated(to: URL(string: "http://127.0.0.1:8080")!)
        #expect(local.authorizationURL.absoluteString == "http://127.0.0.1:8080/i/oauth2/authorize")
        #expect(local.tokenURL.absoluteString == "http://127.0.0.1:8080/2/oauth2/token")
        #expect(local.refreshURL.absoluteString == "http://127.0.0.1:8080/2/oauth2/token")
        #expect(local.revocationURL?.absoluteString == "http://127.0.0.1:8080/2/oauth2/revoke")
        let prefixed = TestEndpoints.appOnly.relocated(to: URL(string: "https://proxy.example/x/")!)
        #expect(prefixed.tokenURL.absoluteString == "https://proxy.example/x/oauth2/token")
        let oauth1 = TestEndpoints.oauth1.relocated(to: URL(string: "http://[::1]:9")!)
        #expect(oauth1.accessTokenURL.absoluteString == "http://[::1]:9/oauth/access_token")
    }

    @Test("Scopes read and write as X's space-separated parameter and as JSON strings")
    func scopeParameters() throws {
        #expect(OAuth2Scope.parse("tweet.read  users.read") == ["tweet.read", "users.read"])
        #expect(OAuth2Scope.parameter(for: ["users.read", "tweet.read"]) == "tweet.read users.read")
        #expect(String(decoding: try JSONEncoder().encode(OAuth2Scope(rawValue: "offline.access")), as: UTF8.self) == #""offline.access""#)
        #expect(try JSONDecoder().decode(OAuth2Scope.self, from: Data(#""follows.write""#.utf8)) == "follows.write")
    }
}
