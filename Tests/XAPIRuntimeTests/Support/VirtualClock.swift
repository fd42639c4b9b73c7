import Foundation
import Logging
@testable import XAPIRuntime

/// A clock whose `sleep` advances virtual time at once and records the requested durations.
final class VirtualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private var recordedSleeps: [Duration] = []

    init(now: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        current = now
    }

    var now: Date { lock.withLock { current } }
    var sleeps: [Duration] { lock.withLock { recordedSleeps } }

    func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }

    var clock: ClientClock {
        ClientClock(
            now: { self.now },
            sleep: { duration in
                try Task.checkCancellation()
                self.lock.withLock {
                    self.recordedSleeps.append(duration)
                    self.current = self.current.addingTimeInterval(duration.seconds)
                }
            }
        )
    }
}

/// Collects every log record (message and metadata rendered as text) at trace level.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var records: [String] { lock.withLock { lines } }

    var logger: Logger {
        Logger(label: "test") { _ in CapturingLogHandler(capture: self) }
    }
}

struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        capture.append("[\(event.level)] \(event.message) \(rendered)")
    }
}
