import Foundation

/// The client's source of time: the current date (OAuth timestamps, rate-limit resets, daily
/// caps) and a way to wait (backoff, rate-limit waits). Tests inject a virtual clock so waits
/// take no real time.
///
/// ```swift
/// var configuration = ClientConfiguration()
/// configuration.clock = ClientClock(now: { virtualNow() }, sleep: { duration in advance(by: duration) })
/// ```
public struct ClientClock: Sendable {
    /// The current date.
    public var now: @Sendable () -> Date
    /// Waits for a duration; must throw `CancellationError` when the task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// Creates a clock from its two operations.
    public init(now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    /// The system clock: `Date()` and `Task.sleep(for:)` (cancellable).
    public static let system = ClientClock(
        now: { Date() },
        sleep: { duration in try await Task.sleep(for: duration) }
    )
}
