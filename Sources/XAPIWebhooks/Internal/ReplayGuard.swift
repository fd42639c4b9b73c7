import Crypto
import DequeModule
import Foundation

/// The deliveries received within the replay window, remembered by the SHA-256 digest of their
/// raw body and, when the envelope has one, by `data.event_uuid`: a delivery whose digest or
/// UUID is remembered is a replay.
///
/// Memory is bounded twice: an entry is forgotten once it is older than the window, and the
/// oldest entry is forgotten early when more than `capacity` deliveries are remembered (a
/// replay of it then passes as new, which the receiver's documentation says).
///
/// ```swift
/// let replays = ReplayGuard(window: .seconds(600), capacity: 10_000)
/// replays.admit([.digest(SHA256.hash(data: body))])   // nil: new, remembered
/// replays.admit([.digest(SHA256.hash(data: body))])   // .digest(…): a replay
/// ```
final class ReplayGuard: @unchecked Sendable {
    /// What identifies a delivery.
    enum Key: Hashable, Sendable {
        /// The SHA-256 digest of the raw body: the same bytes again.
        case digest(SHA256Digest)
        /// The envelope's `data.event_uuid`: the same event again, perhaps re-serialized.
        case eventUUID(String)
    }

    private struct Entry {
        var keys: [Key]
        var at: ContinuousClock.Instant
    }

    let window: Duration
    let capacity: Int
    private let clock = ContinuousClock()
    private let lock = NSLock()
    /// Each remembered key and when its delivery came (the newest, if several did).
    private var seen: [Key: ContinuousClock.Instant] = [:]
    /// The remembered deliveries, oldest first.
    private var entries: Deque<Entry> = []

    init(window: Duration, capacity: Int) {
        self.window = window
        self.capacity = capacity
    }

    /// The number of deliveries remembered.
    var count: Int { lock.withLock { entries.count } }

    /// Remembers a delivery and answers `nil`, or answers the key under which an earlier
    /// delivery within the window is remembered (and remembers nothing).
    func admit(_ keys: [Key]) -> Key? {
        let now = clock.now
        return lock.withLock {
            expire(now: now)
            if let known = keys.first(where: { seen[$0] != nil }) { return known }
            guard capacity > 0, window > .zero else { return nil }
            for key in keys { seen[key] = now }
            entries.append(Entry(keys: keys, at: now))
            while entries.count > capacity { drop(entries.removeFirst()) }
            return nil
        }
    }

    /// Forgets a delivery that was admitted but never reached the consumer, so that X's
    /// redelivery of it (a replay job) is not taken for a replay.
    func forget(_ keys: [Key]) {
        lock.withLock {
            for key in keys { seen[key] = nil }
        }
    }

    /// Drops the entries older than the window. Called with the lock held.
    private func expire(now: ContinuousClock.Instant) {
        while let oldest = entries.first, now - oldest.at >= window {
            drop(entries.removeFirst())
        }
    }

    /// Forgets an entry's keys unless a newer delivery remembered them since.
    private func drop(_ entry: Entry) {
        for key in entry.keys where seen[key] == entry.at { seen[key] = nil }
    }
}
