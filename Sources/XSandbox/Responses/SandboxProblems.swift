import XFollows

/// The problem documents the sandbox answers with, in the shapes X uses.
enum SandboxProblems {
    static let problemsBase = "https://api.twitter.com/2/problems/"

    /// X's type URL for a kind of problem, named as the runtime names it:
    /// `https://api.twitter.com/2/problems/resource-not-found`.
    static func problemType(_ kind: Problem.Kind) -> String {
        problemsBase + kind.name
    }

    /// 401, for every authentication failure.
    static let unauthorized = Problem(type: "about:blank", title: "Unauthorized", detail: "Unauthorized", status: 401)

    /// 403 when the authentication method is not accepted, e.g. App-only on follow.
    static func unsupportedAuthentication(_ method: AuthenticationMethod, supported: [SecurityRequirement]) -> Problem {
        let names = Set(supported.map(\.method)).sorted { order($0) < order($1) }.map(name)
        return Problem(
            type: problemType(.unsupportedAuthentication),
            title: "Unsupported Authentication",
            detail: "Authenticating with \(name(method)) is forbidden for this endpoint.  "
                + "Supported authentication types are [\(names.joined(separator: ", "))].",
            status: 403
        )
    }

    /// 403 for a missing OAuth 2.0 scope or acting on behalf of another user.
    static func forbidden(_ detail: String = "Forbidden") -> Problem {
        Problem(type: "about:blank", title: "Forbidden", detail: detail, status: 403)
    }

    /// 429, for an exhausted window or daily cap.
    static let tooManyRequests = Problem(type: "about:blank", title: "Too Many Requests", detail: "Too Many Requests", status: 429)

    /// 404 for a path the sandbox does not serve.
    static func notFound(_ path: String) -> Problem {
        Problem(type: "about:blank", title: "Not Found", detail: "Sorry, that page does not exist: \(path)", status: 404)
    }

    /// 405 for a served path with another method.
    static func methodNotAllowed(_ method: String, path: String) -> Problem {
        Problem(type: "about:blank", title: "Method Not Allowed",
                detail: "The method \(method) is not allowed on \(path).", status: 405)
    }

    /// A partial error of a 200 response: the user named by `parameter` does not exist.
    static func userNotFound(parameter: String, value: String) -> Problem {
        Problem(
            type: problemType(.resourceNotFound),
            title: "Not Found Error",
            detail: "Could not find user with \(parameter): [\(value)].",
            additionalProperties: [
                "value": .string(value),
                "resource_type": .string("user"),
                "parameter": .string(parameter),
                "resource_id": .string(value),
            ]
        )
    }

    /// X's name of an authentication method in its problem details.
    static func name(_ method: AuthenticationMethod) -> String {
        switch method {
        case .oauth1UserContext: "OAuth 1.0a User Context"
        case .oauth2UserContext: "OAuth 2.0 User Context"
        case .appOnly: "OAuth 2.0 Application-Only"
        }
    }

    private static func order(_ method: AuthenticationMethod) -> Int {
        switch method {
        case .oauth1UserContext: 0
        case .appOnly: 1
        case .oauth2UserContext: 2
        }
    }
}

extension SandboxProblems {
    /// X's `ConnectionException` 429: the App already holds all the stream connections it may.
    static let tooManyConnections = Problem(
        type: "https://api.x.com/2/problems/streaming-connection", title: "ConnectionException",
        detail: "This stream is currently at the maximum allowed connection limit.",
        additionalProperties: ["connection_issue": .string("TooManyConnections")])

    /// A webhook X refuses, by X's reason (`CrcValidationFailed`, `UrlValidationFailed`, …).
    static func webhookRefused(_ reason: String, _ detail: String) -> Problem {
        Problem(type: problemType(.invalidRequest), title: reason, detail: detail, status: 400)
    }
}
