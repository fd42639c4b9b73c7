extension OAuth1AuthorizationHeader {
    /// Why an `Authorization` header is not a valid OAuth 1.0a header.
    public struct ParsingError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong, without any parameter value (values may be secrets).
        public var reason: String

        /// Creates a parsing error.
        public init(reason: String) { self.reason = reason }

        /// `Invalid OAuth 1.0a Authorization header: <reason>`.
        public var description: String { "Invalid OAuth 1.0a Authorization header: \(reason)" }
    }

    /// Parses an `Authorization` header value such as
    /// `OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjz...", ...`.
    ///
    /// The scheme is matched case-insensitively; parameters are `name="value"` pairs separated
    /// by commas and optional whitespace, with percent-encoded values. Parameters that neither
    /// start with `oauth_` nor are `realm` are ignored, as RFC 5849 says.
    ///
    /// - Throws: ``ParsingError`` when the scheme is not OAuth, a pair is malformed, a
    ///   parameter repeats, or `oauth_consumer_key`, `oauth_signature_method`,
    ///   `oauth_timestamp`, `oauth_nonce` or `oauth_signature` is missing.
    public init(parsing headerValue: String) throws(ParsingError) {
        var rest = Substring(headerValue).drop { $0 == " " || $0 == "\t" }
        guard rest.count >= 5, rest.prefix(5).lowercased() == "oauth",
              rest.count == 5 || rest.dropFirst(5).first == " " || rest.dropFirst(5).first == "\t"
        else {
            throw ParsingError(reason: "the scheme is not OAuth")
        }
        rest = rest.dropFirst(5)

        var values: [String: String] = [:]
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "," }
            if rest.isEmpty { break }
            guard let equals = rest.firstIndex(of: "=") else {
                throw ParsingError(reason: "a parameter has no value")
            }
            let rawName = rest[..<equals].trimmingTrailingWhitespace()
            guard !rawName.isEmpty, let name = OAuth1Signature.percentDecode(String(rawName)) else {
                throw ParsingError(reason: "a parameter name is malformed")
            }
            rest = rest[rest.index(after: equals)...]
            guard rest.first == "\"" else {
                throw ParsingError(reason: "the value of \(name) is not quoted")
            }
            rest = rest.dropFirst()
            guard let closing = rest.firstIndex(of: "\"") else {
                throw ParsingError(reason: "the value of \(name) has no closing quote")
            }
            let rawValue = String(rest[..<closing])
            rest = rest[rest.index(after: closing)...]
            guard rest.isEmpty || rest.first == "," || rest.first == " " || rest.first == "\t" else {
                throw ParsingError(reason: "parameters must be separated by commas")
            }
            guard name == "realm" || name.hasPrefix("oauth_") else { continue }
            guard values[name] == nil else {
                throw ParsingError(reason: "\(name) appears more than once")
            }
            if name == "realm" {
                values[name] = rawValue
            } else {
                guard let value = OAuth1Signature.percentDecode(rawValue) else {
                    throw ParsingError(reason: "the value of \(name) is not validly percent-encoded")
                }
                values[name] = value
            }
        }

        func required(_ name: String) throws(ParsingError) -> String {
            guard let value = values.removeValue(forKey: name) else {
                throw ParsingError(reason: "\(name) is missing")
            }
            return value
        }
        let consumerKey = try required("oauth_consumer_key")
        let signatureMethod = try required("oauth_signature_method")
        let timestamp = try required("oauth_timestamp")
        let nonce = try required("oauth_nonce")
        let signature = try required("oauth_signature")
        let token = values.removeValue(forKey: "oauth_token")
        let version = values.removeValue(forKey: "oauth_version")
        let realm = values.removeValue(forKey: "realm")
        self.init(
            consumerKey: consumerKey,
            token: token,
            signatureMethod: signatureMethod,
            timestamp: timestamp,
            nonce: nonce,
            version: version,
            signature: signature,
            realm: realm,
            additionalParameters: values
        )
    }
}

extension Substring {
    fileprivate func trimmingTrailingWhitespace() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
