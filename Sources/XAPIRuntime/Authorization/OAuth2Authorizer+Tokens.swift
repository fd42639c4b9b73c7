import Foundation
import HTTPTypes

extension OAuth2Authorizer {
    /// The hint sent with a token to revoke (RFC 7009, 2.1).
    public enum TokenTypeHint: String, Sendable, Hashable {
        /// An access token.
        case accessToken = "access_token"
        /// A refresh token.
        case refreshToken = "refresh_token"
    }

    /// Exchanges an authorization code for tokens (`grant_type=authorization_code` with the
    /// pending authorization's redirect URI and PKCE verifier). The expiry is computed from
    /// `expires_in` once, now.
    ///
    /// - Throws: ``XAPIError``: ``XAPIError/Code/http`` with X's ``XAPIError/oauthError`` when
    ///   the endpoint refuses (a spent, expired or unknown code, a wrong verifier or redirect
    ///   URI: `invalid_request`; a wrong client secret: `unauthorized_client`);
    ///   ``XAPIError/Code/decoding`` or ``XAPIError/Code/malformedResponse`` for an answer that is
    ///   not a token; ``XAPIError/Code/transport``.
    public func exchange(code: String, pending: OAuth2PendingAuthorization) async throws -> OAuth2UserToken {
        let sender = tokenExchange("oauth2Token", extraSecrets: [code, pending.codeVerifier])
        let response = try await sender.post(endpoints.tokenURL, form: clientForm([
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", pending.redirectURI.absoluteString),
            ("code_verifier", pending.codeVerifier),
        ]), headers: clientHeaders)
        guard (200..<300).contains(response.status) else {
            throw sender.failure(response, context: "The authorization code could not be exchanged for tokens.")
        }
        return try token(from: response, sender: sender, requested: pending.scopes, previous: nil)
    }

    /// Exchanges the token's refresh token for new tokens (`grant_type=refresh_token`). X
    /// rotates refresh tokens: the old one stops working, so store the returned token.
    ///
    /// Prefer an ``OAuth2Session``, which refreshes when needed, once for any number of
    /// concurrent requests, and hands each new token to its persistence hook.
    ///
    /// - Throws: ``XAPIError``: ``XAPIError/Code/reauthorizationRequired`` when there is no
    ///   refresh token (nothing is sent) or the endpoint refuses it (`invalid_grant`, or X's
    ///   400 `invalid_request` "Value passed for the token was invalid."); ``XAPIError/Code/http``
    ///   for other refusals (a wrong client secret); decoding and transport errors.
    public func refresh(_ token: OAuth2UserToken) async throws -> OAuth2UserToken {
        guard let refreshToken = token.refreshToken else {
            throw XAPIError(code: .reauthorizationRequired, operationID: "oauth2Token",
                            message: "The token has no refresh token (authorize with offline.access to get one); "
                                + "the user must authorize the App again.")
        }
        let sender = tokenExchange("oauth2Token", extraSecrets: [refreshToken, token.accessToken])
        let response = try await sender.post(endpoints.refreshURL, form: clientForm([
            ("grant_type", "refresh_token"),
            ("refresh_token", refreshToken),
        ]), headers: clientHeaders)
        guard (200..<300).contains(response.status) else {
            var error = sender.failure(response, context: "The refresh token could not be exchanged for new tokens.")
            let refusal = error.oauthError?.error
            if response.status == 400,
               refusal == OAuthErrorResponse.Code.invalidGrant || refusal == OAuthErrorResponse.Code.invalidRequest
            {
                error.code = .reauthorizationRequired
                error.message += " The refresh token is no longer valid (revoked, expired or already used); "
                    + "the user must authorize the App again."
            }
            throw error
        }
        return try self.token(from: response, sender: sender, requested: token.scopes, previous: token)
    }

