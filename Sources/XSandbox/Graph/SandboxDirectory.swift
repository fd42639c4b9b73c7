import XFollows

/// The users and Tweets a sandbox serves, by numeric ID. It never changes while a sandbox
/// runs (follows live in ``FollowGraph``), so every request reads it without locking.
///
/// Explicit users (featured accounts, demo users, users loaded from JSON) are stored; the
/// seeded graph's ordinary users are made on demand from the seed.
///
/// ```swift
/// let directory = SandboxGraph.seeded().directory
/// directory.user(withID: 2_244_994_945)?.username   // "XDevelopers"
/// ```
public struct SandboxDirectory: Sendable {
    private var users: [UInt64: User] = [:]
    private var tweets: [UInt64: Tweet] = [:]
    /// Stored users' IDs by lowercased username.
    private var usernames: [String: UInt64] = [:]
    private var suspended: Set<UInt64> = []
    var population: Population?

    /// An empty directory.
    public init() {}

    /// How many users there are.
    public var userCount: Int { users.count + (population?.count ?? 0) }

    /// The IDs of the stored (not generated) users, ascending.
    public var storedUserIDs: [UInt64] { users.keys.sorted() }

    /// The IDs of the stored Tweets, ascending.
    public var storedTweetIDs: [UInt64] { tweets.keys.sorted() }

    /// The IDs of the suspended users, ascending.
    public var suspendedUserIDs: [UInt64] { suspended.sorted() }

    /// Whether the user with this ID is suspended. X answers a lookup of a suspended user with
    /// an error instead of the user (``SandboxGraph/suspend(_:)``), and leaves suspended users
    /// out of follower and following lists.
    public func isSuspended(_ id: UInt64) -> Bool {
        suspended.contains(id)
    }

    /// Whether a user has this ID.
    public func contains(_ id: UInt64) -> Bool {
        users[id] != nil || population?.index(ofUser: id) != nil
    }

    /// The user with this ID, with its stored profile. The follower and following counts of
    /// its `public_metrics` are zero here: a running sandbox fills in the live counts of its
    /// ``FollowGraph``.
    public func user(withID id: UInt64) -> User? {
        if let user = users[id] { return user }
        guard let population, let index = population.index(ofUser: id) else { return nil }
        return population.user(at: index)
    }

    /// The user with this username, compared without case as X does.
    public func user(withUsername username: String) -> User? {
        let key = username.lowercased()
        if let id = usernames[key] { return users[id] }
        guard let population, let index = population.index(ofUsername: key) else { return nil }
        return population.user(at: index)
    }

    /// The Tweet with this ID.
    public func tweet(withID id: UInt64) -> Tweet? {
        tweets[id] ?? population?.tweet(withID: id)
    }

    /// The Tweet a user pins, if any.
    public func pinnedTweet(of user: User) -> Tweet? {
        guard let pinned = user.pinnedTweetID.flatMap({ UInt64($0) }) else { return nil }
        if let tweet = tweets[pinned] { return tweet }
        guard let population, let id = UInt64(user.id), let index = population.index(ofUser: id),
              population.pinnedTweetID(at: index) == pinned
        else { return nil }
        return population.pinnedTweet(at: index)
    }

    mutating func insert(_ user: User, id: UInt64) throws(SandboxGraphError) {
        guard !contains(id) else { throw SandboxGraphError("Two users have the ID \(user.id).") }
        guard usernames[user.username.lowercased()] == nil else {
            throw SandboxGraphError("Two users have the username \(user.username).")
        }
        usernames[user.username.lowercased()] = id
        users[id] = user
    }

    mutating func suspend(_ id: UInt64) {
        suspended.insert(id)
    }

    mutating func insert(_ newTweet: Tweet, id: UInt64) throws(SandboxGraphError) {
        guard tweet(withID: id) == nil else { throw SandboxGraphError("Two Tweets have the ID \(newTweet.id).") }
        tweets[id] = newTweet
    }
}
