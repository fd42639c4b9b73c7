#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Musl)
@preconcurrency import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import XFollows

/// Ctrl-C (SIGINT) and SIGTERM cancel the work instead of killing the process, so it stops
/// at a safe point — between pages, between follows — with its checkpoint or journal intact,
/// and says how to resume. A second Ctrl-C exits at once.
enum Interruption {
    /// Runs `body` in a task that the signals cancel.
    static func cancelling<Result: Sendable>(_ body: @escaping @Sendable () async throws -> Result) async throws -> Result {
        let task = Task { try await body() }
        let signals = [SIGINT, SIGTERM]
        let sources = signals.map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            let presses = LockedValue(0)
            source.setEventHandler {
                let count = presses.update { count -> Int in
                    count += 1
                    return count
                }
                if count > 1 { exit(ExitStatus.interrupted.rawValue) }
                task.cancel()
            }
            source.resume()
            return source
        }
        defer {
            for (source, number) in zip(sources, signals) {
                source.cancel()
                signal(number, SIG_DFL)
            }
        }
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }
}
