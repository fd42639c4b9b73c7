import Foundation
import XFollows

/// Turns the graph's users into what X answers a request with: live follower and following
/// counts, only the selected fields, and the objects the requested expansions include —
/// pinned and most recent Tweets in `includes.tweets`, affiliated accounts in
/// `includes.users`, each once.
///
/// ```swift
/// let presenter = UserPresenter(directory: directory, store: store, selection: selection, principal: caller)
/// let (users, includes) = await presenter.present(page.ids.compactMap(directory.user(withID:)), counts: page.counts)
/// ```
struct UserPresenter: Sendable {
    let directory: SandboxDirectory
    let store: SandboxStore
    let selection: FieldSelection
    let principal: SandboxPrincipal

    /// The users as answered, and the includes (`nil` when empty). `counts` are the live
    /// counts already known; the others are read from the store.
    func present(
        _ users: [User], counts known: [UInt64: (followers: Int, following: Int)] = [:]
    ) async -> (users: [User], includes: Includes?) {
        var tweets: [Tweet] = []
        var tweetIDs: Set<String> = []
        var affiliated: [User] = []
        var affiliatedIDs: Set<String> = []
        let expansions = selection.expansions
        for user in users {
            var expanded: [Tweet] = []
            if expansions.contains(.pinnedPostID), let tweet = directory.pinnedTweet(of: user) { expanded.append(tweet) }
            if expansions.contains(.mostRecentPostID),
               let tweet = user.mostRecentTweetID.flatMap({ NumericID.parse($0, pattern: SchemaPattern.tweetID) }).flatMap(directory.tweet(withID:)) {
                expanded.append(tweet)
            }
            for tweet in expanded where tweetIDs.insert(tweet.id).inserted {
                tweets.append(selection.apply(to: FieldSelection.visible(tweet, to: principal)))
            }
            if expansions.contains(.affiliation) {
                for id in user.affiliation?.userID ?? [] where affiliatedIDs.insert(id).inserted {
                    if let account = NumericID.parse(id).flatMap(directory.user(withID:)) { affiliated.append(account) }
                }
            }
        }
        var counts = known
        let missing = (users + affiliated).compactMap { NumericID.parse($0.id) }.filter { counts[$0] == nil }
        if !missing.isEmpty {
            counts.merge(await store.counts(of: missing)) { current, _ in current }
        }
        let answered = users.map { live($0, counts) }
        let included = affiliated.map { live($0, counts) }
        let includes = tweets.isEmpty && included.isEmpty
            ? nil : Includes(tweets: tweets.isEmpty ? nil : tweets, users: included.isEmpty ? nil : included)
        return (answered, includes)
    }

    /// The user with the graph's live counts and only the selected fields.
    private func live(_ user: User, _ counts: [UInt64: (followers: Int, following: Int)]) -> User {
        var user = user
        if let id = NumericID.parse(user.id), let live = counts[id] {
            user.publicMetrics = UserPublicMetrics(
                followersCount: live.followers,
                followingCount: live.following,
                tweetCount: user.publicMetrics?.tweetCount ?? 0,
                listedCount: user.publicMetrics?.listedCount,
                likeCount: user.publicMetrics?.likeCount,
                // X's document 2.167 names tweet_count post_count (and requires it): both go out.
                postCount: user.publicMetrics?.tweetCount ?? 0
            )
        }
        return selection.apply(to: user)
    }
}
