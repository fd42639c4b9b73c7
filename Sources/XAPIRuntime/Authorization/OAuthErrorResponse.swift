import Foundation

/// What an authorization server said when it refused: an OAuth 2.0 error (RFC 6749, 4.1.2.1
/// and 5.2) such as `{"error":"invalid_request","error_description":"…"}`, a redirect's
/// `error=access_denied`, or one of X's older `{"errors":[{"code":32,"message":"…"}]}` from
/// the OAuth 1.0a and App-only endpoints.
///
/// ```swift
/// do {
///     token = try await authorizer.finishAuthorization(redirect: callbackURL, pending: pending)
/// } catch let error as XAPIError where error.code == .authorizationDenied {
///     print(error.oauthError?.error)   // "access_denied"
/// }
/// ```
///
/// Its texts come from the server and never contain a token or secret the runtime knows.
public struct OAuthErrorResponse: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The OAuth 2.0 `error` code, e.g. `invalid_request`, `invalid_grant`, `access_denied`,
    /// or the `label` of one of X's older errors (`authenticity_token_error`).
    public var error: String?
    /// `error_description`, or the `message` of one of X's older errors.
    public var errorDescription: String?
    /// `error_uri`.
    public var errorURI: String?
    /// The numeric `code` of one of X's older errors, such as 32 ("Could not authenticate
    /// you."), 89 ("Invalid or expired token."), 99 or 415.
    public var legacyCode: Int?

    /// Creates an error response.
    public init(error: String?, errorDescription: String? = nil, errorURI: String? = nil, legacyCode: Int? = nil) {
        self.error = error
        self.errorDescription = errorDescription
        self.errorURI = errorURI
        self.legacyCode = legacyCode
    }

    enum CodingKeys: String, CodingKey {
        case error
        case errorDescription = "error_description"
        case errorURI = "error_uri"
        case legacyCode = "legacy_code"
    }

    /// The RFC 6749 codes, with their meaning.
    public enum Code {
        /// A parameter is missing, invalid or repeated (X also answers it for a spent code or
        /// refresh token).
        public static let invalidRequest = "invalid_request"
        /// The client is not allowed this grant (X: a confidential client's missing or wrong
        /// credentials).
        public static let unauthorizedClient = "unauthorized_client"
        /// The user (or the server) refused.
        public static let accessDenied = "access_denied"
        /// The server does not issue codes this way.
        public static let unsupportedResponseType = "unsupported_response_type"
        /// A requested scope is unknown or not allowed.
        public static let invalidScope = "invalid_scope"
        /// The server failed.
        public static let serverError = "server_error"
        /// The server is overloaded or in maintenance.
        public static let temporarilyUnavailable = "temporarily_unavailable"
        /// Client authentication failed.
        public static let invalidClient = "invalid_client"
        /// The code or refresh token is invalid, expired, revoked or was issued to another
        /// client.
        public static let invalidGrant = "invalid_grant"
        /// The grant type is not supported.
        public static let unsupportedGrantType = "unsupported_grant_type"
    }

    /// `error: description`, or whichever of them was sent.
    public var description: String {
        var parts: [String] = []
        if let legacyCode { parts.append("code \(legacyCode)") }
        if let error { parts.append(error) }
        let head = parts.joined(separator: " ")
        switch (head.isEmpty, errorDescription) {
        case (false, let text?): return "\(head): \(text)"
        case (false, nil): return head
        case (true, let text?): return text
        case (true, nil): return "unknown error"
        }
    }
}
