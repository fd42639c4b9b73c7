import Foundation

/// The receiver's running counts, behind a lock: the request handlers and the consumer's
/// iterator add to them from any thread, and ``WebhookReceiver/statistics`` reads them all at
/// once.
///
/// An event is counted as buffered *before* it goes into the buffer and moves out of it when
/// it leaves (delivered, or dropped), so ``WebhookStatistics/buffered`` is never negative; at
/// most it briefly includes an event on its way in that the buffer then refuses.
final class Counters: @unchecked Sendable {
    private let lock = NSLock()
    private var value = WebhookStatistics()

    /// A consistent copy of every count.
    var snapshot: WebhookStatistics { lock.withLock { value } }

    /// Adds one to the count at `path`.
    func increment(_ path: WritableKeyPath<WebhookStatistics, Int>) {
        lock.withLock { value[keyPath: path] += 1 }
    }

    /// An event is about to go into the buffer.
    func buffering() {
        lock.withLock { value.buffered += 1 }
    }

    /// An event counted by ``buffering()`` left the buffer (or never got in): it moves to the
    /// count at `path`, ``WebhookStatistics/delivered`` or ``WebhookStatistics/dropped``.
    func unbuffered(into path: WritableKeyPath<WebhookStatistics, Int>) {
        lock.withLock {
            value.buffered -= 1
            value[keyPath: path] += 1
        }
    }
}
