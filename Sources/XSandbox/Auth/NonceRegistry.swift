import Foundation

/// The OAuth 1.0a nonces seen recently, so a replayed request is refused (RFC 5849, 3.3).
///
/// A nonce counts per consumer key and token. Requests are only accepted within the
/// timestamp tolerance, so nonces older than twice that are forgotten.
///
/// ```swift
/// var nonces = NonceRegistry(tolerance: 300)
/// nonces.register("kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", consumerKey: key, token: token, at: now)  // true
/// nonces.register("kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", consumerKey: key, token: token, at: now)  // false
/// ```
public struct NonceRegistry: Sendable {
    private struct Entry: Hashable, Sendable {
        var consumerKey: String
        var token: String
        var nonce: String
    }

    /// How far a timestamp may be from the server's clock, in seconds.
    public let tolerance: TimeInterval
    private var seen: [Entry: Date] = [:]
    private var lastPrune: Date?

    /// A registry for requests accepted within `tolerance` seconds of the server's clock.
    public init(tolerance: TimeInterval = 300) {
        self.tolerance = tolerance
    }

    /// How many nonces are remembered.
    public var count: Int { seen.count }

    /// Records a nonce; `false` when it was already used with the same consumer key and token.
    public mutating func register(_ nonce: String, consumerKey: String, token: String?, at now: Date) -> Bool {
        pruneIfNeeded(at: now)
        let entry = Entry(consumerKey: consumerKey, token: token ?? "", nonce: nonce)
        guard seen[entry] == nil else { return false }
        seen[entry] = now
        return true
    }

    private mutating func pruneIfNeeded(at now: Date) {
        let horizon = 2 * tolerance
        if let lastPrune, now.timeIntervalSince(lastPrune) < tolerance, seen.count < 100_000 { return }
        seen = seen.filter { abs(now.timeIntervalSince($0.value)) < horizon }
        lastPrune = now
    }
}
