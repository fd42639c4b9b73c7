/// The `Authorization: OAuth ...` header of RFC 5849 (3.5.1): built by the client, parsed by a
/// verifying server.
///
/// ```swift
/// let header = try OAuth1AuthorizationHeader(parsing: #"OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", ..."#)
/// header.consumerKey          // "xvz1evFS4wEEPTGEFPHBog"
/// header.protocolParameters   // what enters the base string
/// ```
///
/// Its `description` shows the consumer key and timestamp but never the token or signature.
public struct OAuth1AuthorizationHeader: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// `oauth_consumer_key`.
    public var consumerKey: String
    /// `oauth_token`, absent before a user authorized the App.
    public var token: String?
    /// `oauth_signature_method`, `HMAC-SHA1` for X.
    public var signatureMethod: String
    /// `oauth_timestamp`, seconds since 1970 as written.
    public var timestamp: String
    /// `oauth_nonce`.
    public var nonce: String
    /// `oauth_version`, `1.0` when sent.
    public var version: String?
    /// `oauth_signature`, decoded (base64 text).
    public var signature: String
    /// The optional `realm`, which is not signed.
    public var realm: String?
    /// Other `oauth_*` parameters (such as `oauth_callback`), which are signed.
    public var additionalParameters: [String: String]

    /// Creates a header from its parameters.
    public init(
        consumerKey: String,
        token: String?,
        signatureMethod: String = OAuth1Signature.signatureMethod,
        timestamp: String,
        nonce: String,
        version: String? = OAuth1Signature.version,
        signature: String,
        realm: String? = nil,
        additionalParameters: [String: String] = [:]
    ) {
        self.consumerKey = consumerKey
        self.token = token
        self.signatureMethod = signatureMethod
        self.timestamp = timestamp
        self.nonce = nonce
        self.version = version
        self.signature = signature
        self.realm = realm
        self.additionalParameters = additionalParameters
    }

    /// The `oauth_*` parameters that enter the signature base string: all of them but
    /// `oauth_signature`, and not `realm`.
    public var protocolParameters: [(name: String, value: String)] {
        var parameters: [(name: String, value: String)] = [
            ("oauth_consumer_key", consumerKey),
            ("oauth_nonce", nonce),
            ("oauth_signature_method", signatureMethod),
            ("oauth_timestamp", timestamp),
        ]
        if let token { parameters.append(("oauth_token", token)) }
        if let version { parameters.append(("oauth_version", version)) }
        for (name, value) in additionalParameters.sorted(by: { $0.key < $1.key }) {
            parameters.append((name, value))
        }
        return parameters
    }

    /// The header value: `OAuth ` and the percent-encoded, quoted parameters joined by `, `.
    public var headerValue: String {
        var parameters: [(name: String, value: String)] = []
        if let realm { parameters.append(("realm", realm)) }
        parameters += protocolParameters
        parameters.append(("oauth_signature", signature))
        let fields = parameters.map { parameter in
            let value = parameter.name == "realm"
                ? parameter.value.replacingQuotes()
                : OAuth1Signature.percentEncode(parameter.value)
            return "\(OAuth1Signature.percentEncode(parameter.name))=\"\(value)\""
        }
        return "OAuth " + fields.joined(separator: ", ")
    }

    /// The consumer key prefix, timestamp and method; token, nonce and signature are
    /// `<redacted>`.
    public var description: String {
        "OAuth1AuthorizationHeader(consumerKey: \(Redaction.prefix(of: consumerKey)), timestamp: \(timestamp), "
            + "signatureMethod: \(signatureMethod), token: <redacted>, signature: <redacted>)"
    }

    /// Same as ``description``: the token and signature are never shown.
    public var debugDescription: String { description }
}

extension OAuth1AuthorizationHeader: CustomReflectable {
    /// A mirror without the token or signature, so `dump(_:)` shows neither.
    public var customMirror: Mirror {
        Mirror(self, children: ["description": description])
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        String(unicodeScalars.filter { $0 != "\"" && $0 != "\\" })
    }
}
