import XFollows

/// Looks the targets of a bulk run up, as many per request as the spec allows (`GET /2/users`
/// and `GET /2/users/by`, 100 each), so each result can name the account by handle and say whether it is
/// protected, and an unknown account is reported before anything is sent for it.
struct TargetResolver {
    /// One looked-up target.
    struct Resolved: Sendable {
        var target: FollowTarget
        /// The account, or `nil` when X knows none.
        var user: User?
        /// X's reason when there is no account.
        var problem: String?
    }

    /// At most this many IDs per lookup: the spec's `maxItems` of `ids`.
    static let idBatchSize = OperationParameter.GetUsersByIDs.ids.maxItems ?? Int.max

    /// At most this many usernames per lookup: the spec's `maxItems` of `usernames`.
    static let usernameBatchSize = OperationParameter.GetUsersByUsernames.usernames.maxItems ?? Int.max

    /// The lookup it makes (by IDs; by usernames costs the same), for its price.
    static let operation = OperationDescriptor.getUsersByIds

    let client: UserClient

    /// Every target, in order, with its account.
    func resolve(_ targets: [FollowTarget]) async throws -> [Resolved] {
        var byKey: [String: User] = [:]
        var problems: [String: String] = [:]
        let ids = targets.compactMap { if case .id(let id) = $0.reference { id } else { nil } }
        let names = targets.compactMap { if case .username(let name) = $0.reference { name } else { nil } }
        for batch in ids.chunked(Self.idBatchSize) {
            let body = try await client.users(ids: Array(batch), userFields: [.protected]).body
            for user in body.data ?? [] { byKey[user.id] = user }
            for problem in body.errors ?? [] {
                if let value = problem.additionalProperties["value"]?.stringValue { problems[value] = problem.detail }
            }
        }
        for batch in names.chunked(Self.usernameBatchSize) {
            let body = try await client.users(usernames: Array(batch), userFields: [.protected]).body
            for user in body.data ?? [] { byKey["@" + user.username.lowercased()] = user }
            for problem in body.errors ?? [] {
                if let value = problem.additionalProperties["value"]?.stringValue { problems["@" + value.lowercased()] = problem.detail }
            }
        }
        return targets.map { Resolved(target: $0, user: byKey[$0.key], problem: problems[$0.key]) }
    }
}

extension Array {
    /// The array in consecutive slices of at most `size`.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

extension JSONValue {
    /// The string, when it is one.
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
