import XFollows

extension SandboxProblems {
    /// A partial error of a 200 response: the user named by `parameter` is suspended
    /// (``SandboxDirectory/isSuspended(_:)``). X answers a lookup of a suspended user, by ID or
    /// username, with this instead of the user:
    ///
    /// ```json
    /// {"value": "2881117795", "detail": "User has been suspended: [2881117795].", "title": "Forbidden",
    ///  "resource_type": "user", "parameter": "id", "resource_id": "2881117795",
    ///  "type": "https://api.twitter.com/2/problems/resource-not-found"}
    /// ```
    ///
    /// (X's type is `resource-not-found` with the title `Forbidden`, as its responses show.)
    static func userSuspended(parameter: String, value: String) -> Problem {
        Problem(
            type: problemType(.resourceNotFound),
            title: "Forbidden",
            detail: "User has been suspended: [\(value)].",
            additionalProperties: [
                "value": .string(value),
                "resource_type": .string("user"),
                "parameter": .string(parameter),
                "resource_id": .string(value),
            ]
        )
    }
}
