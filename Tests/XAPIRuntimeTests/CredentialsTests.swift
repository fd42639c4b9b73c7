import Foundation
import Testing
@testable import XAPIRuntime

@Suite("Credentials")
struct CredentialsTests {
    static let everyCredential: [any Authentication] = [
        Secrets.oauth1,
        UserCredentials.oauth1(Secrets.oauth1),
        UserCredentials.oauth2(accessToken: Secrets.oauth2Token, userID: "6253282", scopes: ["follows.read"]),
        OAuth2UserToken(accessToken: Secrets.oauth2Token, userID: "6253282"),
        AppOnlyCredentials(bearerToken: Secrets.bearer),
    ]

    @Test func descriptionsDumpsAndInterpolationsNeverShowSecrets() {
        for credentials in Self.everyCredential {
            var dumped = ""
            dump(credentials, to: &dumped)
            let renderings = [
                credentials.description, credentials.debugDescription, "\(credentials)",
                String(reflecting: credentials), dumped,
            ]
            for rendering in renderings {
                for secret in Secrets.all {
                    #expect(!rendering.contains(secret), "\(type(of: credentials)) shows a secret in: \(rendering)")
                }
                #expect(rendering.contains("redacted"))
            }
        }
    }

    @Test func descriptionsStillIdentifyTheCredentials() {
        #expect(Secrets.oauth1.description == "OAuth1Credentials(consumerKey: xvz1…, userID: 370773112, secrets: <redacted>)")
        #expect(OAuth2UserToken(accessToken: Secrets.oauth2Token, userID: "6253282", scopes: ["users.read", "follows.read"]).description
            == "OAuth2UserToken(userID: 6253282, scopes: [follows.read, users.read], accessToken: <redacted>)")
        #expect(AppOnlyCredentials(bearerToken: Secrets.bearer).description == "AppOnlyCredentials(bearerToken: <redacted>)")
    }

    @Test func oauth1UserIDIsTheNumericPrefixOfTheAccessToken() {
        #expect(Secrets.oauth1.userID == "370773112")
        #expect(UserCredentials.oauth1(Secrets.oauth1).userID == "370773112")
        func userID(_ token: String) -> String? {
            OAuth1Credentials(consumerKey: "k", consumerSecret: "s", accessToken: token, accessTokenSecret: "t").userID
        }
        #expect(userID("6253282-abc-def") == "6253282")
        #expect(userID("abc-def") == nil)
        #expect(userID("-abc") == nil)
        #expect(userID("12345") == nil)
        #expect(userID("１２-abc") == nil)
    }

    @Test func methodsAndUsers() {
        #expect(Secrets.oauth1.method == .oauth1UserContext)
        #expect(UserCredentials.oauth2(accessToken: "t", userID: "42").method == .oauth2UserContext)
        #expect(UserCredentials.oauth2(accessToken: "t", userID: "42").userID == "42")
        #expect(AppOnlyCredentials(bearerToken: "b").method == .appOnly)
        #expect(AppOnlyCredentials(bearerToken: "b").userID == nil)
        #expect(UserCredentials.oauth2(accessToken: "t", userID: "42", scopes: ["a"]).grantedScopes == ["a"])
        #expect(Secrets.oauth1.grantedScopes == nil)
    }

    @Test func oauth1HeaderDescriptionHidesTokenAndSignature() {
        let header = Secrets.oauth1.authorizationHeader(
            method: .get, url: URL(string: "https://api.x.com/2/users/1/followers")!, signing: .fresh(at: Date())
        )
        var dumped = ""
        dump(header, to: &dumped)
        for rendering in [header.description, header.debugDescription, dumped] {
            #expect(!rendering.contains(header.signature))
            #expect(!rendering.contains(Secrets.accessToken))
            #expect(!rendering.contains(header.nonce))
        }
    }
}
