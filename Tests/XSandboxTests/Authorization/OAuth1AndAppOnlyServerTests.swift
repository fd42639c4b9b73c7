import Foundation
import Testing
import XFollows
@testable import XSandbox

@Suite("Authorization server: OAuth 1.0a and App-only")
struct OAuth1AndAppOnlyServerTests {
    let harness = AuthorizationHarness()
    typealias Paths = SandboxAuthorizationPaths

    /// A signed token request, as the runtime's ``OAuth1Authorizer`` signs it.
    func signed(_ path: String, token: String? = nil, tokenSecret: String? = nil, parameters: [String: String],
                consumerSecret: String? = nil, nonce: String = UUID().uuidString) async -> SandboxHTTPResponse {
        let header = OAuth1AuthorizationHeader.signed(
            method: "POST", url: URL(string: "http://127.0.0.1:8080\(path)")!, consumerKey: harness.credentials.consumerKey,
            consumerSecret: consumerSecret ?? harness.credentials.consumerSecret, token: token, tokenSecret: tokenSecret,
            additionalProtocolParameters: parameters, signing: SigningContext(timestamp: harness.now, nonce: nonce))
        return await harness.send("POST", path, authorization: header.headerValue)
    }

    func requestToken(callback: String) async -> (token: String, secret: String) {
        let answer = await signed(Paths.oauth1RequestToken, parameters: ["oauth_callback": callback]).formValues
        return (answer["oauth_token"] ?? "", answer["oauth_token_secret"] ?? "")
    }

    @Test("Request token: X's answer for an approved callback or oob; code 415 for another callback; code 32 for a bad signature")
    func requestTokens() async {
        let approved = await signed(Paths.oauth1RequestToken, parameters: ["oauth_callback": "http://127.0.0.1:4567/callback"])
        #expect(approved.status == 200)
        #expect(approved.formValues["oauth_callback_confirmed"] == "true")
        #expect(approved.formValues["oauth_token"]?.count == 27 && approved.formValues["oauth_token_secret"]?.count == 32)
        #expect(await signed(Paths.oauth1RequestToken, parameters: ["oauth_callback": "oob"]).status == 200)

        let unapproved = await signed(Paths.oauth1RequestToken, parameters: ["oauth_callback": "https://evil.example/cb"])
        #expect(unapproved.status == 403)
        #expect(((unapproved.object["errors"] as? [[String: Any]])?.first?["code"] as? Int) == 415)

        let forged = await signed(Paths.oauth1RequestToken, parameters: ["oauth_callback": "oob"], consumerSecret: "not-the-secret")
        #expect(forged.status == 401)
        #expect((forged.object as NSDictionary) == ["errors": [["code": 32, "message": "Could not authenticate you."]]])

        let replayed = await signed(Paths.oauth1RequestToken, parameters: ["oauth_callback": "oob"], nonce: "same")
        let again = await signed(Paths.oauth1RequestToken, parameters: ["oauth_callback": "oob"], nonce: "same")
        #expect(replayed.status == 200 && again.status == 401)
    }

