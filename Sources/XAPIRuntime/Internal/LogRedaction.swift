import HTTPTypes

/// Header lists safe to log: credentials-bearing fields are replaced by `<redacted>`.
enum LogRedaction {
    static let sensitiveFields: Set<HTTPField.Name> = [.authorization, .proxyAuthorization, .cookie, .setCookie]

    static func headers(_ fields: HTTPFields) -> String {
        fields.map { field in
            let value = sensitiveFields.contains(field.name) ? Redaction.placeholder : field.value
            return "\(field.name.canonicalName): \(value)"
        }.joined(separator: "; ")
    }
}
