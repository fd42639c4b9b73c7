extension XAPIError {
    /// The kinds of failure.
    public enum Code: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// The server answered with an error status (other than 429); see ``XAPIError/problem``.
        case http
        /// The server answered 429 for a rate limit or daily cap: with ``XAPIError/retryAfter``
        /// when a limit it reports is exhausted until then; without, when none is (waiting for a
        /// reset would not help).
        case rateLimited
        /// X answered 429 `usage-capped`: a usage cap of the App's plan (a monthly cap, say) is
        /// reached. It is not a rate limit: its rate-limit headers are not exhausted, and waiting
        /// for their reset only repeats it. See ``XAPIError/usageCap``.
        case usageCapped
        /// X answered 402 `credits-depleted`: the account's prepaid credits are spent. Nothing
        /// works until credits are added in the Developer Console; never retried.
        case creditsDepleted
        /// X answered 403 `client-forbidden`: the App's plan does not include the operation
        /// (since 2026-04-20 following is part of no self-serve plan). See
        /// ``XAPIError/problem`` for X's `reason` and `required_enrollment`; never retried.
        case clientForbidden
        /// An argument breaks the spec's constraints; nothing was sent.
        case invalidArgument
        /// A 2xx JSON body does not match the expected type; see ``XAPIError/decodingPath``.
        case decoding
        /// A 2xx body is not JSON at all: empty, truncated, HTML, or another content type.
        case malformedResponse
        /// The request could not be sent or the response not received.
        case transport
        /// A request that changes something, and that X charges or counts under a daily cap
        /// each time it is sent (a follow, an unfollow), got no clear answer: the connection
        /// failed, X answered 5xx (or 408: a transport may resend a request on its own after a
        /// connection dies, and lose its body), or its 2xx body was cut off. It may or may not have taken
        /// effect, so it was not sent again (``OperationDescriptor/isResendable``); look the
        /// outcome up before sending it again, then settle ``XAPIError/lostAction``: its
        /// daily-cap slot and worst-case price stay reserved until then, since X may have
        /// counted and charged it. ``XAPIError/underlyingError`` holds the failure;
        /// ``XAPIError/status`` the 5xx, if one came.
        case outcomeUnknown
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
        /// The request's worst-case cost would pass the configured ``SpendBudget``; nothing was
        /// sent. See ``XAPIError/budget``.
        case budgetExceeded
        /// The spend ledger's storage failed.
        case spendLedgerStorage
        /// The shared store of an OAuth 2.0 token (``OAuth2TokenStore``) could not be read,
        /// locked or written; the session keeps the token it had.
        case tokenStorage
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
