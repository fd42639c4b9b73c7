import Foundation
import Testing
@testable import XAPIRuntime

@Suite("Authorization secrets stay secret")
struct AuthorizationSecretsTests {
    static let secrets = [AuthSecrets.clientSecret, AuthSecrets.accessToken, AuthSecrets.refreshToken, AuthSecrets.code,
                          Secrets.consumerSecret, Secrets.accessTokenSecret, Secrets.bearer, "request-secret-0123456789"]

    func renderings(_ value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        return [String(describing: value), String(reflecting: value), "\(value)", dumped]
    }

    @Test("Descriptions and dumps of every authorization value show no secret")
    func descriptionsAndDumps() throws {
        let transport = ScriptedTransport([])
        let authorizer = confidentialAuthorizer(transport)
        let pending = authorizer.startAuthorization(scopes: ["tweet.read", "offline.access"])
        let token = OAuth2UserToken(accessToken: AuthSecrets.accessToken, userID: "6253282", scopes: ["tweet.read"],
                                    refreshToken: AuthSecrets.refreshToken, expiresAt: Date(timeIntervalSince1970: 1_700_000_000))
        let session = OAuth2Session(token: token, authorizer: authorizer)
        let oauth1 = OAuth1Authorizer(consumerKey: Secrets.consumerKey, consumerSecret: Secrets.consumerSecret,
                                      endpoints: TestEndpoints.oauth1)
        let requestToken = OAuth1RequestToken(token: "qLBVyoAAAAAAx72QAAATZxQWU6P", tokenSecret: "request-secret-0123456789",
                                              callback: .outOfBand, authorizationURL: URL(string: "https://api.x.com/oauth/authorize")!)
        let granted = OAuth1AccessToken(credentials: Secrets.oauth1, userID: "370773112", screenName: "api")
        let app = AppOnlyAuthorizer(apiKey: Secrets.consumerKey, apiSecret: Secrets.consumerSecret, endpoints: TestEndpoints.appOnly)
        let values: [Any] = [authorizer, pending, token, session, UserCredentials.oauth2Session(session), oauth1,
                             requestToken, granted, app]
        for value in values {
            for rendering in renderings(value) {
                for secret in Self.secrets + [pending.codeVerifier, pending.state, requestToken.token] {
                    #expect(!rendering.contains(secret), "\(type(of: value)) shows a secret in: \(rendering)")
                }
                #expect(rendering.contains("redacted"), "\(type(of: value)): \(rendering)")
            }
        }
        #expect(token.description == "OAuth2UserToken(userID: 6253282, scopes: [tweet.read], accessToken: <redacted>, "
            + "refreshToken: <redacted>, expiresAt: 2023-11-14T22:13:20.000Z)")
        #expect(session.description == "OAuth2Session(\(token.description))")
    }

    @Test("Errors and trace logs of token requests never show a secret, even when the server echoes them")
    func errorsAndLogs() async throws {
        let echo = Self.secrets.joined(separator: " ")
        let transport = ScriptedTransport([
            .json(#"{"error":"invalid_request","error_description":"bad \#(echo)"}"#, status: 400),
            Reply(status: 500, headers: [("content-type", "text/html")], body: "<p>\(echo) \(OAuth1Signature.percentEncode(AuthSecrets.refreshToken))</p>"),
            .json(#"{"token_type":"bearer","access_token":"\#(AuthSecrets.accessToken)","refresh_token":7}"#),
            nil,
        ])
        let capture = LogCapture()
        var configuration = authConfiguration(transport)
        configuration.logger = capture.logger
        let authorizer = OAuth2Authorizer(clientID: AuthSecrets.clientID, clientSecret: AuthSecrets.clientSecret,
                                          redirectURI: URL(string: "https://example.com/cb")!, endpoints: TestEndpoints.oauth2,
                                          configuration: configuration)
        let pending = authorizer.startAuthorization(scopes: ["tweet.read"])
        let old = OAuth2UserToken(accessToken: AuthSecrets.accessToken, refreshToken: AuthSecrets.refreshToken)
        // What each request carried, plus, for the answer that does not decode, the token it held.
        let carried = [
            [AuthSecrets.clientSecret, AuthSecrets.code, pending.codeVerifier],
            [AuthSecrets.clientSecret, AuthSecrets.refreshToken, AuthSecrets.accessToken],
            [AuthSecrets.clientSecret, AuthSecrets.code, pending.codeVerifier, AuthSecrets.accessToken],
            [AuthSecrets.clientSecret, AuthSecrets.refreshToken, AuthSecrets.accessToken],
        ]
        var seen: [String] = []
        for attempt in 0..<4 {
            let logged = capture.records.count
            var texts: [String] = []
            do {
                if attempt % 2 == 0 {
                    _ = try await authorizer.exchange(code: AuthSecrets.code, pending: pending)
                } else {
                    _ = try await authorizer.refresh(old)
                }
                Issue.record("attempt \(attempt) succeeded")
            } catch let error as XAPIError {
                texts = [error.description, error.debugDescription, error.message, error.bodyExcerpt ?? "",
                         error.oauthError?.description ?? ""]
            }
            texts += capture.records[logged...]
            for text in texts {
                for secret in carried[attempt] + carried[attempt].map(OAuth1Signature.percentEncode) {
                    #expect(!text.contains(secret), "attempt \(attempt): secret leaked into: \(text)")
                }
            }
            seen += texts
        }
        #expect(capture.records.contains { $0.contains("authorization: <redacted>") })
        #expect(capture.records.contains { $0.contains("xapi.operation=oauth2Token") })
        #expect(seen.contains { $0.contains("bad <redacted>") })
    }

    @Test("A server echoing the HTTP Basic credentials of a token request (base64 of key and secret) gets them redacted")
    func basicCredentialsEcho() async throws {
        let basic = String(FormEncoding.basicAuthorization(user: AuthSecrets.clientID, password: AuthSecrets.clientSecret).dropFirst(6))
        let transport = ScriptedTransport([.json(#"{"error":"invalid_client","error_description":"bad Basic \#(basic)"}"#, status: 401)])
        let authorizer = OAuth2Authorizer(clientID: AuthSecrets.clientID, clientSecret: AuthSecrets.clientSecret,
                                          redirectURI: URL(string: "https://example.com/cb")!, endpoints: TestEndpoints.oauth2,
                                          configuration: authConfiguration(transport))
        do {
            _ = try await authorizer.refresh(OAuth2UserToken(accessToken: AuthSecrets.accessToken, refreshToken: AuthSecrets.refreshToken))
            Issue.record("the refresh succeeded")
        } catch let error as XAPIError {
            for text in [error.description, error.debugDescription, error.oauthError?.description ?? ""] {
                #expect(!text.contains(basic), "\(text)")
            }
            #expect(error.description.contains("bad Basic <redacted>"))
        }
    }

    @Test("A token request whose transport error echoes the code, verifier and client secret shows none of them")
    func transportErrorsShowNoSecret() async throws {
        // The error carries the form it could not send (the code and the verifier) and the secret.
        let transport = ScriptedTransport { request, _ in
            throw SecretsTests.EchoingError(
                request: String(decoding: request.body ?? Data(), as: UTF8.self) + " client_secret=\(AuthSecrets.clientSecret)")
        }
        let authorizer = confidentialAuthorizer(transport)
        let pending = authorizer.startAuthorization(scopes: ["tweet.read"])
        let thrown = await #expect(throws: XAPIError.self) {
            _ = try await authorizer.exchange(code: AuthSecrets.code, pending: pending)
        }
        let error = try #require(thrown)
        #expect(transport.requests.first?.form["code_verifier"] == pending.codeVerifier)
        for text in SecretsTests.renderings(of: error) {
            for secret in [AuthSecrets.code, pending.codeVerifier, AuthSecrets.clientSecret] {
                #expect(!text.contains(secret), "secret leaked into: \(text)")
            }
        }
        // Where the secrets are known, the underlying error is shown scrubbed of them.
        #expect(error.debugDescription.contains("underlying: EchoingError: could not send: "), "\(error.debugDescription)")
        #expect(error.debugDescription.contains("client_secret=<redacted>"), "\(error.debugDescription)")
    }
}
