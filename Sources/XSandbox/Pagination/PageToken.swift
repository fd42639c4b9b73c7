/// What a pagination token selects: a page of one user's followers or following, starting at
/// an offset (a `next_token`) or ending right before one (a `previous_token`).
///
/// Offsets count from the most recent follow, the order X lists follows in. Tokens are opaque
/// to clients; ``PageTokenCodec`` turns them into tamper-evident strings.
///
/// ```swift
/// let next = PageToken(list: .followers, ownerID: 2_244_994_945, position: .startingAt(1000))
/// let previous = PageToken(list: .followers, ownerID: 2_244_994_945, position: .endingBefore(1000))
/// ```
public struct PageToken: Sendable, Hashable {
    /// Which list of the owner the token pages through.
    public enum List: UInt8, Sendable, Hashable, CaseIterable {
        /// The users who follow the owner (`GET /2/users/:id/followers`).
        case followers = 0
        /// The users the owner follows (`GET /2/users/:id/following`).
        case following = 1
    }

    /// Where the selected page lies in the list.
    public enum Position: Sendable, Hashable {
        /// The page begins at this offset (what `next_token` encodes).
        case startingAt(Int)
        /// The page ends right before this offset (what `previous_token` encodes), so walking
        /// backward with the same page size revisits exactly the pages seen going forward.
        case endingBefore(Int)
    }

    /// The list paged through.
    public var list: List
    /// The numeric ID of the user whose list it is.
    public var ownerID: UInt64
    /// Where the page lies.
    public var position: Position

    /// Creates a token.
    public init(list: List, ownerID: UInt64, position: Position) {
        self.list = list
        self.ownerID = ownerID
        self.position = position
    }

    /// The offsets `[start, end)` of the page of at most `size` users in a list of `count`.
    ///
    /// ```swift
    /// PageToken(list: .followers, ownerID: 1, position: .startingAt(1000)).range(size: 1000, count: 2500)
    /// // 1000..<2000
    /// PageToken(list: .followers, ownerID: 1, position: .endingBefore(1000)).range(size: 300, count: 2500)
    /// // 700..<1000
    /// ```
    public func range(size: Int, count: Int) -> Range<Int> {
        switch position {
        case .startingAt(let start):
            let lower = min(max(0, start), count)
            return lower..<min(count, lower + max(0, size))
        case .endingBefore(let end):
            let upper = min(max(0, end), count)
            return max(0, upper - max(0, size))..<upper
        }
    }
}
