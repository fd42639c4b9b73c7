import Foundation
import HTTPTypes
import Testing
@testable import XAPIRuntime

@Suite("OAuth 1.0a: three-legged flow")
struct OAuth1AuthorizerTests {
    // X's documented "Sign in with X" example (its keys are the documentation's, not live ones).
    static let consumerKey = "cChZNFj6T5R0TigYB9yd1w"
    static let consumerSecret = "L8qq9PZyRg6ieKGEKhZolGC0vJWLw8iEJ88DRdyOg"

    func authorizer(_ transport: ScriptedTransport, clock: VirtualClock = VirtualClock()) -> OAuth1Authorizer {
        OAuth1Authorizer(consumerKey: Self.consumerKey, consumerSecret: Self.consumerSecret,
                         endpoints: TestEndpoints.oauth1, configuration: authConfiguration(transport, clock: clock))
    }

    @Test("The signing reproduces X's documented request-token and access-token signatures")
    func xDocumentedSignatures() {
        let signing = SigningContext(timestamp: Date(timeIntervalSince1970: 1_318_467_427), nonce: "ea9ec8429b68d6b77cd5600adbbb0456")
        let requestToken = OAuth1AuthorizationHeader.signed(
            method: "POST", url: URL(string: "https://api.twitter.com/oauth/request_token")!,
            consumerKey: Self.consumerKey, consumerSecret: Self.consumerSecret, token: nil, tokenSecret: nil,
            additionalProtocolParameters: ["oauth_callback": "http://localhost/sign-in-with-twitter/"], signing: signing)
        #expect(requestToken.signature == "F1Li3tvehgcraF8DMJ7OyxO4w9Y=")
        #expect(requestToken.headerValue.contains(#"oauth_callback="http%3A%2F%2Flocalhost%2Fsign-in-with-twitter%2F""#))
        #expect(requestToken.headerValue.contains(#"oauth_signature="F1Li3tvehgcraF8DMJ7OyxO4w9Y%3D""#))

        let accessToken = OAuth1AuthorizationHeader.signed(
            method: "POST", url: URL(string: "https://api.twitter.com/oauth/access_token")!,
            consumerKey: Self.consumerKey, consumerSecret: Self.consumerSecret,
            token: "NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0", tokenSecret: "veNRnAWe6inFuo8o2u8SLLZLjolYDmDP7SzL0YfYI",
            additionalProtocolParameters: ["oauth_verifier": "uw7NjWHT6OJ1MpJOXsHfNxoAhPKpgI8BlYDhxEjIBY"],
            signing: SigningContext(timestamp: Date(timeIntervalSince1970: 1_318_467_427), nonce: "a9900fe68e2573b27a37f10fbad6a755"))
        #expect(accessToken.signature == "39cipBtIOHEEnybAR4sATQTpl2I=")
    }

