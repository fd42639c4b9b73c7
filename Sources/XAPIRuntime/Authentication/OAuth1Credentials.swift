import Foundation
import HTTPTypes

/// OAuth 1.0a User Context credentials: the App's API key and secret with a user's access
/// token and secret. Requests are signed with HMAC-SHA1 (RFC 5849).
///
/// The numeric prefix of the access token (before the first `-`) is the user's ID:
///
/// ```swift
/// let credentials = OAuth1Credentials(
///     consumerKey: "xvz1evFS4wEEPTGEFPHBog", consumerSecret: consumerSecret,
///     accessToken: "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
///     accessTokenSecret: tokenSecret)
/// credentials.userID   // "370773112"
/// print(credentials)   // OAuth1Credentials(consumerKey: xvz1…, userID: 370773112, secrets: <redacted>)
/// ```
public struct OAuth1Credentials: Authentication, Hashable {
    /// The App's API key (`oauth_consumer_key`).
    public var consumerKey: String
    /// The App's API key secret. Never printed.
    public var consumerSecret: String
    /// The user's access token (`oauth_token`). Never printed in full.
    public var accessToken: String
    /// The user's access token secret. Never printed.
    public var accessTokenSecret: String

    /// Creates OAuth 1.0a credentials.
    public init(consumerKey: String, consumerSecret: String, accessToken: String, accessTokenSecret: String) {
        self.consumerKey = consumerKey
        self.consumerSecret = consumerSecret
        self.accessToken = accessToken
        self.accessTokenSecret = accessTokenSecret
    }

    /// Always ``AuthenticationMethod/oauth1UserContext``.
    public var method: AuthenticationMethod { .oauth1UserContext }

    /// The numeric prefix of the access token (before the first `-`), or `nil` when the
    /// token has no such prefix.
    public var userID: String? {
        let prefix = accessToken.prefix { $0 != "-" }
        guard prefix.count < accessToken.count, !prefix.isEmpty,
              prefix.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        return String(prefix)
    }

    /// Builds the signed `Authorization` header for a request.
    ///
    /// The query parameters of `url` and `additionalParameters` (form body parameters, if any)
    /// enter the signature base string; a JSON body is never signed.
    ///
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - url: The full request URL, query included.
    ///   - signing: The timestamp and nonce of this attempt.
    ///   - additionalParameters: Extra request parameters to sign, such as form body fields.
    public func authorizationHeader(
        method: HTTPRequest.Method,
        url: URL,
        signing: SigningContext,
        additionalParameters: [(name: String, value: String)] = []
    ) -> OAuth1AuthorizationHeader {
        OAuth1AuthorizationHeader.signed(
            method: method.rawValue, url: url, consumerKey: consumerKey, consumerSecret: consumerSecret,
            token: accessToken, tokenSecret: accessTokenSecret, formParameters: additionalParameters, signing: signing)
    }

    /// Signs the request with HMAC-SHA1 and sets its `Authorization: OAuth ...` header.
    public func authorize(_ request: inout HTTPRequest, baseURL: URL, signing: SigningContext) throws {
        let url = try RequestURL.make(baseURL: baseURL, path: request.path ?? "/")
        let header = authorizationHeader(method: request.method, url: url, signing: signing)
        request.headerFields[.authorization] = header.headerValue
    }

    /// The consumer key's first characters and the user ID; secrets are `<redacted>`.
    public var description: String {
        "OAuth1Credentials(consumerKey: \(Redaction.prefix(of: consumerKey)), userID: \(userID ?? "unknown"), secrets: <redacted>)"
    }

    /// Same as ``description``: no secret is ever shown.
    public var debugDescription: String { description }
}

extension OAuth1Credentials: CustomReflectable {
    /// A mirror without secrets, so `dump(_:)` shows none either.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "consumerKey": Redaction.prefix(of: consumerKey),
            "userID": userID ?? "unknown",
            "secrets": "<redacted>",
        ])
    }
}
