import Foundation
import HTTPTypes

/// The OAuth 1.0a three-legged flow (RFC 5849, section 2) as X runs it: a request token, the
/// user's authorization (redirect to a callback, or a PIN), and the access token.
///
/// A web app:
///
/// ```swift
/// let authorizer = OAuth1Authorizer(consumerKey: apiKey, consumerSecret: apiSecret,
///                                   endpoints: endpoints, configuration: configuration)
/// let requestToken = try await authorizer.requestToken(callback: .url(callbackURL))
/// // send the user to requestToken.authorizationURL; keep requestToken
/// let granted = try await authorizer.finishAuthorization(callback: requestURL, requestToken: requestToken)
/// let client = UserClient(credentials: .oauth1(granted.credentials))
/// ```
///
/// A command-line app without a web server uses the PIN:
///
/// ```swift
/// let requestToken = try await authorizer.requestToken(callback: .outOfBand)
/// print("Open \(requestToken.authorizationURL) and type the PIN:")
/// let granted = try await authorizer.accessToken(for: requestToken, verifier: readLine()!)
/// ```
///
/// Requests are signed with HMAC-SHA1 by the same code as API requests, and sent through
/// `configuration`'s transport and middlewares. The secret is never printed.
public struct OAuth1Authorizer: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The App's API key (consumer key).
    public var consumerKey: String
    /// The App's API key secret. Never printed.
    public var consumerSecret: String
    /// The request-token, authorization and access-token URLs.
    public var endpoints: OAuth1Endpoints
    /// Transport, middlewares, clock and logger.
    public var configuration: ClientConfiguration

    /// Creates an authorizer for the App with this key and secret.
    public init(
        consumerKey: String, consumerSecret: String, endpoints: OAuth1Endpoints,
        configuration: ClientConfiguration = ClientConfiguration()
    ) {
        self.consumerKey = consumerKey
        self.consumerSecret = consumerSecret
        self.endpoints = endpoints
        self.configuration = configuration
    }

    /// Step 1: obtains a request token (`POST oauth/request_token` with `oauth_callback`).
    ///
    /// - Throws: ``XAPIError``: ``XAPIError/Code/http`` when X refuses (a callback URL that is
    ///   not approved for the App: code 415; bad keys: code 32), with
    ///   ``XAPIError/oauthError``; ``XAPIError/Code/malformedResponse`` when the answer lacks the
    ///   token or does not confirm the callback (`oauth_callback_confirmed=true`); transport
    ///   errors.
    public func requestToken(callback: OAuth1Callback) async throws -> OAuth1RequestToken {
        let sender = exchange("oauth1RequestToken", secrets: [])
        let url = endpoints.requestTokenURL
        let header = OAuth1AuthorizationHeader.signed(
            method: "POST", url: url, consumerKey: consumerKey, consumerSecret: consumerSecret,
            token: nil, tokenSecret: nil, additionalProtocolParameters: ["oauth_callback": callback.parameterValue],
            signing: .fresh(at: configuration.clock.now()))
        let response = try await sender.post(url, form: nil, headers: [.authorization: header.headerValue])
        guard (200..<300).contains(response.status) else {
            throw sender.failure(response, context: "The request token could not be obtained.")
        }
        let values = sender.formValues(of: response)
        guard let token = values["oauth_token"], !token.isEmpty, let secret = values["oauth_token_secret"] else {
            throw malformed(sender, response, "The request-token answer lacks oauth_token or oauth_token_secret.")
        }
        guard values["oauth_callback_confirmed"] == "true" else {
            throw malformed(sender, response, "The request-token answer does not confirm the callback "
                + "(oauth_callback_confirmed is not true), so it is not an OAuth 1.0a answer.")
        }
        return OAuth1RequestToken(
            token: token, tokenSecret: secret, callback: callback,
            authorizationURL: FormEncoding.url(endpoints.authorizationURL, appending: [("oauth_token", token)]))
    }

    /// Reads the callback the user came back with: its `oauth_token` must be the request
    /// token's (compared in constant time); returns its `oauth_verifier`.
    ///
    /// - Throws: ``XAPIError``: ``XAPIError/Code/authorizationStateMismatch`` when
    ///   `oauth_token` is missing, repeated or another one; ``XAPIError/Code/authorizationDenied``
    ///   when the user declined (`denied=`); ``XAPIError/Code/invalidArgument`` without a
    ///   verifier. Nothing is sent.
    public func verifier(fromCallback callback: URL, requestToken: OAuth1RequestToken) throws -> String {
        let operationID = "oauth1Authorize"
        var values: [String: [String]] = [:]
        for parameter in OAuth1Signature.queryParameters(of: callback) {
            values[parameter.name, default: []].append(parameter.value)
        }
        if let denied = values["denied"] {
            guard denied.count == 1, ConstantTime.equals(denied[0], requestToken.token) else {
                throw mismatch(operationID, "The callback's denied token is not the request token in progress")
            }
            throw XAPIError(code: .authorizationDenied, operationID: operationID,
                            message: "The user did not authorize the App.",
                            oauthError: OAuthErrorResponse(error: OAuthErrorResponse.Code.accessDenied))
        }
        let tokens = values["oauth_token"] ?? []
        guard tokens.count == 1, ConstantTime.equals(tokens[0], requestToken.token) else {
            throw mismatch(operationID, tokens.isEmpty ? "The callback carries no oauth_token"
                : tokens.count > 1 ? "The callback repeats oauth_token"
                : "The callback's oauth_token is not the request token in progress")
        }
        let verifiers = values["oauth_verifier"] ?? []
        guard verifiers.count == 1, let verifier = verifiers.first, !verifier.isEmpty else {
            throw XAPIError(code: .invalidArgument, operationID: operationID,
                            message: "The callback carries no single oauth_verifier.", parameter: "oauth_verifier")
        }
        return verifier
    }

    /// Steps 2 and 3 for a web app: reads the callback (``verifier(fromCallback:requestToken:)``)
    /// and exchanges the verifier (``accessToken(for:verifier:)``).
    public func finishAuthorization(callback: URL, requestToken: OAuth1RequestToken) async throws -> OAuth1AccessToken {
        try await accessToken(for: requestToken, verifier: verifier(fromCallback: callback, requestToken: requestToken))
    }

    /// Step 3: exchanges the authorized request token and the verifier (the callback's
    /// `oauth_verifier`, or the PIN the user typed) for the user's access token
    /// (`POST oauth/access_token`).
    ///
    /// - Throws: ``XAPIError``: ``XAPIError/Code/http`` when X refuses (a wrong PIN, a used or
    ///   expired request token); ``XAPIError/Code/malformedResponse`` when the answer lacks the
    ///   token, its secret or the user; transport errors.
    public func accessToken(for requestToken: OAuth1RequestToken, verifier: String) async throws -> OAuth1AccessToken {
        let sender = exchange("oauth1AccessToken", secrets: [requestToken.token, requestToken.tokenSecret, verifier])
        let url = endpoints.accessTokenURL
        let header = OAuth1AuthorizationHeader.signed(
            method: "POST", url: url, consumerKey: consumerKey, consumerSecret: consumerSecret,
            token: requestToken.token, tokenSecret: requestToken.tokenSecret,
            additionalProtocolParameters: ["oauth_verifier": verifier],
            signing: .fresh(at: configuration.clock.now()))
        let response = try await sender.post(url, form: nil, headers: [.authorization: header.headerValue])
        guard (200..<300).contains(response.status) else {
            throw sender.failure(response, context: "The access token could not be obtained.")
        }
        let values = sender.formValues(of: response)
        guard let token = values["oauth_token"], !token.isEmpty, let secret = values["oauth_token_secret"], !secret.isEmpty else {
            throw malformed(sender, response, "The access-token answer lacks oauth_token or oauth_token_secret.", hideBody: true)
        }
        let credentials = OAuth1Credentials(
            consumerKey: consumerKey, consumerSecret: consumerSecret, accessToken: token, accessTokenSecret: secret)
        guard let userID = values["user_id"] ?? credentials.userID else {
            throw malformed(sender, response, "The access-token answer does not say which user authorized the App.", hideBody: true)
        }
        return OAuth1AccessToken(credentials: credentials, userID: userID, screenName: values["screen_name"])
    }

    /// The consumer key; the secret is `<redacted>`.
    public var description: String {
        "OAuth1Authorizer(consumerKey: \(Redaction.prefix(of: consumerKey)), consumerSecret: <redacted>, "
            + "requestTokenURL: \(endpoints.requestTokenURL.absoluteString))"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    private func exchange(_ operationID: String, secrets: [String]) -> AuthorizationExchange {
        AuthorizationExchange(configuration: configuration, operationID: operationID, secrets: [consumerSecret] + secrets)
    }

    private func mismatch(_ operationID: String, _ what: String) -> XAPIError {
        XAPIError(code: .authorizationStateMismatch, operationID: operationID,
                  message: "\(what); it may be forged, so it was ignored and nothing was sent.", parameter: "oauth_token")
    }

    private func malformed(
        _ sender: AuthorizationExchange, _ response: AuthorizationExchange.Response, _ message: String, hideBody: Bool = false
    ) -> XAPIError {
        XAPIError(code: .malformedResponse, operationID: sender.operationID, message: message, status: response.status,
                  contentType: response.headers[.contentType],
                  bodyExcerpt: hideBody ? "<withheld: a token endpoint's answer>"
                      : ResponseInterpreter(operationID: sender.operationID, secrets: sender.secrets).excerpt(response.body))
    }
}

extension OAuth1Authorizer: CustomReflectable {
    /// A mirror without the secret.
    public var customMirror: Mirror {
        Mirror(self, children: ["description": description])
    }
}