    @Test("Request token: a signed POST with oauth_callback; X's documented answer is read")
    func requestToken() async throws {
        let transport = ScriptedTransport([Reply(status: 200, headers: [("content-type", "text/html; charset=utf-8")], body:
            "oauth_token=Z6eEdO8MOmk394WozF5oKyuAv855l4Mlqo7hhlSLik&oauth_token_secret=Kd75W4OQfb2oJTV0vzGzeXftVAwgMnEK9MumzYcM&oauth_callback_confirmed=true")])
        let callback = URL(string: "http://themattharris.local/auth.php")!
        let token = try await authorizer(transport).requestToken(callback: .url(callback))
        #expect(token.token == "Z6eEdO8MOmk394WozF5oKyuAv855l4Mlqo7hhlSLik")
        #expect(token.tokenSecret == "Kd75W4OQfb2oJTV0vzGzeXftVAwgMnEK9MumzYcM")
        #expect(token.authorizationURL.absoluteString == "https://api.x.com/oauth/authorize?oauth_token=Z6eEdO8MOmk394WozF5oKyuAv855l4Mlqo7hhlSLik")

        let sent = try #require(transport.requests.first)
        #expect(sent.request.method == .post && sent.url.absoluteString == "https://api.x.com/oauth/request_token")
        #expect(sent.operationID == "oauth1RequestToken")
        let header = try OAuth1AuthorizationHeader(parsing: try #require(sent.authorization))
        #expect(header.token == nil)
        #expect(header.additionalParameters == ["oauth_callback": callback.absoluteString])
        let base = OAuth1Signature.baseString(method: "POST", url: sent.url, protocolParameters: header.protocolParameters)
        #expect(OAuth1Signature.isValidSignature(header.signature, baseString: base,
                                                 signingKey: OAuth1Signature.signingKey(consumerSecret: Self.consumerSecret, tokenSecret: nil)))
    }

    @Test("The PIN flow sends oauth_callback=oob")
    func outOfBand() async throws {
        let transport = ScriptedTransport([.json("oauth_token=t&oauth_token_secret=s&oauth_callback_confirmed=true")])
        _ = try await authorizer(transport).requestToken(callback: .outOfBand)
        let header = try OAuth1AuthorizationHeader(parsing: try #require(transport.requests.first?.authorization))
        #expect(header.additionalParameters["oauth_callback"] == "oob")
    }

    @Test("An answer that does not confirm the callback, or lacks the token, is refused; X's refusals keep their code")
    func badAnswers() async throws {
        let transport = ScriptedTransport([
            .json("oauth_token=t&oauth_token_secret=s"),
            .json("oauth_token_secret=s&oauth_callback_confirmed=true"),
            Reply(status: 403, headers: [("content-type", "application/xml")], body:
                #"<?xml version="1.0" encoding="UTF-8"?><errors><error code="415">Callback URL not approved for this client application. Approved callback URLs can be adjusted in your application settings</error></errors>"#),
            .json(#"{"errors":[{"code":32,"message":"Could not authenticate you."}]}"#, status: 401),
        ])
        let authorizer = authorizer(transport)
        for _ in 0..<2 {
            let error = await #expect(throws: XAPIError.self) { try await authorizer.requestToken(callback: .outOfBand) }
            #expect(error?.code == .malformedResponse)
        }
        let unapproved = await #expect(throws: XAPIError.self) { try await authorizer.requestToken(callback: .outOfBand) }
        #expect(unapproved?.code == .http && unapproved?.status == 403 && unapproved?.oauthError?.legacyCode == 415)
        #expect(unapproved?.oauthError?.errorDescription?.hasPrefix("Callback URL not approved") == true)
        let unknown = await #expect(throws: XAPIError.self) { try await authorizer.requestToken(callback: .outOfBand) }
        #expect(unknown?.oauthError == OAuthErrorResponse(error: nil, errorDescription: "Could not authenticate you.", legacyCode: 32))
    }

    static let pending = OAuth1RequestToken(
        token: "qLBVyoAAAAAAx72QAAATZxQWU6P", tokenSecret: "request-secret-0123456789", callback: .url(URL(string: "https://example.com/cb")!),
        authorizationURL: URL(string: "https://api.x.com/oauth/authorize?oauth_token=qLBVyoAAAAAAx72QAAATZxQWU6P")!)

    @Test("Access token: signed with the request token and the verifier; X's documented answer is read")
    func accessToken() async throws {
        let transport = ScriptedTransport([.json(
            "oauth_token=6253282-eWudHldSbIaelX7swmsiHImEL4KinwaGloHANdrY&oauth_token_secret=2EEfA6BG5ly3sR3XjE0IBSnlQu4ZrUzPiYTmrkVU&user_id=6253282&screen_name=twitterapi")])
        let callback = URL(string: "https://example.com/cb?oauth_token=qLBVyoAAAAAAx72QAAATZxQWU6P&oauth_verifier=ghLM8lYmAxDbaqL912RZSRjCCEXKDIzx")!
        let granted = try await authorizer(transport).finishAuthorization(callback: callback, requestToken: Self.pending)
        #expect(granted.userID == "6253282" && granted.screenName == "twitterapi")
        #expect(granted.credentials.accessToken == "6253282-eWudHldSbIaelX7swmsiHImEL4KinwaGloHANdrY")
        #expect(granted.credentials.accessTokenSecret == "2EEfA6BG5ly3sR3XjE0IBSnlQu4ZrUzPiYTmrkVU")
        #expect(granted.credentials.consumerKey == Self.consumerKey)

        let sent = try #require(transport.requests.first)
        let header = try OAuth1AuthorizationHeader(parsing: try #require(sent.authorization))
        #expect(header.token == Self.pending.token)
        #expect(header.additionalParameters == ["oauth_verifier": "ghLM8lYmAxDbaqL912RZSRjCCEXKDIzx"])
        let base = OAuth1Signature.baseString(method: "POST", url: sent.url, protocolParameters: header.protocolParameters)
        #expect(OAuth1Signature.isValidSignature(header.signature, baseString: base, signingKey: OAuth1Signature.signingKey(
            consumerSecret: Self.consumerSecret, tokenSecret: Self.pending.tokenSecret)))
    }

    @Test("Callbacks that are not the request in progress are refused; a denial is typed; nothing is sent", arguments: [
        ("no oauth_token", "oauth_verifier=v", XAPIError.Code.authorizationStateMismatch),
        ("another oauth_token", "oauth_token=other&oauth_verifier=v", .authorizationStateMismatch),
        ("oauth_token twice", "oauth_token=TOKEN&oauth_token=TOKEN&oauth_verifier=v", .authorizationStateMismatch),
        ("no verifier", "oauth_token=TOKEN", .invalidArgument),
        ("denied", "denied=TOKEN", .authorizationDenied),
        ("denied for another token", "denied=other", .authorizationStateMismatch),
    ])
    func callbacks(label: String, query: String, expected: XAPIError.Code) async throws {
        let transport = ScriptedTransport([])
        let url = URL(string: "https://example.com/cb?" + query.replacingOccurrences(of: "TOKEN", with: Self.pending.token))!
        let error = await #expect(throws: XAPIError.self, "\(label)") {
            try await authorizer(transport).finishAuthorization(callback: url, requestToken: Self.pending)
        }
        #expect(error?.code == expected, "\(label)")
        #expect(transport.requests.isEmpty)
    }

    @Test("A wrong PIN is X's plain-text 401, kept as a scrubbed excerpt")
    func wrongPIN() async throws {
        let transport = ScriptedTransport([Reply(status: 401, headers: [("content-type", "text/plain")],
                                                 body: "Error processing your OAuth request: Invalid oauth_verifier parameter")])
        let error = await #expect(throws: XAPIError.self) {
            try await authorizer(transport).accessToken(for: Self.pending, verifier: "1234567")
        }
        #expect(error?.code == .http && error?.status == 401)
        #expect(error?.bodyExcerpt == "Error processing your OAuth request: Invalid oauth_verifier parameter")
    }
}

