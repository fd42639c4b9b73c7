/// Who follows whom, and which follow requests wait for a protected user's approval.
///
/// Lists are kept oldest first, so a follow appends and the most recent follows (the ones an
/// unfollow usually removes) sit at the end; pages read them newest first, the order X lists
/// followers and following in. IDs are the users' numeric IDs.
///
/// ```swift
/// var graph = FollowGraph()
/// graph.follow(6_253_282, 2_244_994_945)
/// graph.isFollowing(6_253_282, 2_244_994_945)   // true
/// graph.followerCount(of: 2_244_994_945)         // 1
/// ```
public struct FollowGraph: Sendable {
    struct Edge: Hashable, Sendable {
        var source: UInt64
        var target: UInt64
    }

    private var followersOldestFirst: [UInt64: [UInt64]] = [:]
    private var followingOldestFirst: [UInt64: [UInt64]] = [:]
    private var edges: Set<Edge> = []
    private var requests: Set<Edge> = []
    /// Users whose follows are in no list (suspended users).
    private var hidden: Set<UInt64> = []

    /// An empty graph.
    public init() {}

    /// How many follow relationships there are, hidden ones included.
    public var followCount: Int { edges.count }

    /// How many follow requests wait for approval.
    public var pendingRequestCount: Int { requests.count }

    /// Whether `source` follows `target` (also when one of them is hidden).
    public func isFollowing(_ source: UInt64, _ target: UInt64) -> Bool {
        edges.contains(Edge(source: source, target: target))
    }

    /// Whether `source` asked to follow the protected `target` and waits for approval.
    public func hasPendingRequest(from source: UInt64, to target: UInt64) -> Bool {
        requests.contains(Edge(source: source, target: target))
    }

    /// How many users follow `user`.
    public func followerCount(of user: UInt64) -> Int {
        followersOldestFirst[user]?.count ?? 0
    }

    /// How many users `user` follows.
    public func followingCount(of user: UInt64) -> Int {
        followingOldestFirst[user]?.count ?? 0
    }

    /// The length of one of `owner`'s lists.
    public func count(of list: PageToken.List, owner: UInt64) -> Int {
        switch list {
        case .followers: followerCount(of: owner)
        case .following: followingCount(of: owner)
        }
    }

    /// The IDs at offsets `range` of one of `owner`'s lists, most recent follow first.
    ///
    /// ```swift
    /// graph.ids(in: .followers, of: 2_244_994_945, range: 0..<100)   // the 100 newest followers
    /// ```
    public func ids(in list: PageToken.List, of owner: UInt64, range: Range<Int>) -> [UInt64] {
        let stored: [UInt64]
        switch list {
        case .followers: stored = followersOldestFirst[owner] ?? []
        case .following: stored = followingOldestFirst[owner] ?? []
        }
        let lower = min(max(0, range.lowerBound), stored.count)
        let upper = min(max(lower, range.upperBound), stored.count)
        guard lower < upper else { return [] }
        return stored[(stored.count - upper)..<(stored.count - lower)].reversed()
    }

    /// Every ID of one of `owner`'s lists, most recent follow first.
    public func allIDs(in list: PageToken.List, of owner: UInt64) -> [UInt64] {
        ids(in: list, of: owner, range: 0..<count(of: list, owner: owner))
    }

    /// Makes `source` follow `target` (the newest follow of both lists); answers whether the
    /// relationship is new. A pending request between them is settled.
    @discardableResult
    public mutating func follow(_ source: UInt64, _ target: UInt64) -> Bool {
        requests.remove(Edge(source: source, target: target))
        guard edges.insert(Edge(source: source, target: target)).inserted else { return false }
        if !hidden.contains(source), !hidden.contains(target) {
            followersOldestFirst[target, default: []].append(source)
            followingOldestFirst[source, default: []].append(target)
        }
        return true
    }

    /// Ends `source` following `target` and cancels a pending request; answers whether
    /// anything changed.
    @discardableResult
    public mutating func unfollow(_ source: UInt64, _ target: UInt64) -> Bool {
        let cancelled = requests.remove(Edge(source: source, target: target)) != nil
        guard edges.remove(Edge(source: source, target: target)) != nil else { return cancelled }
        Self.remove(source, from: &followersOldestFirst, key: target)
        Self.remove(target, from: &followingOldestFirst, key: source)
        return true
    }

    /// Records that `source` asks the protected `target` to approve a follow; answers whether
    /// the request is new. Nothing happens when `source` already follows `target`.
    @discardableResult
    public mutating func requestFollow(_ source: UInt64, _ target: UInt64) -> Bool {
        guard !isFollowing(source, target) else { return false }
        return requests.insert(Edge(source: source, target: target)).inserted
    }

    /// Approves a pending request: `source` now follows `target`. Answers whether there was
    /// a request to approve.
    @discardableResult
    public mutating func approveRequest(from source: UInt64, to target: UInt64) -> Bool {
        guard requests.contains(Edge(source: source, target: target)) else { return false }
        follow(source, target)
        return true
    }

    /// Whether `user`'s follows are hidden.
    public func isHidden(_ user: UInt64) -> Bool {
        hidden.contains(user)
    }

    /// Hides `user`'s follows: it leaves every list it was in, and its own lists are empty,
    /// while ``isFollowing(_:_:)`` still knows the relationships.
    public mutating func hide(_ user: UInt64) {
        guard hidden.insert(user).inserted else { return }
        for target in followingOldestFirst.removeValue(forKey: user) ?? [] {
            Self.remove(user, from: &followersOldestFirst, key: target)
        }
        for source in followersOldestFirst.removeValue(forKey: user) ?? [] {
            Self.remove(user, from: &followingOldestFirst, key: source)
        }
    }

    /// Makes room for `count` more followers of `user` (for bulk building).
    mutating func reserveFollowers(of user: UInt64, _ count: Int) {
        followersOldestFirst[user, default: []].reserveCapacity(followerCount(of: user) + count)
    }

    private static func remove(_ id: UInt64, from lists: inout [UInt64: [UInt64]], key: UInt64) {
        guard let index = lists[key]?.lastIndex(of: id) else { return }
        lists[key]?.remove(at: index)
        if lists[key]?.isEmpty == true { lists[key] = nil }
    }
}
