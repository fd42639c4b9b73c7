import Foundation
import Testing
import XFollows
@testable import XSandbox

@Suite("Authorization server: OAuth 2.0")
struct OAuth2ServerTests {
    let harness = AuthorizationHarness()
    typealias Paths = SandboxAuthorizationPaths

    static var invalidCode: NSDictionary {
        ["error": "invalid_request", "error_description": "Value passed for the authorization code was invalid."]
    }

    @Test("The authorize page offers the demo users and carries the request in hidden fields")
    func consentPage() async {
        let query = harness.authorizeQuery()
        let target = Paths.oauth2Authorize + "?" + query.map { "\($0.0)=\(OAuth1Signature.percentEncode($0.1))" }.joined(separator: "&")
        let page = await harness.send("GET", target)
        #expect(page.status == 200)
        #expect(page.header("content-type") == "text/html; charset=utf-8")
        for username in ["sandbox_alice", "sandbox_bob", "sandbox_carol"] { #expect(page.text.contains("@\(username)")) }
        #expect(page.text.contains(#"<input type="hidden" name="code_challenge" value="\#(PKCE.challenge(for: AuthorizationHarness.verifier))">"#))
        #expect(page.text.contains(#"name="decision" value="approve""#) && page.text.contains(#"name="decision" value="deny""#))
        #expect(page.text.contains("follows.write"))
    }

    @Test("An unknown client or an unapproved redirect URI gets an error page, not a redirect")
    func untrustedRedirects() async {
        for query in [harness.authorizeQuery(client: "nobody"), harness.authorizeQuery(redirectURI: "https://evil.example/cb"),
                      harness.authorizeQuery(redirectURI: "http://127.0.0.1:3000/other")] {
            let response = await harness.send("POST", Paths.oauth2Authorize, form: query + [("decision", "approve")])
            #expect(response.status == 400)
            #expect(response.header("location") == nil)
        }
    }

    @Test("Other problems go back to the App as error=… with the state")
    func redirectedErrors() async {
        let badScope = await harness.decide(harness.authorizeQuery(scope: "tweet.read dm.write"))
        #expect(badScope?.value("error") == "invalid_scope" && badScope?.value("state") == "state-123")
        let noChallenge = await harness.decide(harness.authorizeQuery().filter { $0.0 != "code_challenge" })
        #expect(noChallenge?.value("error") == "invalid_request")
        #expect(noChallenge?.value("error_description") == "Missing required parameter [code_challenge].")
        let denied = await harness.decide(harness.authorizeQuery(), approve: false)
        #expect(denied?.value("error") == "access_denied" && denied?.value("state") == "state-123" && denied?.value("code") == nil)
        #expect(denied?.host == "127.0.0.1" && denied?.port == 3000 && denied?.path == "/callback")
    }

    @Test("A code exchanged with its verifier gives X's token answer; the token works with exactly its scopes")
    func exchange() async {
        let code = await harness.code(scope: "tweet.read users.read follows.read offline.access")
        let answer = await harness.exchange(code)
        #expect(answer.status == 200)
        #expect(answer.header("content-type") == "application/json; charset=utf-8")
        #expect(answer.object["token_type"] as? String == "bearer" && answer.object["expires_in"] as? Int == 7200)
        #expect(answer.object["scope"] as? String == "follows.read offline.access tweet.read users.read")
        let access = try! #require(answer.object["access_token"] as? String)
        #expect(answer.object["refresh_token"] is String)
        #expect(await harness.followers("Bearer \(access)") == 200)
        let follow = await harness.send("POST", "/2/users/\(SandboxAccounts.alice)/following", authorization: "Bearer \(access)")
        #expect(follow.status == 403)   // no follows.write
        let records = await harness.store.requests()
        #expect(records.map(\.operationID) == ["oauth2Authorize", "oauth2Token", "usersIdFollowers", "usersIdFollow"])
        #expect(records[2].authentication == .oauth2UserContext && records[2].userID == SandboxAccounts.alice)
    }

    @Test("Without offline.access there is no refresh token")
    func noOfflineAccess() async {
        let answer = await harness.exchange(await harness.code(scope: "tweet.read users.read"))
        #expect(answer.status == 200 && answer.object["refresh_token"] == nil)
    }

    @Test("A wrong verifier, another redirect URI, a reused or an expired code each give X's error")
    func refusedExchanges() async {
        let wrongVerifier = await harness.exchange(await harness.code(), verifier: PKCE.makeVerifier())
        #expect(wrongVerifier.status == 400 && (wrongVerifier.object as NSDictionary) == Self.invalidCode)

        let redirect = await harness.exchange(await harness.code(), redirectURI: "http://127.0.0.1:3001/callback")
        #expect(redirect.status == 400)
        #expect(redirect.object["error_description"] as? String
            == "Value passed for the redirect uri did not match the uri of the authorization code.")

        let code = await harness.code()
        let first = await harness.exchange(code)
        let access = first.object["access_token"] as? String ?? ""
        #expect(await harness.followers("Bearer \(access)") == 200)
        let reused = await harness.exchange(code)
        #expect(reused.status == 400 && (reused.object as NSDictionary) == Self.invalidCode)
        // RFC 6749, 4.1.2: a code used twice revokes what it granted.
        #expect(await harness.followers("Bearer \(access)") == 401)

        let late = await harness.code()
        harness.advance(by: 31)
        #expect((await harness.exchange(late).object as NSDictionary) == Self.invalidCode)

        let missing = await harness.send("POST", Paths.oauth2Token, form: [
            ("grant_type", "authorization_code"), ("code", "x"), ("redirect_uri", AuthorizationHarness.redirectURI),
            ("client_id", harness.publicClient.clientID)])
        #expect(missing.object["error_description"] as? String == "Missing required parameter [code_verifier].")
    }

