import Foundation
import XFollows
import XSandbox

/// One virtual time shared by a client and a sandbox: waiting advances it at once, so a
/// 15-minute window passes in no real time and OAuth timestamps still agree.
final class VirtualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private var slept: Duration = .zero

    init(start: Date = Date(timeIntervalSince1970: 1_750_000_000)) {
        current = start
    }

    var now: Date { lock.withLock { current } }

    /// How long clients have waited on this clock in all.
    var totalSleep: Duration { lock.withLock { slept } }

    func advance(by duration: Duration) {
        let (seconds, attoseconds) = duration.components
        lock.withLock {
            current = current.addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18)
        }
    }

    /// A client clock whose sleeps advance this clock.
    var clientClock: ClientClock {
        ClientClock(now: { self.now }, sleep: { duration in
            try Task.checkCancellation()
            self.lock.withLock { self.slept += duration }
            self.advance(by: duration)
        })
    }

    var sandboxClock: SandboxClock {
        SandboxClock(now: { self.now })
    }
}
