import HTTPTypes
import Logging

/// Header lists safe to log: credentials-bearing fields are replaced by `<redacted>`.
enum LogRedaction {
    static let sensitiveFields: Set<HTTPField.Name> = [.authorization, .proxyAuthorization, .cookie, .setCookie]

    static func headers(_ fields: HTTPFields) -> String {
        fields.map { field in
            let value = sensitiveFields.contains(field.name) ? Redaction.placeholder : field.value
            return "\(field.name.canonicalName): \(value)"
        }.joined(separator: "; ")
    }

    /// The metadata of the client's `Response headers` event: the redacted header list
    /// (`http.headers`), and each limit the headers report under its keys
    /// (``LimitHeaders/metadataKey(_:)``: `xapi.rate_limit.remaining`, …), so a log handler
    /// reads the limits without parsing the list.
    static func responseMetadata(_ fields: HTTPFields) -> Logger.Metadata {
        var metadata: Logger.Metadata = ["http.headers": .string(headers(fields))]
        for family in LimitHeaders.all {
            guard let status = RateLimitStatus(headers: fields, prefix: family.prefix) else { continue }
            metadata.merge(status.metadata(family)) { _, new in new }
        }
        return metadata
    }
}