@Suite("App-only: bearer token")
struct AppOnlyAuthorizerTests {
    @Test("The key and secret go as X's documented Basic credentials; the answer is the bearer token")
    func bearerToken() async throws {
        let transport = ScriptedTransport([.json(#"{"token_type":"bearer","access_token":"\#(Secrets.bearer)"}"#)])
        let authorizer = AppOnlyAuthorizer(apiKey: "xvz1evFS4wEEPTGEFPHBog", apiSecret: "L8qq9PZyRg6ieKGEKhZolGC0vJWLw8iEJ88DRdyOg",
                                           endpoints: TestEndpoints.appOnly, configuration: authConfiguration(transport))
        let credentials = try await authorizer.bearerToken()
        #expect(credentials.bearerToken == Secrets.bearer)
        let sent = try #require(transport.requests.first)
        #expect(sent.url.absoluteString == "https://api.x.com/oauth2/token" && sent.operationID == "appOnlyToken")
        #expect(sent.authorization
            == "Basic eHZ6MWV2RlM0d0VFUFRHRUZQSEJvZzpMOHFxOVBaeVJnNmllS0dFS2hab2xHQzB2SldMdzhpRUo4OERSZHlPZw==")
        #expect(sent.form == ["grant_type": "client_credentials"])
        #expect(sent.request.headerFields[.contentType] == "application/x-www-form-urlencoded")
    }

    @Test("Invalidation posts the token form-encoded; X's refusal keeps its code")
    func invalidate() async throws {
        let transport = ScriptedTransport([
            .json(#"{"access_token":"\#(Secrets.bearer)"}"#),
            .json(#"{"errors":[{"code":99,"label":"authenticity_token_error","message":"Unable to verify your credentials"}]}"#, status: 403),
        ])
        let authorizer = AppOnlyAuthorizer(apiKey: "key", apiSecret: "secret-secret", endpoints: TestEndpoints.appOnly,
                                           configuration: authConfiguration(transport))
        try await authorizer.invalidate(AppOnlyCredentials(bearerToken: Secrets.bearer))
        #expect(transport.requests[0].form == ["access_token": Secrets.bearer])
        #expect(transport.requests[0].body.map { String(decoding: $0, as: UTF8.self) }?.contains("%253D") == true)
        let error = await #expect(throws: XAPIError.self) { try await authorizer.bearerToken() }
        #expect(error?.status == 403 && error?.oauthError?.error == "authenticity_token_error" && error?.oauthError?.legacyCode == 99)
    }
}
