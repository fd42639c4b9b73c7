import Foundation

extension OAuth2Authorizer {
    /// Finishes an authorization: reads the redirect the user came back with, then exchanges
    /// its code for tokens (``exchange(code:pending:)``).
    ///
    /// ```swift
    /// // GET /callback?state=…&code=…
    /// let token = try await authorizer.finishAuthorization(redirect: requestURL, pending: pending)
    /// ```
    ///
    /// - Throws: ``XAPIError``: ``XAPIError/Code/authorizationStateMismatch`` when the redirect's
    ///   `state` is missing, repeated or not the pending one (nothing is sent);
    ///   ``XAPIError/Code/authorizationDenied`` for `error=access_denied` and the other
    ///   RFC 6749 errors, with ``XAPIError/oauthError``; ``XAPIError/Code/invalidArgument`` when
    ///   it carries no code, or the pending authorization is another client's; the errors of
    ///   ``exchange(code:pending:)``.
    public func finishAuthorization(redirect: URL, pending: OAuth2PendingAuthorization) async throws -> OAuth2UserToken {
        let code = try authorizationCode(from: redirect, pending: pending)
        return try await exchange(code: code, pending: pending)
    }

    /// The authorization code of a redirect, once its `state` proves it answers `pending`
    /// (compared in constant time) and it carries no error.
    ///
    /// - Throws: ``XAPIError`` as ``finishAuthorization(redirect:pending:)`` does before sending.
    public func authorizationCode(from redirect: URL, pending: OAuth2PendingAuthorization) throws -> String {
        let operationID = "oauth2Authorize"
        guard pending.clientID == clientID else {
            throw XAPIError(code: .invalidArgument, operationID: operationID,
                            message: "The pending authorization is for client \(pending.clientID), not \(clientID).",
                            parameter: "pending")
        }
        var values: [String: [String]] = [:]
        for parameter in OAuth1Signature.queryParameters(of: redirect) {
            values[parameter.name, default: []].append(parameter.value)
        }
        let states = values["state"] ?? []
        guard states.count == 1, let state = states.first, ConstantTime.equals(state, pending.state) else {
            let what = states.isEmpty ? "The redirect carries no state"
                : states.count > 1 ? "The redirect repeats state"
                : "The redirect's state is not the one the authorization in progress sent"
            throw XAPIError(
                code: .authorizationStateMismatch, operationID: operationID,
                message: "\(what); it may be forged, so it was ignored and nothing was sent.",
                parameter: "state"
            )
        }
        if let error = values["error"]?.first {
            let said = OAuthErrorResponse(
                error: error, errorDescription: values["error_description"]?.first, errorURI: values["error_uri"]?.first)
            let reason = error == OAuthErrorResponse.Code.accessDenied
                ? "The user did not authorize the App." : "The authorization server refused the authorization."
            throw XAPIError(code: .authorizationDenied, operationID: operationID,
                            message: "\(reason) (\(said))", oauthError: said)
        }
        let codes = values["code"] ?? []
        guard codes.count == 1, let code = codes.first, !code.isEmpty else {
            throw XAPIError(code: .invalidArgument, operationID: operationID,
                            message: codes.count > 1 ? "The redirect repeats code." : "The redirect carries neither a code nor an error.",
                            parameter: "code")
        }
        return code
    }
}
