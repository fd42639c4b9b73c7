import Foundation
import XFollows

/// Verifies OAuth 1.0a User Context requests the way X does, with the runtime's own signing
/// code (`OAuth1Signature`, `OAuth1AuthorizationHeader`): one implementation signs on the
/// client and verifies here.
///
/// The signature is recomputed over the method, the URL the client used (scheme, host and
/// port from the `Host` header, path, query parameters) and the `oauth_*` parameters; a JSON
/// body is not signed. The consumer key and token must be known, the timestamp within
/// ``tolerance`` of the server's clock, and the nonce unused.
///
/// ```swift
/// let verifier = OAuth1Verifier(credentials: graph.credentials)
/// var nonces = NonceRegistry()
/// switch verifier.verify(method: "GET", url: url, authorization: header, at: now, nonces: &nonces) {
/// case .success(let identity): print(identity.userID)
/// case .failure(let failure): print(failure)   // e.g. "the signature does not match the request"
/// }
/// ```
public struct OAuth1Verifier: Sendable {
    /// A verified request's authenticated user.
    public struct Identity: Sendable, Hashable {
        /// The user whose access token signed the request.
        public var userID: String
        /// The App's consumer key.
        public var consumerKey: String
    }

    /// Why a request is refused (always answered 401 Unauthorized).
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The `Authorization` header is not a valid OAuth header.
        case malformedHeader(String)
        /// The signature method is not `HMAC-SHA1`, or the version is not `1.0`.
        case unsupportedSignatureMethod(String)
        /// No App has this consumer key.
        case unknownConsumerKey
        /// The header has no `oauth_token` (User Context needs one).
        case missingToken
        /// No user has this access token.
        case unknownToken
        /// `oauth_timestamp` is not a number of seconds.
        case invalidTimestamp
        /// The timestamp is further than the tolerance from the server's clock.
        case staleTimestamp(secondsOff: Int)
        /// The signature does not match the request (method, URL, query or keys differ).
        case invalidSignature
        /// The nonce was already used.
        case reusedNonce

        /// What went wrong, without any secret.
        public var description: String {
            switch self {
            case .malformedHeader(let reason): "the Authorization header is malformed: \(reason)"
            case .unsupportedSignatureMethod(let method): "the signature method \(method) is not supported (HMAC-SHA1, version 1.0)"
            case .unknownConsumerKey: "the consumer key is unknown"
            case .missingToken: "the request has no oauth_token"
            case .unknownToken: "the access token is unknown"
            case .invalidTimestamp: "oauth_timestamp is not a number of seconds"
            case .staleTimestamp(let seconds): "the timestamp is \(seconds) seconds away from the server's clock"
            case .invalidSignature: "the signature does not match the request"
            case .reusedNonce: "the nonce was already used"
            }
        }
    }

    private let consumerKey: String
    private let consumerSecret: String
    private let tokens: [String: SandboxCredentials.AccessToken]
    /// How far `oauth_timestamp` may be from the server's clock, in seconds (300 by default).
    public let tolerance: TimeInterval

    /// A verifier for the App and access tokens of `credentials`.
    public init(credentials: SandboxCredentials, tolerance: TimeInterval = 300) {
        self.consumerKey = credentials.consumerKey
        self.consumerSecret = credentials.consumerSecret
        self.tokens = Dictionary(credentials.accessTokens.map { ($0.accessToken, $0) }, uniquingKeysWith: { first, _ in first })
        self.tolerance = tolerance
    }

    /// Verifies a request and, when it is genuine, records its nonce.
    ///
    /// - Parameters:
    ///   - method: The HTTP method as received.
    ///   - url: The URL the client requested: scheme, `Host` header, path and query as received.
    ///   - authorization: The `Authorization` header value.
    ///   - now: The server's clock.
    ///   - nonces: The nonces seen so far; a genuine request's nonce is added.
    public func verify(
        method: String, url: URL, authorization: String, at now: Date, nonces: inout NonceRegistry
    ) -> Result<Identity, Failure> {
        let checked = checkSignature(
            method: method, url: url, authorization: authorization, at: now,
            tokenSecret: { tokens[$0]?.accessTokenSecret })
        switch checked {
        case .failure(let failure):
            return .failure(failure)
        case .success(let header):
            guard let tokenValue = header.token, let token = tokens[tokenValue] else { return .failure(.missingToken) }
            guard nonces.register(header.nonce, consumerKey: header.consumerKey, token: tokenValue, at: now) else {
                return .failure(.reusedNonce)
            }
            return .success(Identity(userID: token.userID, consumerKey: header.consumerKey))
        }
    }

    /// Checks everything about a signed request but its nonce: the header, the signature
    /// method, the consumer key, the signature (over the method, URL, `oauth_*` parameters and
    /// `formParameters`) and the timestamp. The caller records the nonce.
    ///
    /// - Parameters:
    ///   - method: The HTTP method as received.
    ///   - url: The URL the client requested: scheme, `Host` header, path and query as received.
    ///   - authorization: The `Authorization` header value.
    ///   - formParameters: The form-encoded body's parameters, which the signature covers.
    ///   - requiresToken: Whether the request must carry `oauth_token` (everything but the
    ///     request-token step).
    ///   - now: The server's clock.
    ///   - tokenSecret: The secret of a token, `nil` for an unknown token.
    /// - Returns: The parsed header of a genuine request.
    public func checkSignature(
        method: String, url: URL, authorization: String, formParameters: [(name: String, value: String)] = [],
        requiresToken: Bool = true, at now: Date, tokenSecret: (String) -> String?
    ) -> Result<OAuth1AuthorizationHeader, Failure> {
        let header: OAuth1AuthorizationHeader
        do {
            header = try OAuth1AuthorizationHeader(parsing: authorization)
        } catch {
            return .failure(.malformedHeader(error.reason))
        }
        guard header.signatureMethod == OAuth1Signature.signatureMethod, header.version == nil || header.version == "1.0" else {
            return .failure(.unsupportedSignatureMethod(header.signatureMethod))
        }
        guard header.consumerKey == consumerKey else { return .failure(.unknownConsumerKey) }
        var secret: String?
        if let tokenValue = header.token {
            guard let known = tokenSecret(tokenValue) else { return .failure(.unknownToken) }
            secret = known
        } else if requiresToken {
            return .failure(.missingToken)
        }

        let baseString = OAuth1Signature.baseString(
            method: method, url: url, protocolParameters: header.protocolParameters, additionalParameters: formParameters)
        let key = OAuth1Signature.signingKey(consumerSecret: consumerSecret, tokenSecret: secret)
        guard OAuth1Signature.isValidSignature(header.signature, baseString: baseString, signingKey: key) else {
            return .failure(.invalidSignature)
        }
        guard let seconds = Int64(header.timestamp) else { return .failure(.invalidTimestamp) }
        let offset = Double(seconds) - now.timeIntervalSince1970
        guard abs(offset) <= tolerance else {
            return .failure(.staleTimestamp(secondsOff: Int(offset.rounded())))
        }
        return .success(header)
    }
}
