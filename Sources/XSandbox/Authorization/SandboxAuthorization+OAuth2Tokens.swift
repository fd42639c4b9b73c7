import Foundation
import XFollows

extension SandboxAuthorization {
    /// X's OAuth 2.0 token-endpoint refusals, with its exact texts.
    enum TokenError {
        static func missing(_ parameter: String) -> SandboxHTTPResponse {
            refusal(OAuthErrorResponse.Code.invalidRequest, "Missing required parameter [\(parameter)].")
        }

        static let invalidCode = refusal(
            OAuthErrorResponse.Code.invalidRequest, "Value passed for the authorization code was invalid.")
        static let redirectMismatch = refusal(
            OAuthErrorResponse.Code.invalidRequest,
            "Value passed for the redirect uri did not match the uri of the authorization code.")
        static let invalidToken = refusal(OAuthErrorResponse.Code.invalidRequest, "Value passed for the token was invalid.")
        static let unauthorizedClient = refusal(
            OAuthErrorResponse.Code.unauthorizedClient, "Missing valid authorization header", status: 401)
        static let unknownClient = refusal(OAuthErrorResponse.Code.invalidRequest, "Value passed for client_id was invalid.")

        static func refusal(_ error: String, _ description: String, status: Int = 400) -> SandboxHTTPResponse {
            .jsonObject(["error": error, "error_description": description], status: status)
        }
    }

    /// The client a request authenticated as, or the refusal to answer with.
    enum ClientCheck {
        case client(SandboxCredentials.OAuth2Client)
        case refused(SandboxHTTPResponse)
    }

    /// Authenticates the client of a token or revocation request: HTTP Basic with the right
    /// secret for a confidential client, `client_id` in the form for a public one.
    private func client(of request: AuthorizationRequest) -> ClientCheck {
        if let basic = request.basicCredentials {
            guard let client = credentials.oauth2Clients.first(where: { $0.clientID == basic.user }),
                  let secret = client.clientSecret, ConstantTime.equals(secret, basic.password),
                  request.value("client_id").string.map({ $0 == client.clientID }) ?? true
            else { return .refused(TokenError.unauthorizedClient) }
            return .client(client)
        }
        guard case .value(let clientID) = request.value("client_id") else {
            return .refused(TokenError.missing("client_id"))
        }
        guard let client = credentials.oauth2Clients.first(where: { $0.clientID == clientID }) else {
            return .refused(TokenError.unknownClient)
        }
        guard !client.isConfidential else { return .refused(TokenError.unauthorizedClient) }
        return .client(client)
    }

    /// `POST /2/oauth2/token`: the `authorization_code` and `refresh_token` grants.
    func oauth2Token(_ request: AuthorizationRequest, at now: Date) async -> SandboxHTTPResponse {
        let client: SandboxCredentials.OAuth2Client
        switch self.client(of: request) {
        case .client(let authenticated): client = authenticated
        case .refused(let refusal): return refusal
        }
        switch request.value("grant_type") {
        case .value("authorization_code"):
            guard case .value(let code) = request.value("code") else { return TokenError.missing("code") }
            guard case .value(let redirectURI) = request.value("redirect_uri") else { return TokenError.missing("redirect_uri") }
            guard case .value(let verifier) = request.value("code_verifier") else { return TokenError.missing("code_verifier") }
            switch await state.redeem(code, clientID: client.clientID, redirectURI: redirectURI, verifier: verifier,
                                      at: now, accessLifetime: accessLifetime) {
            case .issued(let tokens): return tokenResponse(tokens)
            case .invalidCode: return TokenError.invalidCode
            case .redirectMismatch: return TokenError.redirectMismatch
            }
        case .value("refresh_token"):
            guard case .value(let refreshToken) = request.value("refresh_token") else { return TokenError.missing("refresh_token") }
            guard let tokens = await state.refresh(refreshToken, clientID: client.clientID, at: now,
                                                   accessLifetime: accessLifetime)
            else { return TokenError.invalidToken }
            return tokenResponse(tokens)
        case .missing:
            return TokenError.missing("grant_type")
        default:
            return TokenError.refusal(OAuthErrorResponse.Code.unsupportedGrantType, "Value passed for grant_type was invalid.")
        }
    }

    /// `POST /2/oauth2/revoke`: revokes the grant of an access or refresh token (unknown
    /// tokens succeed too, as RFC 7009 says).
    func oauth2Revoke(_ request: AuthorizationRequest) async -> SandboxHTTPResponse {
        let client: SandboxCredentials.OAuth2Client
        switch self.client(of: request) {
        case .client(let authenticated): client = authenticated
        case .refused(let refusal): return refusal
        }
        guard case .value(let token) = request.value("token") else { return TokenError.missing("token") }
        await state.revoke(token, clientID: client.clientID)
        return .jsonObject(["revoked": true])
    }

    private func tokenResponse(_ tokens: SandboxAuthorizationState.IssuedTokens) -> SandboxHTTPResponse {
        var object: [String: Any] = [
            "token_type": "bearer",
            "expires_in": Int(accessLifetime),
            "access_token": tokens.accessToken,
            "scope": tokens.scopes.sorted().joined(separator: " "),
        ]
        if let refresh = tokens.refreshToken { object["refresh_token"] = refresh }
        return .jsonObject(object)
    }
}

