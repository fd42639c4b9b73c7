import Foundation

/// The sandbox's time: OAuth 1.0a timestamps are checked against it, rate-limit windows and
/// daily caps count by it, and `x-rate-limit-reset` headers are written from it.
///
/// Tests share one virtual time between the client (`ClientClock`) and the sandbox, so a
/// 15-minute window passes in no real time:
///
/// ```swift
/// let clock = SandboxClock(now: { virtualTime.now })
/// let server = try await SandboxServer.start(SandboxConfiguration(clock: clock))
/// ```
public struct SandboxClock: Sendable {
    /// The current date.
    public var now: @Sendable () -> Date

    /// A clock reading `now`.
    public init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    /// The system clock.
    public static let system = SandboxClock(now: { Date() })
}
