import Foundation
import XFollows

extension SandboxAuthorization {
    /// X's OAuth 1.0a refusals, with its shapes: JSON errors with X's codes, or plain text.
    enum OAuth1Error {
        static let couldNotAuthenticate = SandboxHTTPResponse.jsonObject(
            ["errors": [["code": 32, "message": "Could not authenticate you."]]], status: 401)
        static let callbackNotApproved = SandboxHTTPResponse.jsonObject(
            ["errors": [["code": 415, "message": "Callback URL not approved for this client application. "
                + "Approved callback URLs can be adjusted in your application settings"]]], status: 403)
        static let invalidToken = SandboxHTTPResponse.jsonObject(
            ["errors": [["code": 89, "message": "Invalid or expired token."]]], status: 401)
        static let invalidVerifier = SandboxHTTPResponse.text(
            "Error processing your OAuth request: Invalid oauth_verifier parameter", status: 401)
    }

    /// `POST /oauth/request_token`: signed with the App's key alone, with `oauth_callback` (an
    /// approved callback URL, or `oob`). Answers `oauth_token=…&oauth_token_secret=…&oauth_callback_confirmed=true`.
    func oauth1RequestToken(_ request: AuthorizationRequest, at now: Date) async -> SandboxHTTPResponse {
        guard case .success(let header) = await checkSigned(request, requiresToken: false, tokenSecret: nil, at: now) else {
            return OAuth1Error.couldNotAuthenticate
        }
        guard let callback = header.additionalParameters["oauth_callback"] ?? request.value("oauth_callback").string else {
            return OAuth1Error.couldNotAuthenticate
        }
        guard callback == "oob" || isApprovedCallback(callback) else { return OAuth1Error.callbackNotApproved }
        let (token, secret) = await state.issueRequestToken(callback: callback, at: now, lifetime: Self.requestTokenLifetime)
        return .text(FormEncoding.encode([("oauth_token", token), ("oauth_token_secret", secret),
                                            ("oauth_callback_confirmed", "true")]),
                     contentType: "text/html; charset=utf-8")
    }

    /// `GET /oauth/authorize?oauth_token=…` shows the consent page; `POST` records the
    /// decision: back to the callback with `oauth_token` and `oauth_verifier` (or `denied`), or
    /// for `oob` a page with the PIN.
    func oauth1Consent(_ request: AuthorizationRequest, directory: SandboxDirectory, at now: Date) async -> SandboxHTTPResponse {
        guard case .value(let token) = request.value("oauth_token"), let pending = await state.requestToken(token, at: now) else {
            return .html(AuthorizationPage.message(
                "This page is no longer valid", "The request token is missing, unknown, expired or already used."), status: 400)
        }
        let accounts = accounts(in: directory)
        let appName = "XFollows demo App"
        guard request.method == "POST" else {
            return .html(AuthorizationPage.consent(
                title: "Authorize \(appName)", appName: appName,
                permissions: ["Read and write: look up, follow and unfollow accounts for you"],
                accounts: accounts, action: SandboxAuthorizationPaths.oauth1Authorize, hidden: [("oauth_token", token)]))
        }
        switch request.value("decision").string {
        case "deny":
            _ = await state.decide(token, userID: nil, at: now)
            guard pending.callback != "oob" else {
                return .html(AuthorizationPage.message("Not authorized", "You did not authorize \(appName)."))
            }
            return .redirect(to: Self.url(pending.callback, adding: [("denied", token)]))
        case "approve":
            guard let userID = request.value("user_id").string, accounts.contains(where: { $0.id == userID }) else {
                return .html(AuthorizationPage.message("Something went wrong", "Choose one of the accounts offered."), status: 400)
            }
            guard let decided = await state.decide(token, userID: userID, at: now), let verifier = decided.verifier else {
                return .html(AuthorizationPage.message("This page is no longer valid", "The request token was already used."),
                             status: 400)
            }
            guard decided.callback != "oob" else { return .html(AuthorizationPage.pin(verifier, appName: appName)) }
            return .redirect(to: Self.url(decided.callback, adding: [("oauth_token", token), ("oauth_verifier", verifier)]))
        default:
            return .html(AuthorizationPage.message("Something went wrong", "Authorize the App or cancel."), status: 400)
        }
    }

    /// `POST /oauth/access_token`: signed with the request token, carrying `oauth_verifier`
    /// (in the header, the query or the form). Answers the user's access token, secret,
    /// `user_id` and `screen_name` (the same token each time for the same user, as X does).
    func oauth1AccessToken(_ request: AuthorizationRequest, directory: SandboxDirectory, at now: Date) async -> SandboxHTTPResponse {
        let token = request.authorization.flatMap { try? OAuth1AuthorizationHeader(parsing: $0) }?.token
            ?? request.value("oauth_token").string
        guard let token, let pending = await state.requestToken(token, at: now) else { return OAuth1Error.invalidToken }
        guard case .success(let header) = await checkSigned(request, requiresToken: true, tokenSecret: (token, pending.secret), at: now)
        else { return OAuth1Error.couldNotAuthenticate }
        guard let verifier = header.additionalParameters["oauth_verifier"] ?? request.value("oauth_verifier").string else {
            return OAuth1Error.invalidVerifier
        }
        let userID: String
        switch await state.redeemRequestToken(token, verifier: verifier, at: now) {
        case .success(let user): userID = user
        case .failure(.invalidToken): return OAuth1Error.invalidToken
        case .failure(.invalidVerifier): return OAuth1Error.invalidVerifier
        }
        guard let access = credentials.accessTokens.first(where: { $0.userID == userID }) else { return OAuth1Error.invalidToken }
        let screenName = UInt64(userID).flatMap { directory.user(withID: $0) }?.username ?? ""
        return .text(FormEncoding.encode([("oauth_token", access.accessToken), ("oauth_token_secret", access.accessTokenSecret),
                                            ("user_id", userID), ("screen_name", screenName)]),
                     contentType: "text/html; charset=utf-8")
    }

    /// Checks a token request's signature (over its form parameters too), timestamp and nonce.
    func checkSigned(
        _ request: AuthorizationRequest, requiresToken: Bool, tokenSecret: (token: String, secret: String)?, at now: Date
    ) async -> Result<OAuth1AuthorizationHeader, OAuth1Verifier.Failure> {
        guard let authorization = request.authorization, let url = request.url else { return .failure(.missingToken) }
        let checked = verifier.checkSignature(
            method: request.method, url: url, authorization: authorization, formParameters: request.form,
            requiresToken: requiresToken, at: now, tokenSecret: { $0 == tokenSecret?.token ? tokenSecret?.secret : nil })
        guard case .success(let header) = checked else { return checked }
        guard await state.registerNonce(header.nonce, consumerKey: header.consumerKey, token: header.token, at: now) else {
            return .failure(.reusedNonce)
        }
        return .success(header)
    }
}