    @Test("With a callback: approving redirects with the verifier; the access token is the user's, once")
    func callbackFlow() async {
        let (token, secret) = await requestToken(callback: "http://127.0.0.1:4567/callback")
        let page = await harness.send("GET", Paths.oauth1Authorize + "?oauth_token=\(token)")
        #expect(page.status == 200 && page.text.contains(#"name="oauth_token" value="\#(token)""#))
        let decision = await harness.send("POST", Paths.oauth1Authorize, form: [
            ("oauth_token", token), ("user_id", SandboxAccounts.bob), ("decision", "approve")])
        #expect(decision.status == 302)
        let location = URLComponents(string: decision.header("location") ?? "")
        #expect(location?.path == "/callback" && location?.port == 4567 && location?.value("oauth_token") == token)
        let verifier = location?.value("oauth_verifier") ?? ""

        let wrong = await signed(Paths.oauth1AccessToken, token: token, tokenSecret: secret, parameters: ["oauth_verifier": "nope"])
        #expect(wrong.status == 401 && wrong.text == "Error processing your OAuth request: Invalid oauth_verifier parameter")
        let granted = await signed(Paths.oauth1AccessToken, token: token, tokenSecret: secret, parameters: ["oauth_verifier": verifier])
        let bob = harness.credentials.accessTokens.first { $0.userID == SandboxAccounts.bob }!
        #expect(granted.formValues == ["oauth_token": bob.accessToken, "oauth_token_secret": bob.accessTokenSecret,
                                       "user_id": SandboxAccounts.bob, "screen_name": "sandbox_bob"])
        let again = await signed(Paths.oauth1AccessToken, token: token, tokenSecret: secret, parameters: ["oauth_verifier": verifier])
        #expect(again.status == 401 && ((again.object["errors"] as? [[String: Any]])?.first?["code"] as? Int) == 89)
    }

    @Test("Out of band: approving shows a 7-digit PIN; denying redirects with denied= for a callback")
    func pinAndDenial() async {
        let (token, secret) = await requestToken(callback: "oob")
        let decision = await harness.send("POST", Paths.oauth1Authorize, form: [
            ("oauth_token", token), ("user_id", SandboxAccounts.carol), ("decision", "approve")])
        #expect(decision.status == 200)
        let pin = decision.text.components(separatedBy: #"<code id="oauth_pin">"#).last?.prefix(7) ?? ""
        #expect(pin.count == 7 && pin.allSatisfy(\.isNumber))
        let granted = await signed(Paths.oauth1AccessToken, token: token, tokenSecret: secret, parameters: ["oauth_verifier": String(pin)])
        #expect(granted.formValues["user_id"] == SandboxAccounts.carol && granted.formValues["screen_name"] == "sandbox_carol")

        let (denied, _) = await requestToken(callback: "http://127.0.0.1:4567/callback")
        let refusal = await harness.send("POST", Paths.oauth1Authorize, form: [("oauth_token", denied), ("decision", "deny")])
        #expect(URLComponents(string: refusal.header("location") ?? "")?.value("denied") == denied)
        #expect(await harness.send("GET", Paths.oauth1Authorize + "?oauth_token=\(denied)").status == 400)
    }

    @Test("App-only: the key and secret get the App's bearer token; invalidating it ends it and the next one is new")
    func appOnly() async {
        let key = harness.credentials.consumerKey
        let secret = harness.credentials.consumerSecret
        let token = await harness.send("POST", Paths.appOnlyToken, authorization: harness.basic(key, secret),
                                       form: [("grant_type", "client_credentials")])
        #expect(token.status == 200 && token.object["token_type"] as? String == "bearer")
        #expect(token.object["access_token"] as? String == harness.credentials.bearerToken)

        let wrong = await harness.send("POST", Paths.appOnlyToken, authorization: harness.basic(key, "nope"),
                                       form: [("grant_type", "client_credentials")])
        #expect(wrong.status == 403)
        #expect((wrong.object as NSDictionary) == ["errors": [["code": 99, "label": "authenticity_token_error",
                                                                "message": "Unable to verify your credentials"]]])
        let noGrant = await harness.send("POST", Paths.appOnlyToken, authorization: harness.basic(key, secret))
        #expect(noGrant.status == 403)

        // X's documentation writes the token into the body as it is (`%3D` unencoded): accepted too.
        let invalidated = await harness.send("POST", Paths.appOnlyInvalidate, authorization: harness.basic(key, secret),
                                             rawBody: "access_token=\(harness.credentials.bearerToken)")
        #expect(invalidated.status == 200 && invalidated.object["access_token"] as? String == harness.credentials.bearerToken)
        #expect(await harness.followers("Bearer \(harness.credentials.bearerToken)") == 401)
        let again = await harness.send("POST", Paths.appOnlyInvalidate, authorization: harness.basic(key, secret),
                                       form: [("access_token", harness.credentials.bearerToken)])
        #expect(again.status == 401)
        let fresh = await harness.send("POST", Paths.appOnlyToken, authorization: harness.basic(key, secret),
                                       form: [("grant_type", "client_credentials")]).object["access_token"] as? String ?? ""
        #expect(fresh != harness.credentials.bearerToken && fresh.hasPrefix("AAAAAAAAAAAAAAAAAAAAAA"))
        #expect(await harness.followers("Bearer \(fresh)") == 200)
    }

    @Test("App-only: invalidation signed with OAuth 1.0a and a user's token, as X's documentation shows; a forged one is refused")
    func appOnlyInvalidationSignedWithOAuth1() async {
        let user = harness.credentials.accessTokens[0]
        let bearer = harness.credentials.bearerToken
        let path = Paths.appOnlyInvalidate + "?access_token=" + OAuth1Signature.percentEncode(bearer)
        func invalidate(consumerSecret: String) async -> SandboxHTTPResponse {
            let header = OAuth1AuthorizationHeader.signed(
                method: "POST", url: URL(string: "http://127.0.0.1:8080\(path)")!, consumerKey: harness.credentials.consumerKey,
                consumerSecret: consumerSecret, token: user.accessToken, tokenSecret: user.accessTokenSecret,
                signing: SigningContext(timestamp: harness.now, nonce: UUID().uuidString))
            return await harness.send("POST", path, authorization: header.headerValue)
        }
        let forged = await invalidate(consumerSecret: "not-the-secret")
        #expect(forged.status == 403)
        #expect(await harness.followers("Bearer \(bearer)") == 200)
        let invalidated = await invalidate(consumerSecret: harness.credentials.consumerSecret)
        #expect(invalidated.status == 200 && invalidated.object["access_token"] as? String == bearer)
        #expect(await harness.followers("Bearer \(bearer)") == 401)
    }
}
