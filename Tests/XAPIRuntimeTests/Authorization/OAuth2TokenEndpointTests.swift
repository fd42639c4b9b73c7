import Foundation
import HTTPTypes
import Testing
@testable import XAPIRuntime

@Suite("OAuth 2.0: token endpoint")
struct OAuth2TokenEndpointTests {
    let scopes: Set<OAuth2Scope> = ["tweet.read", "users.read", "follows.read", "follows.write", "offline.access"]

    @Test("A public client exchanges the code with client_id in the form and no Authorization header")
    func publicExchange() async throws {
        let transport = ScriptedTransport([tokenAnswer()])
        let clock = VirtualClock()
        let authorizer = publicAuthorizer(transport, clock: clock)
        let pending = authorizer.startAuthorization(scopes: scopes)
        let token = try await authorizer.finishAuthorization(
            redirect: redirect([("state", pending.state), ("code", AuthSecrets.code)]), pending: pending)
        let sent = try #require(transport.requests.first)
        #expect(sent.request.method == .post)
        #expect(sent.url.absoluteString == "https://api.x.com/2/oauth2/token")
        #expect(sent.request.headerFields[.contentType] == "application/x-www-form-urlencoded")
        #expect(sent.authorization == nil)
        #expect(sent.operationID == "oauth2Token")
        #expect(sent.form == [
            "grant_type": "authorization_code", "code": AuthSecrets.code, "redirect_uri": "https://example.com/callback",
            "code_verifier": pending.codeVerifier, "client_id": AuthSecrets.clientID,
        ])
        #expect(token.accessToken == AuthSecrets.accessToken)
        #expect(token.refreshToken == AuthSecrets.refreshToken)
        #expect(token.scopes == scopes)
        #expect(token.userID == nil)
        #expect(token.expiresAt == clock.now.addingTimeInterval(7200))
    }

    @Test("A confidential client authenticates with HTTP Basic, the ID and secret form-encoded first (RFC 6749, 2.3.1)")
    func confidentialExchange() async throws {
        let transport = ScriptedTransport([tokenAnswer(), tokenAnswer()])
        let authorizer = confidentialAuthorizer(transport)
        let pending = authorizer.startAuthorization(scopes: scopes)
        _ = try await authorizer.exchange(code: AuthSecrets.code, pending: pending)
        let sent = try #require(transport.requests.first)
        #expect(sent.authorization == "Basic " + Data("\(AuthSecrets.clientID):\(AuthSecrets.clientSecret)".utf8).base64EncodedString())
        #expect(sent.form["client_id"] == nil)

        // RFC 6749's own example, and a secret that needs encoding (":" would split it).
        #expect(FormEncoding.basicAuthorization(user: "s6BhdRkqt3", password: "7Fjfp0ZBr1KtDRbnfVdmIw")
            == "Basic czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3")
        var odd = authorizer
        odd.clientID = "id:with space"
        odd.clientSecret = "s3cr:t+%/é"
        _ = try await odd.exchange(code: AuthSecrets.code, pending: odd.startAuthorization(scopes: scopes))
        #expect(transport.requests[1].authorization
            == "Basic " + Data("id%3Awith%20space:s3cr%3At%2B%25%2F%C3%A9".utf8).base64EncodedString())
    }

    @Test("The expiry is absolute: computed once at receipt, kept through storage, never recomputed")
    func expiryIsAbsolute() async throws {
        let transport = ScriptedTransport([tokenAnswer(expiresIn: 7200)])
        let clock = VirtualClock(now: Date(timeIntervalSince1970: 1_700_000_000.75))
        let authorizer = publicAuthorizer(transport, clock: clock)
        let token = try await authorizer.exchange(code: AuthSecrets.code, pending: authorizer.startAuthorization(scopes: scopes))
        let receivedAt = Date(timeIntervalSince1970: 1_700_000_000)   // to the whole second before
        #expect(token.expiresAt == receivedAt.addingTimeInterval(7200))
        let stored = try JSONEncoder().encode(token)
        #expect(String(decoding: stored, as: UTF8.self).contains(#""expires_at":""#))
        #expect(!String(decoding: stored, as: UTF8.self).contains("expires_in"))
        clock.advance(by: 3 * 3600)
        let restored = try JSONDecoder().decode(OAuth2UserToken.self, from: stored)
        #expect(restored == token)
        #expect(restored.expiresAt == receivedAt.addingTimeInterval(7200))
        #expect(restored.expires(at: clock.now))
        #expect(!restored.expires(at: receivedAt.addingTimeInterval(7000)))
        #expect(restored.expires(within: .seconds(300), at: receivedAt.addingTimeInterval(7000)))
    }

    @Test("A token answer without scope grants the scopes asked for; one without expires_in has no expiry")
    func sparseAnswer() async throws {
        let transport = ScriptedTransport([.json(#"{"token_type":"bearer","access_token":"abcdefgh"}"#)])
        let authorizer = publicAuthorizer(transport)
        let token = try await authorizer.exchange(code: "c", pending: authorizer.startAuthorization(scopes: ["users.read"]))
        #expect(token.scopes == ["users.read"] && token.expiresAt == nil && token.refreshToken == nil)
        #expect(!token.expires(within: .seconds(3600), at: .distantFuture))
    }

    @Test("X's refusals keep their error and description; a non-bearer token is refused")
    func refusals() async throws {
        let transport = ScriptedTransport([
            .json(#"{"error":"invalid_request","error_description":"Value passed for the authorization code was invalid."}"#, status: 400),
            .json(#"{"error":"unauthorized_client","error_description":"Missing valid authorization header"}"#, status: 401),
            .json(#"{"token_type":"mac","access_token":"abcdefgh"}"#),
        ])
        let authorizer = publicAuthorizer(transport)
        let pending = authorizer.startAuthorization(scopes: scopes)
        let invalid = await #expect(throws: XAPIError.self) { try await authorizer.exchange(code: "spent", pending: pending) }
        #expect(invalid?.code == .http && invalid?.status == 400)
        #expect(invalid?.oauthError == OAuthErrorResponse(
            error: "invalid_request", errorDescription: "Value passed for the authorization code was invalid."))
        #expect(invalid?.description.contains("Value passed for the authorization code was invalid.") == true)
        let client = await #expect(throws: XAPIError.self) { try await authorizer.exchange(code: "c", pending: pending) }
        #expect(client?.status == 401 && client?.oauthError?.error == "unauthorized_client")
        let mac = await #expect(throws: XAPIError.self) { try await authorizer.exchange(code: "c", pending: pending) }
        #expect(mac?.code == .malformedResponse)
    }

    @Test("Refreshing sends the refresh token and keeps the user; a refused or missing refresh token asks for authorization again")
    func refresh() async throws {
        let transport = ScriptedTransport([
            tokenAnswer(access: AuthSecrets.newAccessToken, refresh: AuthSecrets.newRefreshToken),
            .json(#"{"error":"invalid_request","error_description":"Value passed for the token was invalid."}"#, status: 400),
            .json(#"{"error":"invalid_grant","error_description":"Revoked."}"#, status: 400),
            .json(#"{"error":"unauthorized_client","error_description":"Missing valid authorization header"}"#, status: 401),
        ])
        let clock = VirtualClock()
        let authorizer = confidentialAuthorizer(transport, clock: clock)
        let old = OAuth2UserToken(accessToken: AuthSecrets.accessToken, userID: "6253282", scopes: scopes,
                                  refreshToken: AuthSecrets.refreshToken, expiresAt: clock.now)
        let new = try await authorizer.refresh(old)
        #expect(transport.requests[0].form == ["grant_type": "refresh_token", "refresh_token": AuthSecrets.refreshToken])
        #expect(transport.requests[0].authorization?.hasPrefix("Basic ") == true)
        #expect(new.accessToken == AuthSecrets.newAccessToken && new.refreshToken == AuthSecrets.newRefreshToken)
        #expect(new.userID == "6253282" && new.expiresAt == clock.now.addingTimeInterval(7200))

        for expected in ["invalid_request", "invalid_grant"] {
            let error = await #expect(throws: XAPIError.self) { try await authorizer.refresh(old) }
            #expect(error?.code == .reauthorizationRequired && error?.oauthError?.error == expected)
        }
        let client = await #expect(throws: XAPIError.self) { try await authorizer.refresh(old) }
        #expect(client?.code == .http)

        let before = transport.requests.count
        let none = await #expect(throws: XAPIError.self) {
            try await authorizer.refresh(OAuth2UserToken(accessToken: AuthSecrets.accessToken))
        }
        #expect(none?.code == .reauthorizationRequired)
        #expect(transport.requests.count == before)
    }

    @Test("Revocation posts the token and its hint (RFC 7009) through the transport")
    func revoke() async throws {
        let transport = ScriptedTransport([.json(#"{"revoked":true}"#), .json(#"{"error":"invalid_request"}"#, status: 400)])
        let authorizer = publicAuthorizer(transport)
        try await authorizer.revoke(AuthSecrets.refreshToken, hint: .refreshToken)
        #expect(transport.requests[0].url.absoluteString == "https://api.x.com/2/oauth2/revoke")
        #expect(transport.requests[0].operationID == "oauth2Revoke")
        #expect(transport.requests[0].form == ["token": AuthSecrets.refreshToken, "token_type_hint": "refresh_token",
                                               "client_id": AuthSecrets.clientID])
        let error = await #expect(throws: XAPIError.self) { try await authorizer.revoke("x", hint: .accessToken) }
        #expect(error?.code == .http)
        var none = authorizer
        none.endpoints.revocationURL = nil
        let missing = await #expect(throws: XAPIError.self) { try await none.revoke("x", hint: .accessToken) }
        #expect(missing?.code == .invalidArgument)
    }

    @Test("Token requests pass through the caller's middlewares and a lost answer is a transport error, not retried")
    func transportAndMiddlewares() async throws {
        let log = EventLog()
        let transport = ScriptedTransport([nil])
        var configuration = authConfiguration(transport)
        configuration.middlewares = [RecordingMiddleware(name: "outer", log: log)]
        configuration.retryPolicy = .standard
        let authorizer = OAuth2Authorizer(clientID: AuthSecrets.clientID, redirectURI: URL(string: "https://example.com/cb")!,
                                          endpoints: TestEndpoints.oauth2, configuration: configuration)
        let error = await #expect(throws: XAPIError.self) {
            try await authorizer.refresh(OAuth2UserToken(accessToken: "a", refreshToken: AuthSecrets.refreshToken))
        }
        #expect(error?.code == .transport)
        #expect(transport.requests.count == 1)
        #expect(log.events == ["outer→ authorization:none"])
    }
}
