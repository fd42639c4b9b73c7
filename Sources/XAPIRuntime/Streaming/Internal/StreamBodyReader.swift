import Foundation
import OpenAPIRuntime

/// Reads one connection's body line by line, treating a silence longer than the stall timeout
/// as a dead connection: the read is cancelled, which closes the connection.
final class StreamBodyReader {
    /// Why reading stopped before the body ended.
    enum Interruption: Error {
        case stalled(Duration)
        case failed(any Error)
        case lineTooLong(StreamLineSplitter.LineTooLong)
    }

    private let iterator: IteratorBox
    private var splitter: StreamLineSplitter
    private var ready: [StreamLineSplitter.Line] = []
    private let stallTimeout: Duration
    /// When bytes last arrived.
    private(set) var lastActivity: ContinuousClock.Instant

    init(body: HTTPBody, stallTimeout: Duration, maximumLineBytes: Int) {
        self.iterator = IteratorBox(body.makeAsyncIterator())
        self.splitter = StreamLineSplitter(maximumLineBytes: maximumLineBytes)
        self.stallTimeout = stallTimeout
        self.lastActivity = .now
    }

    /// The next line, keep-alives included; `nil` when the body ended (a partial last line is
    /// dropped: the connection was cut in the middle of it).
    ///
    /// - Throws: ``Interruption``, or `CancellationError` when the task is cancelled.
    func nextLine() async throws -> StreamLineSplitter.Line? {
        while ready.isEmpty {
            guard let chunk = try await nextChunk() else { return nil }
            lastActivity = .now
            do {
                ready = try splitter.append(chunk)
            } catch {
                throw Interruption.lineTooLong(error)
            }
        }
        return ready.removeFirst()
    }

    private func nextChunk() async throws -> ArraySlice<UInt8>? {
        let iterator = self.iterator
        let timeout = stallTimeout
        let outcome: ReadOutcome = try await withThrowingTaskGroup(of: ReadOutcome.self) { group in
            group.addTask {
                do {
                    return .chunk(try await iterator.next())
                } catch {
                    return .failed(error)
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return .stalled
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
        try Task.checkCancellation()
        switch outcome {
        case .chunk(let chunk): return chunk
        case .stalled: throw Interruption.stalled(timeout)
        case .failed(let error):
            if error is CancellationError { throw error }
            throw Interruption.failed(error)
        }
    }

    private enum ReadOutcome: Sendable {
        case chunk(ArraySlice<UInt8>?)
        case stalled
        case failed(any Error)
    }

    /// The body's iterator, read by one child task at a time: the group above awaits the read
    /// before the next one starts, so it is never touched concurrently.
    private final class IteratorBox: @unchecked Sendable {
        private var base: HTTPBody.AsyncIterator

        init(_ base: HTTPBody.AsyncIterator) {
            self.base = base
        }

        func next() async throws -> ArraySlice<UInt8>? {
            try await base.next()
        }
    }
}
