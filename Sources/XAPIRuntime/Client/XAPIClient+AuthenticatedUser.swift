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
    ///   credentials do not tell the user's ID (so `requested` cannot be checked either); use
    ///   ``authenticatedUserID(_:parameter:operation:lookup:)`` to look it up instead.
    public func authenticatedUserID(
        _ requested: String?, parameter: String, operation: OperationDescriptor
    ) throws -> String {
        guard let authenticated = credentials.userID ?? lookedUpUserID.current else {
            throw XAPIError(
                code: .unknownAuthenticatedUser,
                operationID: operation.id,
                message: "Parameter \"\(parameter)\" must be the authenticated user's ID, and the "
                    + "\(credentials.method) credentials do not tell it.",
                parameter: parameter
            )
        }
        return try Self.check(requested, against: authenticated, parameter: parameter, operation: operation)
    }

    /// Resolves a parameter marked `x-authenticated-user`, looking the user up when the
    /// credentials do not say who they are (an OAuth 2.0 token): `lookup` (X's
    /// `GET /2/users/me`) is sent once and `data.id` of its answer kept — in the session for
    /// ``UserCredentials/oauth2Session(_:)`` (and so handed to its persistence hook), in the
    /// client otherwise.
    ///
    /// ```swift
    /// // generated for follow(_:as:)
    /// let id = try await authenticatedUserID(id, parameter: "id", operation: .usersIdFollow, lookup: .findMyUser)
    /// ```
    ///
    /// - Throws: ``XAPIError``: ``XAPIError/Code/authenticatedUserMismatch`` when `requested`
    ///   is another user; the lookup's errors (its scopes are checked like any operation's).
    public func authenticatedUserID(
        _ requested: String?, parameter: String, operation: OperationDescriptor, lookup: OperationDescriptor
    ) async throws -> String {
        let authenticated: String
        if let known = credentials.userID ?? lookedUpUserID.current {
            authenticated = known
        } else {
            let response = try await send(OperationRequest(lookup), decoding: AuthenticatedUserLookup.self)
            authenticated = response.body.data.id
            if let user = credentials as? UserCredentials, case .oauth2Session(let session) = user {
                await session.learn(userID: authenticated)
            } else {
                lookedUpUserID.set(authenticated)
            }
        }
        return try Self.check(requested, against: authenticated, parameter: parameter, operation: operation)
    }

    private static func check(
        _ requested: String?, against authenticated: String, parameter: String, operation: OperationDescriptor
    ) throws -> String {
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

/// The part of a user lookup (`{"data": {"id": "…", …}}`) that names the user.
struct AuthenticatedUserLookup: Decodable, Sendable {
    struct User: Decodable, Sendable {
        var id: String
    }

    var data: User
}
