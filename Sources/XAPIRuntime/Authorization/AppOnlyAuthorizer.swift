import Foundation
import HTTPTypes

/// Turns an App's API key and secret into an App-only bearer token
/// (`POST oauth2/token` with `grant_type=client_credentials`), and invalidates one.
///
/// ```swift
/// let authorizer = AppOnlyAuthorizer(apiKey: apiKey, apiSecret: apiSecret,
///                                    endpoints: endpoints, configuration: configuration)
/// let bearer = try await authorizer.bearerToken()
/// let client = AppOnlyClient(credentials: bearer, configuration: configuration)
/// // … and when it leaked:
/// try await authorizer.invalidate(bearer)
/// ```
///
/// X's reference page for invalidation asks for an OAuth 1.0a signature with the App owner's
/// access token; ``invalidate(_:ownerAccessToken:ownerAccessTokenSecret:)`` sends that, and
/// ``invalidate(_:)`` HTTP Basic as the token request does.
///
/// The key and secret travel as HTTP Basic credentials, each RFC 3986-encoded first, as X
/// asks. X keeps one bearer token per App: asking again returns the same one until it is
/// invalidated. The secret and tokens are never printed.
public struct AppOnlyAuthorizer: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The App's API key (consumer key).
    public var apiKey: String
    /// The App's API key secret. Never printed.
    public var apiSecret: String
    /// The token and invalidation URLs.
    public var endpoints: AppOnlyEndpoints
    /// Transport, middlewares, clock and logger.
    public var configuration: ClientConfiguration

    /// Creates an authorizer for the App with this key and secret.
    public init(
        apiKey: String, apiSecret: String, endpoints: AppOnlyEndpoints,
        configuration: ClientConfiguration = ClientConfiguration()
    ) {
        self.apiKey = apiKey
        self.apiSecret = apiSecret
        self.endpoints = endpoints
        self.configuration = configuration
    }

    /// Obtains the App's bearer token.
    ///
    /// - Throws: ``XAPIError``: ``XAPIError/Code/http`` when X refuses (wrong key or secret:
    ///   403, code 99), with ``XAPIError/oauthError``; ``XAPIError/Code/malformedResponse`` or
    ///   ``XAPIError/Code/decoding`` when the answer is not a bearer token; transport errors.
    public func bearerToken() async throws -> AppOnlyCredentials {
        let sender = exchange("appOnlyToken", secrets: [])
        let response = try await sender.post(endpoints.tokenURL, form: [("grant_type", "client_credentials")],
                                             headers: basicHeaders)
        guard (200..<300).contains(response.status) else {
            throw sender.failure(response, context: "The App-only bearer token could not be obtained.")
        }
        let answer: BearerAnswer
        do {
            answer = try sender.decode(BearerAnswer.self, from: response)
        } catch var error as XAPIError {
            error.bodyExcerpt = error.bodyExcerpt == nil ? nil : "<withheld: a token endpoint's answer>"
            throw error
        }
        guard answer.tokenType?.lowercased() == "bearer" else {
            throw XAPIError(code: .malformedResponse, operationID: sender.operationID,
                            message: "The token endpoint did not issue a bearer token.", status: response.status)
        }
        return AppOnlyCredentials(bearerToken: answer.accessToken)
    }

    /// Invalidates a bearer token: requests with it fail from then on, and the next
    /// ``bearerToken()`` returns a new one.
    ///
    /// - Throws: ``XAPIError``: ``XAPIError/Code/http`` when X refuses (an unknown token, wrong
    ///   key or secret); transport errors.
    public func invalidate(_ credentials: AppOnlyCredentials) async throws {
        let sender = exchange("appOnlyInvalidateToken", secrets: [credentials.bearerToken])
        let response = try await sender.post(endpoints.invalidationURL, form: [("access_token", credentials.bearerToken)],
                                             headers: basicHeaders)
        guard (200..<300).contains(response.status) else {
            throw sender.failure(response, context: "The bearer token could not be invalidated.")
        }
    }

    /// Invalidates a bearer token the way X's reference page for `POST oauth2/invalidate_token`
    /// shows it: signed with OAuth 1.0a, the App's key and secret with the App owner's access
    /// token and secret. Use it where HTTP Basic (``invalidate(_:)``) is refused.
    ///
    /// ```swift
    /// try await authorizer.invalidate(bearer, ownerAccessToken: ownerToken,
    ///                                 ownerAccessTokenSecret: ownerTokenSecret)
    /// ```
    ///
    /// The bearer token travels in the form body, which the signature covers (RFC 5849
    /// §3.4.1.3.1), so it never appears in a logged URL.
    ///
    /// - Throws: ``XAPIError``: ``XAPIError/Code/http`` when X refuses (an unknown token, a
    ///   signature that does not verify); transport errors.
    public func invalidate(
        _ credentials: AppOnlyCredentials, ownerAccessToken: String, ownerAccessTokenSecret: String
    ) async throws {
        let sender = exchange("appOnlyInvalidateToken",
                              secrets: [credentials.bearerToken, ownerAccessToken, ownerAccessTokenSecret])
        let form = [(name: "access_token", value: credentials.bearerToken)]
        let url = endpoints.invalidationURL
        let header = OAuth1AuthorizationHeader.signed(
            method: "POST", url: url, consumerKey: apiKey, consumerSecret: apiSecret,
            token: ownerAccessToken, tokenSecret: ownerAccessTokenSecret, formParameters: form,
            signing: .fresh(at: configuration.clock.now()))
        let response = try await sender.post(url, form: form, headers: [.authorization: header.headerValue])
        guard (200..<300).contains(response.status) else {
            throw sender.failure(response, context: "The bearer token could not be invalidated.")
        }
    }

    /// The key; the secret is `<redacted>`.
    public var description: String {
        "AppOnlyAuthorizer(apiKey: \(Redaction.prefix(of: apiKey)), apiSecret: <redacted>, "
            + "tokenURL: \(endpoints.tokenURL.absoluteString))"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    private var basicHeaders: HTTPFields {
        [.authorization: FormEncoding.basicAuthorization(user: apiKey, password: apiSecret)]
    }

    private func exchange(_ operationID: String, secrets: [String]) -> AuthorizationExchange {
        // The HTTP Basic credentials too: a header echoed back must not show them, even encoded.
        let basic = String(FormEncoding.basicAuthorization(user: apiKey, password: apiSecret).dropFirst("Basic ".count))
        return AuthorizationExchange(configuration: configuration, operationID: operationID, secrets: [apiSecret, basic] + secrets)
    }

    private struct BearerAnswer: Decodable {
        var tokenType: String?
        var accessToken: String
        enum CodingKeys: String, CodingKey {
            case tokenType = "token_type"
            case accessToken = "access_token"
        }
    }
}

extension AppOnlyAuthorizer: CustomReflectable {
    /// A mirror without the secret.
    public var customMirror: Mirror {
        Mirror(self, children: ["description": description])
    }
}
