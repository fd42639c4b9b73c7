import Foundation
import HTTPTypes
import Testing
import XFollows
import XSandbox

@Suite("OAuth 1.0a verification")
struct OAuth1VerifierTests {
    let credentials = SandboxGraph.seeded().credentials
    let now = Date(timeIntervalSince1970: 1_750_000_000)
    let url = URL(string: "http://127.0.0.1:8080/2/users/2244994945/followers?max_results=10&user.fields=created_at%2Cdescription")!

    private var client: OAuth1Credentials {
        let token = credentials.accessTokens[0]
        return OAuth1Credentials(consumerKey: credentials.consumerKey, consumerSecret: credentials.consumerSecret,
                                 accessToken: token.accessToken, accessTokenSecret: token.accessTokenSecret)
    }

    private func header(method: HTTPRequest.Method = .get, url: URL? = nil, at date: Date? = nil, nonce: String = "n0nce") -> String {
        client.authorizationHeader(method: method, url: url ?? self.url,
                                   signing: SigningContext(timestamp: date ?? now, nonce: nonce)).headerValue
    }

    private func verify(_ header: String, method: String = "GET", url: URL? = nil, nonces: inout NonceRegistry)
        -> Result<OAuth1Verifier.Identity, OAuth1Verifier.Failure> {
        OAuth1Verifier(credentials: credentials).verify(method: method, url: url ?? self.url, authorization: header,
                                                        at: now, nonces: &nonces)
    }

    @Test("A request the runtime signed is accepted as its user")
    func accepted() throws {
        var nonces = NonceRegistry()
        let identity = try verify(header(), nonces: &nonces).get()
        #expect(identity.userID == credentials.accessTokens[0].userID)
        #expect(identity.consumerKey == credentials.consumerKey)
        #expect(nonces.count == 1)
    }

    @Test("A request whose method, path, query or host differs from what was signed is refused", arguments: [
        ("POST", "http://127.0.0.1:8080/2/users/2244994945/followers?max_results=10&user.fields=created_at%2Cdescription"),
        ("GET", "http://127.0.0.1:8080/2/users/2244994946/followers?max_results=10&user.fields=created_at%2Cdescription"),
        ("GET", "http://127.0.0.1:8080/2/users/2244994945/followers?max_results=11&user.fields=created_at%2Cdescription"),
        ("GET", "http://127.0.0.1:8080/2/users/2244994945/followers?max_results=10&user.fields=created_at"),
        ("GET", "http://127.0.0.1:8080/2/users/2244994945/followers?max_results=10&user.fields=created_at%2Cdescription&extra=1"),
        ("GET", "http://127.0.0.1:8081/2/users/2244994945/followers?max_results=10&user.fields=created_at%2Cdescription"),
        ("GET", "https://127.0.0.1:8080/2/users/2244994945/followers?max_results=10&user.fields=created_at%2Cdescription"),
    ])
    func tamperedRequest(method: String, received: String) {
        var nonces = NonceRegistry()
        let result = verify(header(), method: method, url: URL(string: received)!, nonces: &nonces)
        #expect(result == .failure(.invalidSignature))
        #expect(nonces.count == 0)
    }

    @Test("An altered signature, consumer key or token is refused")
    func tamperedHeader() throws {
        var nonces = NonceRegistry()
        let genuine = try OAuth1AuthorizationHeader(parsing: header())
        var signature = genuine
        signature.signature = "AAAA" + genuine.signature.dropFirst(4)
        let result1 = verify(signature.headerValue, nonces: &nonces)
        #expect(result1 == .failure(.invalidSignature))
        var consumer = genuine
        consumer.consumerKey = "someone-else"
        let result2 = verify(consumer.headerValue, nonces: &nonces)
        #expect(result2 == .failure(.unknownConsumerKey))
        var token = genuine
        token.token = "\(SandboxAccounts.alice)-not-a-real-token"
        let result3 = verify(token.headerValue, nonces: &nonces)
        #expect(result3 == .failure(.unknownToken))
        var noToken = genuine
        noToken.token = nil
        let result4 = verify(noToken.headerValue, nonces: &nonces)
        #expect(result4 == .failure(.missingToken))
        var method = genuine
        method.signatureMethod = "PLAINTEXT"
        let result5 = verify(method.headerValue, nonces: &nonces)
        #expect(result5 == .failure(.unsupportedSignatureMethod("PLAINTEXT")))
        for malformed in ["OAuth oauth_consumer_key=\"x\"", "Basic dXNlcjpwYXNz"] {
            guard case .failure(.malformedHeader) = verify(malformed, nonces: &nonces) else {
                Issue.record("\(malformed) must be refused as malformed")
                continue
            }
        }
        #expect(nonces.count == 0)
    }

    @Test("A timestamp more than five minutes from the server's clock is refused, either way")
    func staleTimestamp() {
        var nonces = NonceRegistry()
        let result6 = verify(header(at: now.addingTimeInterval(-301), nonce: "a"), nonces: &nonces)
        #expect(result6 == .failure(.staleTimestamp(secondsOff: -301)))
        let result7 = verify(header(at: now.addingTimeInterval(302), nonce: "b"), nonces: &nonces)
        #expect(result7 == .failure(.staleTimestamp(secondsOff: 302)))
        let result8 = verify(header(at: now.addingTimeInterval(-299), nonce: "c"), nonces: &nonces)
        #expect((try? result8.get()) != nil)
    }

    @Test("A nonce is accepted once; the same signed request replayed is refused")
    func reusedNonce() {
        var nonces = NonceRegistry()
        let signed = header(nonce: "replayed-nonce")
        let result9 = verify(signed, nonces: &nonces)
        #expect((try? result9.get()) != nil)
        let result10 = verify(signed, nonces: &nonces)
        #expect(result10 == .failure(.reusedNonce))
        let result11 = verify(header(nonce: "fresh-nonce"), nonces: &nonces)
        #expect((try? result11.get()) != nil)
    }

    @Test("Nonces are forgotten once their timestamps could no longer be accepted")
    func nonceExpiry() {
        var nonces = NonceRegistry(tolerance: 300)
        let first = nonces.register("n", consumerKey: "k", token: "t", at: now)
        let replayed = nonces.register("n", consumerKey: "k", token: "t", at: now.addingTimeInterval(100))
        let otherToken = nonces.register("n", consumerKey: "k", token: "other", at: now)
        let muchLater = nonces.register("n", consumerKey: "k", token: "t", at: now.addingTimeInterval(700))
        #expect(first && !replayed && otherToken && muchLater)
    }
}
