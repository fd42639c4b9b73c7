import Foundation
import XAPIServerRuntime
import XFollows

extension SandboxActivity {
    /// One open stream of an App.
    struct StreamConnection: Sendable {
        var app: String
        var continuation: AsyncStream<ServerStreamMessage<ActivityStreamMessage>>.Continuation
        var sent = 0
        var keepAlive: Task<Void, Never>
    }

    /// The open streams of `app`.
    func openStreams(of app: String) -> Int {
        connections.values.reduce(0) { $0 + ($1.app == app ? 1 : 0) }
    }

    /// The stream of `app`'s events: first those of the last `backfillMinutes` (within
    /// `start`…`end`), then each as it happens, with a keep-alive line whenever
    /// ``SandboxActivityOptions/keepAliveInterval`` passes.
    ///
    /// - Throws: X's `ConnectionException` 429 when the App already holds its connections.
    func connect(
        app: String, backfillMinutes: Int?, start: Date?, end: Date?, maximumConnections: Int?, at now: Date
    ) throws(ProblemResponse) -> AsyncStream<ServerStreamMessage<ActivityStreamMessage>> {
        if let maximumConnections, openStreams(of: app) >= maximumConnections {
            throw ProblemResponse(status: .tooManyRequests, problem: SandboxProblems.tooManyConnections)
        }
        let (stream, continuation) = AsyncStream<ServerStreamMessage<ActivityStreamMessage>>.makeStream()
        let id = UUID()
        let interval = options.keepAliveInterval
        let keepAlive = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                if case .terminated = continuation.yield(.keepAlive) { break }
            }
        }
        connections[id] = StreamConnection(app: app, continuation: continuation, keepAlive: keepAlive)
        continuation.onTermination = { [weak self] _ in
            keepAlive.cancel()
            Task { await self?.disconnect(id) }
        }
        pruneHistory(at: now)
        var earliest = backfillMinutes.map { now.addingTimeInterval(-Double($0) * 60) } ?? now
        if let start { earliest = min(max(earliest, start), now) }
        let replay = history.filter { delivered in
            delivered.app == app && delivered.date >= earliest && (end.map { delivered.date <= $0 } ?? true)
        }
        let sentBackfill = backfillMinutes != nil || start != nil
        for delivered in replay where sentBackfill {
            send(delivered.message, on: id, at: now, countsTowardDrop: false)
        }
        return stream
    }

    func disconnect(_ id: UUID) {
        guard let connection = connections.removeValue(forKey: id) else { return }
        connection.keepAlive.cancel()
        connection.continuation.finish()
    }

    /// Sends an event on one connection, and closes the connection after
    /// ``SandboxActivityOptions/dropStreamEvery`` live events (a backfill does not count, or a
    /// client that reconnects with one would be dropped before it got anything new). Answers
    /// whether it was sent.
    @discardableResult
    func send(_ message: ActivityStreamMessage, on id: UUID, at now: Date, countsTowardDrop: Bool = true) -> Bool {
        guard var connection = connections[id] else { return false }
        guard case .enqueued = connection.continuation.yield(.event(message)) else {
            disconnect(id)
            return false
        }
        if countsTowardDrop { connection.sent += 1 }
        connections[id] = connection
        if countsTowardDrop, let every = options.dropStreamEvery, connection.sent % every == 0 {
            disconnect(id)
        }
        return true
    }

    /// Forgets delivered events older than ``SandboxActivityOptions/history``.
    func pruneHistory(at now: Date) {
        let oldest = now.addingTimeInterval(-options.history.timeInterval)
        if let keep = history.firstIndex(where: { $0.date >= oldest }) {
            history.removeFirst(keep)
        } else {
            history.removeAll()
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