    /// Revokes a token (RFC 7009; X's `POST /2/oauth2/revoke`). Revoking an unknown or already
    /// revoked token succeeds, as the RFC says.
    ///
    /// - Throws: ``XAPIError``: ``XAPIError/Code/invalidArgument`` when the endpoints have no
    ///   revocation URL; ``XAPIError/Code/http`` when the endpoint refuses; transport errors.
    public func revoke(_ token: String, hint: TokenTypeHint) async throws {
        guard let url = endpoints.revocationURL else {
            throw XAPIError(code: .invalidArgument, operationID: "oauth2Revoke",
                            message: "The OAuth 2.0 endpoints have no revocation URL.")
        }
        let sender = tokenExchange("oauth2Revoke", extraSecrets: [token])
        let response = try await sender.post(url, form: clientForm([
            ("token", token),
            ("token_type_hint", hint.rawValue),
        ]), headers: clientHeaders)
        guard (200..<300).contains(response.status) else {
            throw sender.failure(response, context: "The token could not be revoked.")
        }
    }

    /// A session keeping `token` fresh with this authorizer; see ``OAuth2Session``.
    public func session(
        token: OAuth2UserToken,
        refreshMargin: Duration = OAuth2Session.defaultRefreshMargin,
        onChange: (@Sendable (OAuth2UserToken?) async -> Void)? = nil,
        reload: (@Sendable () async -> OAuth2UserToken?)? = nil
    ) -> OAuth2Session {
        OAuth2Session(token: token, authorizer: self, refreshMargin: refreshMargin, onChange: onChange, reload: reload)
    }

    /// A session for the token in a store shared with other workers (``OAuth2TokenStore``):
    /// it refreshes under the store's lock, so one refresh request is sent per expiry however
    /// many processes or machines share the token. `nil` when the store holds no token.
    ///
    /// ```swift
    /// guard let session = try await authorizer.session(store: store) else { /* log in */ }
    /// let client = UserClient(credentials: .oauth2Session(session), configuration: configuration)
    /// ```
    ///
    /// - Throws: ``OAuth2TokenStoreError`` (or the store's own error) when the store cannot
    ///   be read.
    public func session(
        store: any OAuth2TokenStore,
        refreshMargin: Duration = OAuth2Session.defaultRefreshMargin,
        onChange: (@Sendable (OAuth2UserToken?) async -> Void)? = nil
    ) async throws -> OAuth2Session? {
        guard let token = try await store.load() else { return nil }
        return OAuth2Session(token: token, authorizer: self, store: store, refreshMargin: refreshMargin, onChange: onChange)
    }

    // MARK: Client authentication

    /// A public client names itself in the form (`client_id`); a confidential one
    /// authenticates with HTTP Basic instead (RFC 6749, 2.3.1 and 4.1.3).
    private func clientForm(_ parameters: [(name: String, value: String)]) -> [(name: String, value: String)] {
        isConfidential ? parameters : parameters + [("client_id", clientID)]
    }

    private var clientHeaders: HTTPFields {
        guard let clientSecret else { return [:] }
        return [.authorization: FormEncoding.basicAuthorization(user: clientID, password: clientSecret)]
    }

    private func tokenExchange(_ operationID: String, extraSecrets: [String]) -> AuthorizationExchange {
        AuthorizationExchange(configuration: configuration, operationID: operationID, secrets: secrets + extraSecrets)
    }

    private func token(
        from response: AuthorizationExchange.Response, sender: AuthorizationExchange,
        requested: Set<OAuth2Scope>?, previous: OAuth2UserToken?
    ) throws -> OAuth2UserToken {
        let receivedAt = configuration.clock.now()
        let answer: TokenEndpointResponse
        do {
            answer = try sender.decode(TokenEndpointResponse.self, from: response)
        } catch var error as XAPIError {
            // A token answer that does not decode may still hold tokens: show none of it.
            error.bodyExcerpt = error.bodyExcerpt == nil ? nil : "<withheld: a token endpoint's answer>"
            throw error
        }
        guard answer.tokenType.lowercased() == "bearer" else {
            throw XAPIError(code: .malformedResponse, operationID: sender.operationID,
                            message: "The token endpoint issued a \(answer.tokenType) token; only bearer tokens are supported.",
                            status: response.status)
        }
        return answer.token(receivedAt: receivedAt, requested: requested, previous: previous)
    }
}
