/// Helpers that keep secrets out of descriptions, logs and error messages.
enum Redaction {
    static let placeholder = "<redacted>"

    /// The first four characters and an ellipsis, or only the ellipsis for short values.
    static func prefix(of value: String, keeping count: Int = 4) -> String {
        value.count > count * 2 ? "\(value.prefix(count))…" : "…"
    }

    static func scopes(_ scopes: Set<OAuth2Scope>?) -> String {
        guard let scopes else { return "unknown" }
        return "[" + scopes.sorted().map(\.rawValue).joined(separator: ", ") + "]"
    }

    /// The secret strings held by well-known credentials, longest first.
    static func secrets(of credentials: any Authentication) -> [String] {
        var secrets: [String]
        switch credentials {
        case let credentials as UserCredentials:
            switch credentials {
            case .oauth1(let oauth1): return Self.secrets(of: oauth1)
            case .oauth2(let token): return Self.secrets(of: token)
            case .oauth2Session(let session): return session.knownSecrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
            }
        case let credentials as OAuth1Credentials:
            secrets = [credentials.consumerSecret, credentials.accessToken, credentials.accessTokenSecret]
        case let token as OAuth2UserToken:
            secrets = [token.accessToken] + (token.refreshToken.map { [$0] } ?? [])
        case let app as AppOnlyCredentials:
            secrets = [app.bearerToken]
        case let schemes as SchemeCredentials:
            secrets = schemes.secrets
        default:
            secrets = []
        }
        return secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    /// `text` with every occurrence of a secret (raw or percent-encoded) replaced.
    static func scrub(_ text: String, secrets: [String]) -> String {
        var result = text
        for secret in secrets {
            result = result.replacingAll(secret, with: placeholder)
            let encoded = OAuth1Signature.percentEncode(secret)
            if encoded != secret {
                result = result.replacingAll(encoded, with: placeholder)
            }
        }
        return result
    }
}

extension String {
    /// Replaces every occurrence of `target` (non-empty) with `replacement`, without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
