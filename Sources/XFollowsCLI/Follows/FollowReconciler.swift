import XFollows

/// Finds out whether a follow or unfollow whose answer was lost (``XAPIError/Code/outcomeUnknown``)
/// took effect, by the lookup the spec offers for it: the acting user's following list
/// (`GET /2/users/:id/following`, most recent first, the spec's largest pages), read until
/// the account shows up or the list ends. The rule of a bulk run lives here: a lost answer is
/// looked up, and the action is sent again only when the lookup says it did not happen, so it
/// is never sent blindly twice (each attempt is charged and counted under the daily cap).
///
/// A follow request to a protected account does not show in the list until approved, so a
/// lost answer to one cannot be confirmed.
struct FollowReconciler: Sendable {
    /// The client the lookups go through (retried as any read is).
    let client: UserClient
    /// Whose following list is read.
    let actorID: String

    /// Users per lookup page: the spec's most.
    static let pageSize = OperationParameter.UsersIDFollowing.maxResults.maximum ?? 100

    /// Whether the actor follows `targetID` now.
    ///
    /// - Throws: The client's errors, when the list cannot be read to the end.
    func isFollowing(_ targetID: String) async throws -> Bool {
        for try await user in client.followingPages(of: actorID, maxResults: Self.pageSize).items where user.id == targetID {
            return true
        }
        return false
    }

    /// Whether `action` on `target` is done now; `nil` when no lookup can tell (a follow
    /// request to a protected account).
    func isDone(_ action: BulkAction, on target: User) async throws -> Bool? {
        switch action {
        case .follow: target.protected == true ? nil : try await isFollowing(target.id)
        case .unfollow: try await !isFollowing(target.id)
        }
    }
}
