extension XAPIError {
    /// The kinds of failure.
    public enum Code: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// The server answered with an error status (other than 429); see ``XAPIError/problem``.
        case http
        /// The server answered 429: a rate limit or daily cap is exhausted until
        /// ``XAPIError/retryAfter``.
        case rateLimited
        /// An argument breaks the spec's constraints; nothing was sent.
        case invalidArgument
        /// A 2xx JSON body does not match the expected type; see ``XAPIError/decodingPath``.
        case decoding
        /// A 2xx body is not JSON at all: empty, truncated, HTML, or another content type.
        case malformedResponse
        /// The request could not be sent or the response not received.
        case transport
        /// The credentials' method or OAuth 2.0 scopes are not accepted by the operation;
        /// nothing was sent.
        case authentication
        /// A user parameter names a user other than the authenticated one; nothing was sent.
        case authenticatedUserMismatch
        /// The operation needs the authenticated user's ID and the credentials do not tell it;
        /// nothing was sent.
        case unknownAuthenticatedUser
        /// A pagination token came back a second time; the walk stops instead of looping.
        case repeatedPaginationToken
        /// The local daily-cap ledger has no slot left; nothing was sent.
        case dailyCapExhausted
        /// The daily-cap ledger's storage failed; nothing was sent.
        case dailyCapStorage
        /// The user (or the authorization server) refused to authorize the App: the redirect
        /// carried `error=access_denied` or another RFC 6749 error (OAuth 1.0a: `denied=`); see
        /// ``XAPIError/oauthError``.
        case authorizationDenied
        /// A redirect does not belong to the authorization in progress: its `state` (OAuth 1.0a:
        /// `oauth_token`) is missing, repeated or different, so it may be forged. Nothing was sent.
        case authorizationStateMismatch
        /// The authorization is gone and the user must authorize the App again: the refresh
        /// token was revoked, rotated away or refused (`invalid_grant`), the session was
        /// revoked, or the access token expired without a refresh token.
        case reauthorizationRequired

        /// The code's name, e.g. `rateLimited`.
        public var description: String { rawValue }
    }
}
