import Foundation
import Testing
import XFollows

/// The endpoints and scopes generated from the spec's security schemes are X's documented ones.
@Suite("Generated authorization endpoints and scopes")
struct XEndpointsTests {
    @Test("X's documented URLs, and the same paths on a local server")
    func valuesAndRelocation() {
        #expect(OAuth2Endpoints.x.authorizationURL.absoluteString == "https://x.com/i/oauth2/authorize")
        #expect(OAuth2Endpoints.x.tokenURL.absoluteString == "https://api.x.com/2/oauth2/token")
        #expect(OAuth2Endpoints.x.refreshURL == OAuth2Endpoints.x.tokenURL)
        #expect(OAuth2Endpoints.x.revocationURL?.absoluteString == "https://api.x.com/2/oauth2/revoke")
        #expect(OAuth1Endpoints.x.requestTokenURL.absoluteString == "https://api.x.com/oauth/request_token")
        #expect(OAuth1Endpoints.x.authorizationURL.absoluteString == "https://api.x.com/oauth/authorize")
        #expect(OAuth1Endpoints.x.accessTokenURL.absoluteString == "https://api.x.com/oauth/access_token")
        #expect(AppOnlyEndpoints.x.tokenURL.absoluteString == "https://api.x.com/oauth2/token")
        #expect(AppOnlyEndpoints.x.invalidationURL.absoluteString == "https://api.x.com/oauth2/invalidate_token")
        let local = OAuth2Endpoints.x.relocated(to: URL(string: "http://127.0.0.1:8080")!)
        #expect(local.authorizationURL.absoluteString == "http://127.0.0.1:8080/i/oauth2/authorize")
        #expect(local.revocationURL?.absoluteString == "http://127.0.0.1:8080/2/oauth2/revoke")
        #expect(OAuth2Scope.followsWrite.rawValue == "follows.write" && OAuth2Scope.offlineAccess.rawValue == "offline.access")
        #expect(OperationDescriptor.usersIdFollow.security.contains(.oauth2UserContext(scopes: [.tweetRead, .usersRead, .followsWrite])))
    }
}
