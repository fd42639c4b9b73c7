import Foundation
import HTTPTypes
@testable import XAPIRuntime

/// X's endpoints, written out as the generated code will provide them.
enum TestEndpoints {
    static let oauth2 = OAuth2Endpoints(
        authorizationURL: URL(string: "https://x.com/i/oauth2/authorize")!,
        tokenURL: URL(string: "https://api.x.com/2/oauth2/token")!,
        revocationURL: URL(string: "https://api.x.com/2/oauth2/revoke")!
    )
    static let oauth1 = OAuth1Endpoints(
        requestTokenURL: URL(string: "https://api.x.com/oauth/request_token")!,
        authorizationURL: URL(string: "https://api.x.com/oauth/authorize")!,
        accessTokenURL: URL(string: "https://api.x.com/oauth/access_token")!
    )
    static let appOnly = AppOnlyEndpoints(
        tokenURL: URL(string: "https://api.x.com/oauth2/token")!,
        invalidationURL: URL(string: "https://api.x.com/oauth2/invalidate_token")!
    )
}

enum AuthSecrets {
    static let clientID = "rG9n6402A3dbUJKzXTNX4oWHJ"
    static let clientSecret = "Sfnbb5PCEVjb8FnDNuLphkrqu4HraQ2TSe_qFf8F5XV4GyqAL5"
    static let accessToken = "VGNibzFWSWREZm01bjN1N3dicWlNUG1oa2xRRVNNdmVHelJGY2hPWGxNd2dxOjE2MjIxNjA4MjU4MjU6MToxOmF0OjE"
    static let refreshToken = "bWRWa3gzdnk3WHRGU1o0bmRRcTJ5VUxWX1lZTDdJSUtmaWcxbTVxdEFXcW5tOjE2MjIxNDc3NDM5MTQ6MToxOnJ0OjE"
    static let newAccessToken = "bmV3QWNjZXNzVG9rZW5BZnRlclJlZnJlc2gwMDAwMDAwMDAwOjE2MjIxNjA4MjU4MjU6MToxOmF0OjE"
    static let newRefreshToken = "bmV3UmVmcmVzaFRva2VuQWZ0ZXJSZWZyZXNoMDAwMDAwMDA6MTYyMjE0Nzc0MzkxNDoxOjE6cnQ6MQ"
    static let code = "VGNibzFWSWREZm01bjN1N3dicWlNUG1oa2xRRVNNdmVHelJGY2hPWGxNd2dxOjE2MjIxNjA4MjU4MjU6MToxOmFjOjE"
}

extension RecordedRequest {
    /// The decoded form body.
    var form: [String: String] {
        let text = body.map { String(decoding: $0, as: UTF8.self) } ?? ""
        return Dictionary(OAuth1Signature.formParameters(text).map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}

/// A token endpoint answer as X sends it.
func tokenAnswer(access: String = AuthSecrets.accessToken, refresh: String? = AuthSecrets.refreshToken,
                 scope: String = "follows.read follows.write offline.access tweet.read users.read", expiresIn: Int = 7200) -> Reply {
    var fields = [#""token_type":"bearer""#, #""expires_in":\#(expiresIn)"#, #""access_token":"\#(access)""#, #""scope":"\#(scope)""#]
    if let refresh { fields.append(#""refresh_token":"\#(refresh)""#) }
    return .json("{" + fields.joined(separator: ",") + "}")
}

func authConfiguration(_ transport: ScriptedTransport, clock: VirtualClock? = nil) -> ClientConfiguration {
    var configuration = ClientConfiguration(serverURL: URL(string: "https://api.x.com")!, transport: transport)
    if let clock { configuration.clock = clock.clock }
    configuration.retryPolicy = .none
    return configuration
}

func publicAuthorizer(_ transport: ScriptedTransport, clock: VirtualClock? = nil) -> OAuth2Authorizer {
    OAuth2Authorizer(clientID: AuthSecrets.clientID, redirectURI: URL(string: "https://example.com/callback")!,
                     endpoints: TestEndpoints.oauth2, configuration: authConfiguration(transport, clock: clock))
}

func confidentialAuthorizer(_ transport: ScriptedTransport, clock: VirtualClock? = nil) -> OAuth2Authorizer {
    OAuth2Authorizer(clientID: AuthSecrets.clientID, clientSecret: AuthSecrets.clientSecret,
                     redirectURI: URL(string: "https://example.com/callback")!,
                     endpoints: TestEndpoints.oauth2, configuration: authConfiguration(transport, clock: clock))
}

/// The redirect an authorization server would send back for `pending`, with `items` added.
func redirect(_ items: [(String, String)]) -> URL {
    FormEncoding.url(URL(string: "https://example.com/callback")!, appending: items)
}
