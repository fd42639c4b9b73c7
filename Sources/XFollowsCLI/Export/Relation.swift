import XFollows

/// Which list an export walks: the account's followers or the accounts it follows.
public enum Relation: String, Sendable, Hashable, Codable, CaseIterable {
    /// `GET /2/users/:id/followers`.
    case followers
    /// `GET /2/users/:id/following`.
    case following

    /// The operation that pages through the list.
    public var operation: OperationDescriptor {
        switch self {
        case .followers: .usersIdFollowers
        case .following: .usersIdFollowing
        }
    }

    /// The operation's page-size parameter as the spec names and bounds it (`max_results`).
    public var pageSize: OperationParameter {
        switch self {
        case .followers: OperationParameter.UsersIDFollowers.maxResults
        case .following: OperationParameter.UsersIDFollowing.maxResults
        }
    }

    /// How many users the list holds, from the account's public metrics.
    public func total(of user: User) -> Int? {
        switch self {
        case .followers: user.publicMetrics?.followersCount
        case .following: user.publicMetrics?.followingCount
        }
    }

    /// "followers of @XDevelopers" / "accounts @XDevelopers follows".
    public func phrase(for account: Account) -> String {
        switch self {
        case .followers: "followers of @\(account.username)"
        case .following: "accounts @\(account.username) follows"
        }
    }

    /// Every page of the list, starting at `token`, each of the size `pageSize` says when it
    /// is fetched (a budget shrinks the last one).
    func pages<Context>(
        _ client: XAPIClient<Context>, of id: String, pageSize: @escaping @Sendable () async throws -> Int,
        fields: Set<User.Field>, startingAt token: String?
    ) -> Pages<FollowsLookupResponse> {
        Pages(startingAt: token, operation: operation.id) { token in
            let size = try await pageSize()
            return switch self {
            case .followers: try await client.followers(of: id, maxResults: size, paginationToken: token, userFields: fields)
            case .following: try await client.following(of: id, maxResults: size, paginationToken: token, userFields: fields)
            }
        }
    }
}
