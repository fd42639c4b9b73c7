import Foundation

extension OAuth1AuthorizationHeader {
    /// A signed header for any OAuth 1.0a request (RFC 5849, 3.4): the API requests of
    /// ``OAuth1Credentials`` and the three-legged flow's temporary-credential and token
    /// requests, whose token is absent or temporary and which carry `oauth_callback` or
    /// `oauth_verifier`.
    ///
    /// ```swift
    /// // POST oauth/request_token
    /// let header = OAuth1AuthorizationHeader.signed(
    ///     method: "POST", url: requestTokenURL, consumerKey: key, consumerSecret: secret,
    ///     token: nil, tokenSecret: nil, additionalProtocolParameters: ["oauth_callback": "oob"],
    ///     signing: .fresh(at: Date()))
    /// ```
    ///
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - url: The full request URL; its query parameters are signed.
    ///   - consumerKey: The App's API key.
    ///   - consumerSecret: The App's API key secret.
    ///   - token: `oauth_token`, absent before a user authorized anything.
    ///   - tokenSecret: The token's secret, the second half of the signing key.
    ///   - additionalProtocolParameters: Other `oauth_*` parameters, signed and sent in the
    ///     header, such as `oauth_callback` and `oauth_verifier`.
    ///   - formParameters: Form body parameters, which are signed too.
    ///   - signing: The timestamp and nonce of this attempt.
    public static func signed(
        method: String,
        url: URL,
        consumerKey: String,
        consumerSecret: String,
        token: String?,
        tokenSecret: String?,
        additionalProtocolParameters: [String: String] = [:],
        formParameters: [(name: String, value: String)] = [],
        signing: SigningContext
    ) -> OAuth1AuthorizationHeader {
        var header = OAuth1AuthorizationHeader(
            consumerKey: consumerKey,
            token: token,
            timestamp: String(Int64(signing.timestamp.timeIntervalSince1970.rounded(.down))),
            nonce: signing.nonce,
            signature: "",
            additionalParameters: additionalProtocolParameters
        )
        let baseString = OAuth1Signature.baseString(
            method: method, url: url, protocolParameters: header.protocolParameters, additionalParameters: formParameters)
        header.signature = OAuth1Signature.signature(
            baseString: baseString,
            signingKey: OAuth1Signature.signingKey(consumerSecret: consumerSecret, tokenSecret: tokenSecret))
        return header
    }
}
