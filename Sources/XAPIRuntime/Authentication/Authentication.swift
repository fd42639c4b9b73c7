import Foundation
import HTTPTypes

/// How a request is authenticated, as X names its methods.
public enum AuthenticationMethod: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// OAuth 1.0a User Context: the App's key and secret with a user's access token and secret.
    case oauth1UserContext
    /// OAuth 2.0 Authorization Code with PKCE: a user's bearer access token.
    case oauth2UserContext
    /// OAuth 2.0 App-only: the App's bearer token; it cannot act on behalf of a user.
    case appOnly

    /// X's name for the method, e.g. `OAuth 1.0a User Context`.
    public var description: String {
        switch self {
        case .oauth1UserContext: "OAuth 1.0a User Context"
        case .oauth2UserContext: "OAuth 2.0 User Context"
        case .appOnly: "OAuth 2.0 App-only"
        }
    }
}

/// The per-attempt values a signature needs: every attempt (including a retry) gets new ones.
public struct SigningContext: Sendable, Hashable {
    /// The moment of signing; OAuth 1.0a sends it as `oauth_timestamp` (whole seconds).
    public var timestamp: Date
    /// A value never used before with the same timestamp (`oauth_nonce`).
    public var nonce: String

    /// Creates a signing context.
    public init(timestamp: Date, nonce: String) {
        self.timestamp = timestamp
        self.nonce = nonce
    }

    /// A fresh context: the given time and 32 random alphanumeric characters as the nonce.
    public static func fresh(at timestamp: Date) -> SigningContext {
        SigningContext(timestamp: timestamp, nonce: NonceGenerator.makeNonce())
    }
}

/// Credentials a client authenticates its requests with.
///
/// Conforming types are values whose `description` and `debugDescription` never contain a
/// secret, so printing or logging them is safe:
///
/// ```swift
/// let credentials = UserCredentials.oauth2(accessToken: token, userID: "6253282")
/// print(credentials)   // OAuth2UserToken(userID: 6253282, scopes: unknown, accessToken: <redacted>)
/// ```
///
/// Credentials that change over time (an ``OAuth2Session``) hand the client a current copy
/// for each attempt through ``credentialsForSigning()``, and may renew themselves after a 401
/// through ``renew(afterRejecting:)``:
///
/// ```swift
/// let client = UserClient(credentials: .oauth2Session(session), configuration: configuration)
/// ```
public protocol Authentication: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The authentication method these credentials use.
    var method: AuthenticationMethod { get }

    /// The ID of the user these credentials act for, or `nil` for App-only credentials (or an
    /// OAuth 1.0a access token without a numeric prefix).
    var userID: String? { get }

    /// The OAuth 2.0 scopes granted to the token, or `nil` when they are unknown or the method
    /// has no scopes. The client refuses an operation whose required scopes are known to be
    /// missing before sending anything.
    var grantedScopes: Set<OAuth2Scope>? { get }

    /// Adds the `Authorization` header to a request right before it is sent.
    ///
    /// - Parameters:
    ///   - request: The request to sign; its `path` is relative to `baseURL`.
    ///   - baseURL: The server URL the transport combines with the request's path.
    ///   - signing: The timestamp and nonce of this attempt.
    func authorize(_ request: inout HTTPRequest, baseURL: URL, signing: SigningContext) throws

    /// Authenticates a request of one operation right before it is sent. Credentials whose
    /// schemes depend on the operation (``SchemeCredentials``: API keys, HTTP Basic) read its
    /// ``OperationDescriptor/schemeSecurity``; the others sign as
    /// ``authorize(_:baseURL:signing:)`` does, which is the default.
    func authorize(_ request: inout HTTPRequest, baseURL: URL, signing: SigningContext, for operation: OperationDescriptor) throws

    /// The credentials to sign one attempt with, resolved right before it is sent: fixed
    /// credentials return themselves; an OAuth 2.0 session returns its current token,
    /// refreshed first when it expires soon (one refresh however many requests wait for it).
    ///
    /// - Throws: ``XAPIError`` (``XAPIError/Code/reauthorizationRequired`` when the session's
    ///   authorization is gone, or what refreshing failed with).
    func credentialsForSigning() async throws -> Self

    /// Called once when the server answered 401 to a request signed with `rejected`; returns
    /// whether sending it again may succeed (a session refreshed its token, or another request
    /// already did). Fixed credentials return `false`.
    ///
    /// - Throws: ``XAPIError`` with ``XAPIError/Code/reauthorizationRequired`` when the
    ///   authorization is gone (a refused or missing refresh token).
    func renew(afterRejecting rejected: Self) async throws -> Bool
}

extension Authentication {
    /// No scopes are known unless a conforming type says otherwise.
    public var grantedScopes: Set<OAuth2Scope>? { nil }

    /// Signs as ``authorize(_:baseURL:signing:)``, whatever the operation.
    public func authorize(
        _ request: inout HTTPRequest, baseURL: URL, signing: SigningContext, for operation: OperationDescriptor
    ) throws {
        try authorize(&request, baseURL: baseURL, signing: signing)
    }

    /// Fixed credentials sign with themselves.
    public func credentialsForSigning() async throws -> Self { self }

    /// Fixed credentials cannot be renewed: a 401 stands.
    public func renew(afterRejecting rejected: Self) async throws -> Bool { false }
}
