import Crypto
import Foundation

/// The OAuth 1.0a HMAC-SHA1 signing primitives of RFC 5849, section 3.4.
///
/// The client signs with them, and a server (such as the local sandbox) verifies a received
/// request with the same code:
///
/// ```swift
/// let header = try OAuth1AuthorizationHeader(parsing: authorizationValue)
/// let baseString = OAuth1Signature.baseString(
///     method: "GET", url: receivedURL, protocolParameters: header.protocolParameters)
/// let key = OAuth1Signature.signingKey(consumerSecret: appSecret, tokenSecret: userTokenSecret)
/// let valid = OAuth1Signature.isValidSignature(header.signature, baseString: baseString, signingKey: key)
/// ```
public enum OAuth1Signature {
    /// The only signature method the X API accepts: `HMAC-SHA1`.
    public static let signatureMethod = "HMAC-SHA1"

    /// The protocol version sent as `oauth_version`: `1.0`.
    public static let version = "1.0"

    /// The base string URI (RFC 5849, 3.4.1.2): lowercase scheme and host, the port only when
    /// it is not the scheme's default, and the path; no query, no fragment.
    ///
    /// `https://API.X.com:443/2/users?id=1` → `https://api.x.com/2/users`
    public static func baseStringURI(_ url: URL) -> String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: true)
        let scheme = (components?.scheme ?? url.scheme ?? "").lowercased()
        var host = (components?.host ?? url.host ?? "").lowercased()
        if host.contains(":"), !host.hasPrefix("[") { host = "[\(host)]" }
        var authority = host
        if let port = components?.port {
            let isDefault = (scheme == "http" && port == 80) || (scheme == "https" && port == 443)
            if !isDefault { authority += ":\(port)" }
        }
        var path = components?.percentEncodedPath ?? ""
        if path.isEmpty { path = "/" }
        return "\(scheme)://\(authority)\(path)"
    }

    /// The query parameters of a URL, decoded as `application/x-www-form-urlencoded`
    /// (`+` is a space), in their order. A name without `=` has an empty value.
    public static func queryParameters(of url: URL) -> [(name: String, value: String)] {
        guard let query = URLComponents(url: url, resolvingAgainstBaseURL: true)?.percentEncodedQuery else {
            return []
        }
        return formParameters(query)
    }

    /// Decodes an `application/x-www-form-urlencoded` string such as `a=1&b=x+y` into its
    /// parameters (`+` is a space; undecodable escapes are kept as written).
    public static func formParameters(_ encoded: String) -> [(name: String, value: String)] {
        encoded.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let value = parts.count > 1 ? String(parts[1]) : ""
            return (
                name: percentDecode(name, plusAsSpace: true) ?? name,
                value: percentDecode(value, plusAsSpace: true) ?? value
            )
        }
    }

    /// The normalized request parameters (RFC 5849, 3.4.1.3.2): every name and value
    /// percent-encoded, sorted by name then value, joined as `name=value` with `&`.
    public static func normalizedParameters(_ parameters: [(name: String, value: String)]) -> String {
        parameters
            .map { (name: percentEncode($0.name), value: percentEncode($0.value)) }
            .sorted { lhs, rhs in
                lhs.name == rhs.name
                    ? lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
                    : lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
            }
            .map { "\($0.name)=\($0.value)" }
            .joined(separator: "&")
    }

    /// The signature base string (RFC 5849, 3.4.1): `METHOD&encoded-URI&encoded-parameters`.
    ///
    /// - Parameters:
    ///   - method: The HTTP method, e.g. `GET` (uppercased here).
    ///   - url: The full request URL; its query parameters are signed.
    ///   - protocolParameters: The `oauth_*` parameters except `oauth_signature` (and `realm`).
    ///   - additionalParameters: Other signed parameters, such as form body fields. X API v2
    ///     sends JSON bodies, which are never signed, so the client passes none.
    public static func baseString(
        method: String,
        url: URL,
        protocolParameters: [(name: String, value: String)],
        additionalParameters: [(name: String, value: String)] = []
    ) -> String {
        let parameters = queryParameters(of: url) + protocolParameters + additionalParameters
        return [
            method.uppercased(),
            percentEncode(baseStringURI(url)),
            percentEncode(normalizedParameters(parameters)),
        ].joined(separator: "&")
    }

    /// The HMAC-SHA1 key: the encoded consumer secret and token secret joined by `&`
    /// (the `&` stays when there is no token secret).
    public static func signingKey(consumerSecret: String, tokenSecret: String?) -> String {
        "\(percentEncode(consumerSecret))&\(percentEncode(tokenSecret ?? ""))"
    }

    /// The base64 HMAC-SHA1 of the base string under the signing key (`oauth_signature`
    /// before percent-encoding).
    public static func signature(baseString: String, signingKey: String) -> String {
        let key = SymmetricKey(data: Data(signingKey.utf8))
        let code = HMAC<Insecure.SHA1>.authenticationCode(for: Data(baseString.utf8), using: key)
        return Data(code).base64EncodedString()
    }

    /// Whether `signature` is the HMAC-SHA1 signature of the base string, compared in constant
    /// time so a verifier does not leak how much of a forged signature was right.
    public static func isValidSignature(_ signature: String, baseString: String, signingKey: String) -> Bool {
        guard let received = Data(base64Encoded: signature) else { return false }
        let key = SymmetricKey(data: Data(signingKey.utf8))
        return HMAC<Insecure.SHA1>.isValidAuthenticationCode(received, authenticating: Data(baseString.utf8), using: key)
    }
}