    @Test("A confidential client must authenticate with its secret: otherwise X's 401 unauthorized_client")
    func confidentialClient() async {
        let client = harness.confidentialClient
        let code = await harness.code(client: client.clientID)
        let form = [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", AuthorizationHarness.redirectURI),
                    ("code_verifier", AuthorizationHarness.verifier)]
        let expected: NSDictionary = ["error": "unauthorized_client", "error_description": "Missing valid authorization header"]
        for authorization in [nil, harness.basic(client.clientID, "wrong-secret"), harness.basic(harness.publicClient.clientID, "x")] {
            let refused = await harness.send("POST", Paths.oauth2Token, authorization: authorization,
                                             form: form + (authorization == nil ? [("client_id", client.clientID)] : []))
            #expect(refused.status == 401 && (refused.object as NSDictionary) == expected)
        }
        // The failed attempts did not reach the code: the right secret still redeems it.
        let accepted = await harness.send("POST", Paths.oauth2Token, authorization: harness.basic(client.clientID, client.clientSecret!), form: form)
        #expect(accepted.status == 200)
    }

    @Test("Access tokens expire after two hours on the sandbox's clock")
    func expiry() async {
        let access = await harness.exchange(await harness.code()).object["access_token"] as? String ?? ""
        harness.advance(by: 7199)
        #expect(await harness.followers("Bearer \(access)") == 200)
        harness.advance(by: 1)
        #expect(await harness.followers("Bearer \(access)") == 401)
    }

    @Test("Refreshing rotates the refresh token: the old one dies, the new pair works")
    func rotation() async {
        let first = await harness.exchange(await harness.code())
        let refresh = first.object["refresh_token"] as? String ?? ""
        let second = await harness.refresh(refresh)
        #expect(second.status == 200)
        let newRefresh = second.object["refresh_token"] as? String ?? ""
        #expect(newRefresh != refresh && !newRefresh.isEmpty)
        #expect(await harness.followers("Bearer \(second.object["access_token"] as? String ?? "")") == 200)
        let replay = await harness.refresh(refresh)
        #expect(replay.status == 400)
        #expect((replay.object as NSDictionary) == ["error": "invalid_request", "error_description": "Value passed for the token was invalid."])
        #expect(await harness.refresh(newRefresh).status == 200)
    }

    @Test("A shorter access-token lifetime (x-sandbox --token-lifetime) is what both grants say and what the API enforces")
    func configuredLifetime() async {
        let harness = AuthorizationHarness(accessTokenLifetime: 61)
        let first = await harness.exchange(await harness.code())
        #expect(first.object["expires_in"] as? Int == 61)
        let second = await harness.refresh(first.object["refresh_token"] as? String ?? "")
        #expect(second.object["expires_in"] as? Int == 61)
        let access = second.object["access_token"] as? String ?? ""
        harness.advance(by: 60)
        #expect(await harness.followers("Bearer \(access)") == 200)
        harness.advance(by: 1)
        #expect(await harness.followers("Bearer \(access)") == 401)
    }

    @Test("Revoking either token ends the grant; unknown tokens are revoked without complaint (RFC 7009)")
    func revocation() async {
        let answer = await harness.exchange(await harness.code())
        let access = answer.object["access_token"] as? String ?? ""
        let refresh = answer.object["refresh_token"] as? String ?? ""
        let revoked = await harness.send("POST", Paths.oauth2Revoke, form: [
            ("token", access), ("token_type_hint", "access_token"), ("client_id", harness.publicClient.clientID)])
        #expect(revoked.status == 200 && revoked.object["revoked"] as? Bool == true)
        #expect(await harness.followers("Bearer \(access)") == 401)
        #expect(await harness.refresh(refresh).status == 400)
        let unknown = await harness.send("POST", Paths.oauth2Revoke, form: [("token", "nope"), ("client_id", harness.publicClient.clientID)])
        #expect(unknown.status == 200)
    }

    @Test("The token endpoints refuse other methods")
    func methods() async {
        let response = await harness.send("GET", Paths.oauth2Token)
        #expect(response.status == 405 && response.header("allow") == "POST")
    }
}
