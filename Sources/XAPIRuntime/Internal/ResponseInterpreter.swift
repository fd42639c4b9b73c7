import Foundation
import HTTPTypes

/// Turns a received response into a decoded body or an ``XAPIError`` with context.
struct ResponseInterpreter {
    let operationID: String
    let secrets: [String]
    /// The operation's plans, named when X answers that the App's plan lacks it.
    var availability: OperationAvailability?

    static let excerptLength = 200

    func contentType(_ headers: HTTPFields) -> String? {
        headers[.contentType]
    }

    /// `application/json`, `application/problem+json` or any other `+json` media type.
    static func isJSON(_ contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
        return mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
    }

    /// The body's first characters as text, whitespace collapsed, secrets removed.
    func excerpt(_ data: Data) -> String {
        let text = String(decoding: data.prefix(Self.excerptLength * 4), as: UTF8.self)
        let collapsed = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
        let scrubbed = Redaction.scrub(collapsed, secrets: secrets)
        return scrubbed.count > Self.excerptLength ? "\(scrubbed.prefix(Self.excerptLength))…" : scrubbed
    }

    func decodeSuccess<Body: Decodable>(
        _ type: Body.Type, status: Int, headers: HTTPFields, data: Data
    ) throws -> Body {
        let contentType = contentType(headers)
        func malformed(_ message: String, underlying: (any Error)? = nil) -> XAPIError {
            XAPIError(
                code: .malformedResponse,
                operationID: operationID,
                message: message,
                status: status,
                rateLimit: RateLimitStatus(headers: headers),
                dailyLimits: DailyLimitStatus(headers: headers),
                contentType: contentType,
                bodyExcerpt: excerpt(data),
                underlyingError: underlying
            ).scrubbingUnderlyingError(of: secrets)
        }
        if Body.self == NoContent.self, let empty = NoContent() as? Body {
            // The spec promises no content; whatever came is not read.
            return empty
        }
        guard data.contains(where: { !Self.isJSONWhitespace($0) }) else {
            throw malformed("The \(status) response has an empty body where JSON was expected.")
        }
        if let contentType, !Self.isJSON(contentType) {
            throw malformed("The \(status) response is \(contentType), not JSON.")
        }
        do {
            return try XAPIJSON.makeDecoder().decode(Body.self, from: data)
        } catch let error as DecodingError {
            if (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) == nil {
                throw malformed("The \(status) response body is not valid JSON (truncated or malformed).", underlying: error)
            }
            let (path, message) = Self.describe(error)
            throw XAPIError(
                code: .decoding,
                operationID: operationID,
                message: "The \(status) response does not match \(String(describing: Body.self)): \(message)",
                status: status,
                rateLimit: RateLimitStatus(headers: headers),
                dailyLimits: DailyLimitStatus(headers: headers),
                decodingPath: path,
                contentType: contentType,
                underlyingError: error
            ).scrubbingUnderlyingError(of: secrets)
        } catch {
            throw malformed("The \(status) response body could not be decoded.", underlying: error)
        }
    }

    /// The error for a non-2xx response, with the problem document when the body holds one:
    /// X's final refusals by their own codes (``Refusal``), ``XAPIError/Code/rateLimited`` for
    /// another 429, otherwise ``XAPIError/Code/http``.
    func failure(status: Int, reason: String, headers: HTTPFields, data: Data) -> XAPIError {
        let contentType = contentType(headers)
        var problem: Problem?
        if data.contains(where: { !Self.isJSONWhitespace($0) }), contentType.map(Self.isJSON) ?? true {
            problem = try? XAPIJSON.makeDecoder().decode(Problem.self, from: data)
        }
        let rateLimit = RateLimitStatus(headers: headers)
        let dailyLimits = DailyLimitStatus(headers: headers)
        let statusText = reason.isEmpty ? "HTTP \(status)" : "HTTP \(status) \(reason)"
        var error = XAPIError(
            code: status == 429 ? .rateLimited : .http,
            operationID: operationID,
            message: "The server answered \(statusText).",
            status: status,
            problem: problem,
            rateLimit: rateLimit,
            dailyLimits: dailyLimits,
            contentType: contentType,
            bodyExcerpt: problem == nil && !data.isEmpty ? excerpt(data) : nil
        )
        if let refusal = Refusal.classify(status: status, problem: problem, operationID: operationID, availability: availability) {
            error.code = refusal.code
            error.message = refusal.message
        } else if status == 429 {
            error.retryAfter = RateLimitReset.retryDate(rateLimit: rateLimit, dailyLimits: dailyLimits)
            if error.retryAfter == nil {
                error.message += rateLimit == nil && dailyLimits == nil
                    ? " It sent no rate-limit headers, so when to retry is unknown."
                    : " None of the limits it reports is exhausted, so waiting for a reset would not help."
            }
        }
        return error
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The JSON path of a decoding error (`data[3].public_metrics.followers_count`) and what
    /// went wrong there.
    static func describe(_ error: DecodingError) -> (path: String, message: String) {
        switch error {
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "expected \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "expected \(type) but found null or nothing")
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "the required member \"\(key.stringValue)\" is missing")
        case .dataCorrupted(let context):
            return (path(context.codingPath), context.debugDescription)
        @unknown default:
            return ("", String(describing: error))
        }
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path.isEmpty ? "$" : path
    }
}
