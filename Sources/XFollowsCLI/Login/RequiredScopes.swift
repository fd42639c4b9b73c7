import XFollows

/// The OAuth 2.0 scopes xfollows asks for: every scope the operations it calls require,
/// read from the spec's operation descriptors, and `offline.access` so a session can
/// refresh the token past its two hours.
enum RequiredScopes {
    /// The operations xfollows calls.
    static let operations: [OperationDescriptor] = [
        .usersIdFollowers, .usersIdFollowing, .usersIdFollow, .usersIdUnfollow,
        .getUsersMe, .getUsersById, .getUsersByIds, .getUsersByUsername, .getUsersByUsernames,
    ]

    /// The scopes to ask for.
    static var all: Set<OAuth2Scope> {
        var scopes: Set<OAuth2Scope> = [.offlineAccess]
        for operation in operations {
            for requirement in operation.security {
                if case .oauth2UserContext(let names) = requirement {
                    scopes.formUnion(names)
                }
            }
        }
        return scopes
    }
}
