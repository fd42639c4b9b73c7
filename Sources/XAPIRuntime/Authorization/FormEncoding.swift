import Foundation

/// `application/x-www-form-urlencoded` bodies and queries, encoded as RFC 3986 requires
/// (everything but the unreserved characters as `%XX`, so a space is `%20`), which every form
/// decoder reads. The token requests of the runtime and the answers of x-sandbox use it;
/// ``OAuth1Signature/formParameters(_:)`` decodes.
///
/// ```swift
/// FormEncoding.encode([("grant_type", "refresh_token"), ("scope", "tweet.read users.read")])
/// // "grant_type=refresh_token&scope=tweet.read%20users.read"
/// ```
public enum FormEncoding {
    /// The parameters as `name=value` pairs joined by `&`, each side percent-encoded.
    public static func encode(_ parameters: [(name: String, value: String)]) -> String {
        parameters
            .map { "\(OAuth1Signature.percentEncode($0.name))=\(OAuth1Signature.percentEncode($0.value))" }
            .joined(separator: "&")
    }

    /// `url` with the parameters appended to its query (after any it has), without a fragment.
    ///
    /// ```swift
    /// FormEncoding.url(URL(string: "https://example.com/cb?x=1")!, appending: [("state", "a b")])
    /// // https://example.com/cb?x=1&state=a%20b
    /// ```
    public static func url(_ url: URL, appending parameters: [(name: String, value: String)]) -> URL {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return url }
        let added = encode(parameters)
        if let existing = components.percentEncodedQuery, !existing.isEmpty {
            components.percentEncodedQuery = existing + "&" + added
        } else {
            components.percentEncodedQuery = added
        }
        components.fragment = nil
        return components.url ?? url
    }

    /// HTTP Basic credentials for a client (RFC 6749, 2.3.1): the client ID and secret are
    /// each form-encoded, joined by `:` and base64-encoded. X's App-only token endpoint asks for
    /// the RFC 1738 (RFC 3986) encoding of the API key and secret the same way.
    ///
    /// ```swift
    /// FormEncoding.basicAuthorization(user: "s6BhdRkqt3", password: "7Fjfp0ZBr1KtDRbnfVdmIw")
    /// // "Basic czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3" (RFC 6749's example)
    /// ```
    public static func basicAuthorization(user: String, password: String) -> String {
        let pair = "\(OAuth1Signature.percentEncode(user)):\(OAuth1Signature.percentEncode(password))"
        return "Basic " + Data(pair.utf8).base64EncodedString()
    }

    /// The user and password of an `Authorization: Basic …` value, each form-decoded; `nil`
    /// when it is not one.
    public static func basicCredentials(from authorization: String) -> (user: String, password: String)? {
        guard authorization.count > 6, authorization.prefix(6).lowercased() == "basic " else { return nil }
        guard let data = Data(base64Encoded: String(authorization.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
              let pair = String(data: data, encoding: .utf8), let colon = pair.firstIndex(of: ":")
        else { return nil }
        let user = String(pair[..<colon])
        let password = String(pair[pair.index(after: colon)...])
        return (OAuth1Signature.percentDecode(user, plusAsSpace: true) ?? user,
                OAuth1Signature.percentDecode(password, plusAsSpace: true) ?? password)
    }
}
