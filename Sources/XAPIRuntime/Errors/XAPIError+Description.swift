import Foundation

extension XAPIError {
    /// One line: operation, code, status, problem, message and context, e.g.
    /// `usersIdFollowers: http (HTTP 404, resource-not-found): Not Found Error — Could not find user with id: [1].`
    public var description: String {
        var qualifiers: [String] = []
        if let status { qualifiers.append("HTTP \(status)") }
        if let problem, problem.type != nil { qualifiers.append(problem.kind.name) }
        var text = "\(operationID): \(code)"
        if !qualifiers.isEmpty { text += " (\(qualifiers.joined(separator: ", ")))" }
        text += ": \(message)"
        if let problem {
            let summary = [problem.title, problem.detail].compactMap { $0 }.joined(separator: " — ")
            if !summary.isEmpty, !message.contains(summary) { text += " [\(summary)]" }
        }
        if let oauthError, !message.contains(oauthError.description) { text += " [\(oauthError)]" }
        if let decodingPath { text += " at \(decodingPath)" }
        if let contentType { text += " (content type \(contentType))" }
        if let retryAfter { text += " (retry after \(XAPIJSON.string(from: retryAfter)))" }
        if let bodyExcerpt, !bodyExcerpt.isEmpty { text += " Body: \(bodyExcerpt)" }
        return text
    }

    /// The description plus the rate-limit status and the underlying error's description.
    public var debugDescription: String {
        var text = "XAPIError(\(description)"
        if let rateLimit { text += "; rate limit: \(rateLimit)" }
        if let dailyLimits { text += "; daily limits: \(dailyLimits)" }
        if let underlyingError { text += "; underlying: \(String(describing: underlyingError))" }
        return text + ")"
    }
}
