extension Problem {
    /// The problem type, named by the last path segment of ``Problem/type`` so both
    /// `https://api.twitter.com/2/problems/...` and `https://api.x.com/2/problems/...` match.
    ///
    /// ```swift
    /// Problem(type: "https://api.x.com/2/problems/usage-capped").kind        // .usageCapped
    /// Problem(type: "https://api.twitter.com/2/problems/usage-capped").kind  // .usageCapped
    /// Problem(type: "https://api.x.com/2/problems/new-thing").kind           // .other("new-thing")
    /// Problem(type: "about:blank").kind                                       // .aboutBlank
    /// ```
    public enum Kind: Sendable, Hashable, CustomStringConvertible {
        /// `invalid-request`: a parameter or the body is invalid.
        case invalidRequest
        /// `resource-not-found`: the user, Tweet or other resource does not exist.
        case resourceNotFound
        /// `not-authorized-for-resource`: the authenticated user may not see the resource.
        case notAuthorizedForResource
        /// `resource-unauthorized`: the resource is not visible to this client.
        case resourceUnauthorized
        /// `resource-unavailable`: the resource exists but is unavailable (e.g. suspended).
        case resourceUnavailable
        /// `client-forbidden`: the App is not allowed this endpoint (access level, project).
        case clientForbidden
        /// `unsupported-authentication`: the authentication method is not accepted here.
        case unsupportedAuthentication
        /// `disallowed-resource`: the resource may not be used this way.
        case disallowedResource
        /// `usage-capped`: a usage cap of the App's plan is reached (not a rate limit).
        case usageCapped
        /// `credits-depleted`: the account's pay-per-usage credits are spent (HTTP 402).
        case creditsDepleted
        /// `rate-limit-exceeded`: too many requests in the window.
        case rateLimitExceeded
        /// `conflict`: the request conflicts with the resource's state.
        case conflict
        /// `client-disconnected`: the client disconnected (streams).
        case clientDisconnected
        /// `operational-disconnect`: X closed the connection for operational reasons (streams).
        case operationalDisconnect
        /// `about:blank`, or no type at all: only the HTTP status has meaning (RFC 7807).
        case aboutBlank
        /// A type this runtime does not know, named by its last path segment.
        case other(String)

        /// Classifies a problem type URI by its last path segment; `nil` or `about:blank` is
        /// ``aboutBlank``.
        public init(type: String?) {
            guard let type, !type.isEmpty, type != "about:blank" else {
                self = .aboutBlank
                return
            }
            var uri = Substring(type)
            if let end = uri.firstIndex(where: { $0 == "?" || $0 == "#" }) { uri = uri[..<end] }
            while uri.hasSuffix("/") { uri = uri.dropLast() }
            let segment = String(uri.split(separator: "/").last ?? uri)
            switch segment {
            case "invalid-request": self = .invalidRequest
            case "resource-not-found": self = .resourceNotFound
            case "not-authorized-for-resource": self = .notAuthorizedForResource
            case "resource-unauthorized": self = .resourceUnauthorized
            case "resource-unavailable": self = .resourceUnavailable
            case "client-forbidden": self = .clientForbidden
            case "unsupported-authentication": self = .unsupportedAuthentication
            case "disallowed-resource": self = .disallowedResource
            case "usage-capped": self = .usageCapped
            case "credits-depleted": self = .creditsDepleted
            case "rate-limit-exceeded": self = .rateLimitExceeded
            case "conflict": self = .conflict
            case "client-disconnected": self = .clientDisconnected
            case "operational-disconnect": self = .operationalDisconnect
            default: self = .other(segment)
            }
        }

        /// The type's last path segment, e.g. `resource-not-found`, or `about:blank`.
        public var name: String {
            switch self {
            case .invalidRequest: "invalid-request"
            case .resourceNotFound: "resource-not-found"
            case .notAuthorizedForResource: "not-authorized-for-resource"
            case .resourceUnauthorized: "resource-unauthorized"
            case .resourceUnavailable: "resource-unavailable"
            case .clientForbidden: "client-forbidden"
            case .unsupportedAuthentication: "unsupported-authentication"
            case .disallowedResource: "disallowed-resource"
            case .usageCapped: "usage-capped"
            case .creditsDepleted: "credits-depleted"
            case .rateLimitExceeded: "rate-limit-exceeded"
            case .conflict: "conflict"
            case .clientDisconnected: "client-disconnected"
            case .operationalDisconnect: "operational-disconnect"
            case .aboutBlank: "about:blank"
            case .other(let name): name
            }
        }

        /// Same as ``name``.
        public var description: String { name }
    }

    /// The problem type, matched by the last path segment of ``type``.
    public var kind: Kind { Kind(type: type) }
}
