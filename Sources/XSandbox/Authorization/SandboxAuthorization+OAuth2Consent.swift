import Foundation
import XFollows

extension SandboxAuthorization {
    /// `GET /i/oauth2/authorize` shows the consent page; `POST` records the decision and
    /// redirects back with `code` and `state`, or `error=access_denied`.
    ///
    /// As RFC 6749 (4.1.2.1) requires, an unknown `client_id` or a `redirect_uri` that is not
    /// approved gets an error page (the redirect cannot be trusted); every other problem is
    /// redirected back as `error=…`.
    func oauth2Consent(_ request: AuthorizationRequest, directory: SandboxDirectory, at now: Date) async -> SandboxHTTPResponse {
        guard case .value(let clientID) = request.value("client_id"),
              let client = credentials.oauth2Clients.first(where: { $0.clientID == clientID })
        else {
            return .html(AuthorizationPage.message(
                "Something went wrong", "The client_id is missing or unknown, so this App cannot be authorized."), status: 400)
        }
        guard case .value(let redirectURI) = request.value("redirect_uri"), isApprovedCallback(redirectURI) else {
            return .html(AuthorizationPage.message(
                "Something went wrong", "The redirect_uri is missing or is not one of the App's callback URLs."), status: 400)
        }
        let stateValue = request.value("state").string
        func refuse(_ error: String, _ description: String?) -> SandboxHTTPResponse {
            var parameters: [(name: String, value: String)] = [("error", error)]
            if let description { parameters.append(("error_description", description)) }
            if let stateValue { parameters.append(("state", stateValue)) }
            return .redirect(to: Self.url(redirectURI, adding: parameters))
        }
        let names = ["response_type", "scope", "state", "code_challenge", "code_challenge_method"]
        if let repeated = names.first(where: { request.value($0) == .repeated }) {
            return refuse(OAuthErrorResponse.Code.invalidRequest, "Duplicate parameter [\(repeated)].")
        }
        guard case .value(let responseType) = request.value("response_type") else {
            return refuse(OAuthErrorResponse.Code.invalidRequest, "Missing required parameter [response_type].")
        }
        guard responseType == "code" else {
            return refuse(OAuthErrorResponse.Code.unsupportedResponseType, "Only response_type=code is supported.")
        }
        guard let stateValue else {
            return refuse(OAuthErrorResponse.Code.invalidRequest, "Missing required parameter [state].")
        }
        guard case .value(let scopeText) = request.value("scope") else {
            return refuse(OAuthErrorResponse.Code.invalidRequest, "Missing required parameter [scope].")
        }
        let scopes = Set(scopeText.split(separator: " ").map(String.init))
        let unknown = scopes.subtracting(SandboxCredentials.allFollowsScopes)
        guard unknown.isEmpty, !scopes.isEmpty else {
            return refuse(OAuthErrorResponse.Code.invalidScope, "Unknown scope [\(unknown.sorted().joined(separator: " "))].")
        }
        guard case .value(let challenge) = request.value("code_challenge") else {
            return refuse(OAuthErrorResponse.Code.invalidRequest, "Missing required parameter [code_challenge].")
        }
        let method = request.value("code_challenge_method").string ?? "plain"
        guard method == "S256" || method == "plain" else {
            return refuse(OAuthErrorResponse.Code.invalidRequest, "Value passed for code_challenge_method was invalid.")
        }

        let accounts = accounts(in: directory)
        guard request.method == "POST" else {
            return .html(AuthorizationPage.consent(
                title: "Authorize \(client.name)", appName: client.name, permissions: scopes.sorted(), accounts: accounts,
                action: SandboxAuthorizationPaths.oauth2Authorize,
                hidden: [("response_type", responseType), ("client_id", clientID), ("redirect_uri", redirectURI),
                         ("scope", scopeText), ("state", stateValue), ("code_challenge", challenge),
                         ("code_challenge_method", method)]))
        }
        switch request.value("decision").string {
        case "deny":
            return refuse(OAuthErrorResponse.Code.accessDenied, nil)
        case "approve":
            guard let userID = request.value("user_id").string, accounts.contains(where: { $0.id == userID }) else {
                return .html(AuthorizationPage.message("Something went wrong", "Choose one of the accounts offered."), status: 400)
            }
            let code = await state.issueCode(SandboxAuthorizationState.AuthorizationCode(
                clientID: clientID, redirectURI: redirectURI, scopes: scopes, userID: userID, challenge: challenge,
                challengeMethod: method, expiresAt: now.addingTimeInterval(Self.codeLifetime)), at: now)
            return .redirect(to: Self.url(redirectURI, adding: [("state", stateValue), ("code", code)]))
        default:
            return .html(AuthorizationPage.message("Something went wrong", "Authorize the App or cancel."), status: 400)
        }
    }
}
