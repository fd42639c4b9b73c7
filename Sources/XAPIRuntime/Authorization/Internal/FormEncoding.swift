import Foundation

/// `application/x-www-form-urlencoded` bodies and queries, encoded as RFC 3986 requires
/// (everything but the unreserved characters as `%XX`, so a space is `%20`), which every
/// form decoder reads.
enum FormEncoding {
    static func encode(_ parameters: [(name: String, value: String)]) -> String {
        parameters
            .map { "\(OAuth1Signature.percentEncode($0.name))=\(OAuth1Signature.percentEncode($0.value))" }
            .joined(separator: "&")
    }

    /// `url` with the parameters appended to its query.
    static func url(_ url: URL, appending parameters: [(name: String, value: String)]) -> URL {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return url }
        let added = encode(parameters)
        if let existing = components.percentEncodedQuery, !existing.isEmpty {
            components.percentEncodedQuery = existing + "&" + added
        } else {
            components.percentEncodedQuery = added
        }
        return components.url ?? url
    }

    /// HTTP Basic credentials for a client (RFC 6749, 2.3.1): the client ID and secret are
    /// each form-encoded, joined by `:` and base64-encoded. X's App-only token endpoint asks for
    /// the RFC 1738 (RFC 3986) encoding of the API key and secret the same way.
    static func basicAuthorization(user: String, password: String) -> String {
        let pair = "\(OAuth1Signature.percentEncode(user)):\(OAuth1Signature.percentEncode(password))"
        return "Basic " + Data(pair.utf8).base64EncodedString()
    }
}
