import Foundation
import XFollows

/// A progress line that counts: items so far of the total, the rate, and a countdown while
/// the client waits out a 429 (or backs off before a retry), redrawn a few times a second on
/// a terminal and absent otherwise. Exports count users; bulk follows count accounts.
///
/// ```
/// followers of @XDevelopers: 12,000 of 104,321 (11%) · $120.00 · 9,850 users/s
/// followers of @XDevelopers: 15,000 of 104,321 (14%) · $150.00 · rate limited, resuming at 14:05:09 (4:31)
/// ```
public final class CountProgress: Sendable {
    private let line: ProgressLine
    private let monitor: WaitMonitor?
    private let phrase: String
    private let total: Int?
    private let unit: String
    private let now: @Sendable () -> Date
    private let state: LockedValue<State>
    private let ticker = LockedValue<Task<Void, Never>?>(nil)

    private struct State {
        var count: Int
        var spent: USD?
        var startCount: Int
        var startedAt: Date
    }

    /// A progress line for `phrase` (`followers of @XDevelopers`).
    ///
    /// - Parameters:
    ///   - line: Where it is drawn.
    ///   - monitor: Tells when the client waits.
    ///   - phrase: What is exported.
    ///   - total: How many there are, when known.
    ///   - count: How many were done before (a resumed export).
    ///   - unit: What is counted, for the rate (`users`).
    public init(line: ProgressLine, monitor: WaitMonitor?, phrase: String, total: Int?, count: Int, unit: String = "users",
                now: @escaping @Sendable () -> Date = Date.init) {
        self.line = line
        self.monitor = monitor
        self.phrase = phrase
        self.total = total
        self.unit = unit
        self.now = now
        self.state = LockedValue(State(count: count, spent: nil, startCount: count, startedAt: now()))
    }

    /// Redraws every 200 ms until ``finish(_:)``.
    public func start() {
        guard line.isEnabled else { return }
        draw()
        let task = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(200))
                self?.draw()
            }
        }
        ticker.update { $0 = task }
    }

    /// Records how many are done so far (and what the run spent, when it is charged) and
    /// redraws.
    public func record(count: Int, spent: USD? = nil) {
        state.update {
            $0.count = count
            if let spent { $0.spent = spent }
        }
        draw()
    }

    /// Stops redrawing, erases the line and prints `final` in its place (on a terminal).
    public func finish(_ final: String?) {
        ticker.update { task in
            task?.cancel()
            task = nil
        }
        line.finish(final)
    }

    /// Items per second in this run.
    public var rate: Double {
        let state = state.current
        let elapsed = now().timeIntervalSince(state.startedAt)
        return elapsed > 0.05 ? Double(state.count - state.startCount) / elapsed : 0
    }

    /// The line's text now.
    public func text() -> String {
        let count = state.current.count
        var text = "\(phrase): \(Formatting.count(count))"
        if let total, total > 0 {
            text += " of \(Formatting.count(total)) (\(min(100, count * 100 / total))%)"
        }
        if let spent = state.current.spent { text += " · \(spent)" }
        let current = now()
        if let wait = monitor?.currentWait {
            let left = Formatting.countdown(wait.until.timeIntervalSince(current))
            switch wait.reason {
            case .rateLimit: text += " · rate limited, resuming at \(Formatting.time(wait.until, now: current)) (\(left))"
            case .retry: text += " · retrying in \(left)"
            }
        } else if rate > 0 {
            text += " · \(Formatting.rate(rate, unit))"
        }
        return text
    }

    /// Erases the line so a result can be printed on another stream; it comes back at the
    /// next redraw.
    public func clear() {
        line.clear()
    }

    private func draw() {
        line.draw(text())
    }
}
