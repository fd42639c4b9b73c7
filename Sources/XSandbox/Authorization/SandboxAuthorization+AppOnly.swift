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

    /// `POST /oauth2/invalidate_token` with `access_token`: invalidates the App's bearer
    /// token. The token is accepted form-encoded once (`%253D`) or as X's documentation writes
    /// it (`%3D`).
    func appOnlyInvalidate(_ request: AuthorizationRequest) async -> SandboxHTTPResponse {
        guard isApp(request) else { return AppOnlyError.unableToVerify }
        guard case .value(let token) = request.value("access_token") else { return AppOnlyError.invalidToken }
        let candidates = [token, OAuth1Signature.percentEncode(token)]
        for candidate in candidates where await state.invalidateAppBearerToken(candidate) {
            return .jsonObject(["access_token": candidate])
        }
        return AppOnlyError.invalidToken
    }
}
