import Foundation
import XFollows

extension SandboxAuthorization {
    /// X's App-only refusals.
    enum AppOnlyError {
        static let unableToVerify = SandboxHTTPResponse.jsonObject(
            ["errors": [["code": 99, "label": "authenticity_token_error", "message": "Unable to verify your credentials"]]],
            status: 403)
        static let missingGrantType = SandboxHTTPResponse.jsonObject(
            ["errors": [["code": 170, "label": "forbidden_missing_parameter", "message": "Missing required parameter: grant_type"]]],
            status: 403)
        static let invalidToken = SandboxHTTPResponse.jsonObject(
            ["errors": [["code": 89, "message": "Invalid or expired token."]]], status: 401)
    }

    /// Whether the request carries the App's key and secret as HTTP Basic credentials.
    private func isApp(_ request: AuthorizationRequest) -> Bool {
        guard let basic = request.basicCredentials else { return false }
        return ConstantTime.equals(basic.user, credentials.consumerKey) && ConstantTime.equals(basic.password, credentials.consumerSecret)
    }

    /// `POST /oauth2/token` with `grant_type=client_credentials`: the App's bearer token (the
    /// same one until it is invalidated).
    func appOnlyToken(_ request: AuthorizationRequest) async -> SandboxHTTPResponse {
        guard isApp(request) else { return AppOnlyError.unableToVerify }
        guard request.value("grant_type") == .value("client_credentials") else { return AppOnlyError.missingGrantType }
        return .jsonObject(["token_type": "bearer", "access_token": await state.currentAppBearerToken()])
    }

    /// Whether the request is signed with OAuth 1.0a by the App and one of its users' access
    /// tokens (X's invalidate_token page asks for the App owner's; the sandbox has no owner and
    /// takes any of its demo users').
    private func isSignedByAppUser(_ request: AuthorizationRequest, at now: Date) async -> Bool {
        guard let token = request.authorization.flatMap({ try? OAuth1AuthorizationHeader(parsing: $0) })?.token,
              let user = credentials.accessTokens.first(where: { ConstantTime.equals($0.accessToken, token) }),
              case .success = await checkSigned(request, requiresToken: true, tokenSecret: (token, user.accessTokenSecret), at: now)
        else { return false }
        return true
    }

    /// `POST /oauth2/invalidate_token` with `access_token` (in the form or the query):
    /// invalidates the App's bearer token. The App authenticates with its key and secret as
    /// HTTP Basic credentials (as it gets the token), or with OAuth 1.0a and a user's access
    /// token, which is what X's documentation of this endpoint shows. The token is accepted
    /// form-encoded once (`%253D`) or as X's documentation writes it (`%3D`).
    func appOnlyInvalidate(_ request: AuthorizationRequest, at now: Date) async -> SandboxHTTPResponse {
        var authenticated = isApp(request)
        if !authenticated { authenticated = await isSignedByAppUser(request, at: now) }
        guard authenticated else { return AppOnlyError.unableToVerify }
        guard case .value(let token) = request.value("access_token") else { return AppOnlyError.invalidToken }
        let candidates = [token, OAuth1Signature.percentEncode(token)]
        for candidate in candidates where await state.invalidateAppBearerToken(candidate) {
            return .jsonObject(["access_token": candidate])
        }
        return AppOnlyError.invalidToken
    }
}
