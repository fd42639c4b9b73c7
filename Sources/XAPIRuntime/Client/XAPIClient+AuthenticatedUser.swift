extension XAPIClient {
    /// Resolves a parameter marked `x-authenticated-user` (such as `id` of follow) before any
    /// request: the authenticated user's ID when `requested` is `nil`, `requested` when it is
    /// that ID.
    ///
    /// ```swift
    /// // credentials of user 6253282
    /// try client.authenticatedUserID(nil, parameter: "id", operation: .usersIdFollow)        // "6253282"
    /// try client.authenticatedUserID("6253282", parameter: "id", operation: .usersIdFollow)  // "6253282"
    /// try client.authenticatedUserID("42", parameter: "id", operation: .usersIdFollow)       // throws
    /// ```
    ///
    /// - Throws: ``XAPIError`` with ``XAPIError/Code/authenticatedUserMismatch`` when
    ///   `requested` is another user, or ``XAPIError/Code/unknownAuthenticatedUser`` when the
    ///   credentials do not tell the user's ID (so `requested` cannot be checked either).
    public func authenticatedUserID(
        _ requested: String?, parameter: String, operation: OperationDescriptor
    ) throws -> String {
        guard let authenticated = credentials.userID else {
            throw XAPIError(
                code: .unknownAuthenticatedUser,
                operationID: operation.id,
                message: "Parameter \"\(parameter)\" must be the authenticated user's ID, and the "
                    + "\(credentials.method) credentials do not tell it.",
                parameter: parameter
            )
        }
        guard let requested else { return authenticated }
        guard requested == authenticated else {
            throw XAPIError(
                code: .authenticatedUserMismatch,
                operationID: operation.id,
                message: "Parameter \"\(parameter)\" is \"\(requested)\", but the credentials belong to user "
                    + "\(authenticated); X only lets a user act for themself.",
                parameter: parameter
            )
        }
        return requested
    }
}
