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

    /// The description plus the rate-limit status and the underlying error: its type, and its
    /// description scrubbed of the secrets known where this error was made (never the raw one,
    /// which may hold what a request carried).
    public var debugDescription: String {
        var text = "XAPIError(\(description)"
        if let rateLimit { text += "; rate limit: \(rateLimit)" }
        if let dailyLimits { text += "; daily limits: \(dailyLimits)" }
        if let underlying = underlyingErrorSummary { text += "; underlying: \(underlying)" }
        return text + ")"
    }

    /// What is shown of ``underlyingError``: its type, then its scrubbed description when the
    /// secrets were known, e.g. `URLError: … oauth_token=<redacted> …`.
    var underlyingErrorSummary: String? {
        guard let underlyingError else { return nil }
        let type = String(describing: Swift.type(of: underlyingError))
        return scrubbedUnderlyingDescription.map { "\(type): \($0)" } ?? type
    }
}

extension XAPIError: CustomReflectable {
    /// What `dump` and debuggers show: every member, with ``underlyingError`` as its summary
    /// (type and scrubbed description), never the error itself, whose members may hold secrets.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "code": code, "operationID": operationID, "message": message, "status": status as Any,
            "problem": problem as Any, "rateLimit": rateLimit as Any, "dailyLimits": dailyLimits as Any,
            "decodingPath": decodingPath as Any, "contentType": contentType as Any, "bodyExcerpt": bodyExcerpt as Any,
            "parameter": parameter as Any, "retryAfter": retryAfter as Any, "dailyCap": dailyCap as Any,
            "oauthError": oauthError as Any, "underlyingError": underlyingErrorSummary as Any,
        ], displayStyle: .struct)
    }
}
