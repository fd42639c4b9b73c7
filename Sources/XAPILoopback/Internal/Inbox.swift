import Foundation

/// Where the responder leaves the redirect and the waiter picks it up: the first result wins.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<URL, LoopbackRedirectReceiver.Failure>?
    private var waiters: [CheckedContinuation<URL, any Error>] = []
    private var boundPort: Int?

    /// The bound port, known once the server listens.
    var port: Int? {
        get { lock.withLock { boundPort } }
        set { lock.withLock { boundPort = newValue } }
    }

    private var claimed = false

    /// Claims the one redirect the receiver takes; `false` when it was claimed already or the
    /// inbox has ended (a repeat gets 410).
    func claim() -> Bool {
        lock.withLock {
            guard !claimed, result == nil else { return false }
            claimed = true
            return true
        }
    }

    /// Ends the wait as timed out, unless a redirect was claimed: its page is being written and
    /// it is handed over next.
    func expire(_ timeout: Duration) {
        let isClaimed = lock.withLock { claimed }
        if !isClaimed { finish(.failure(.timedOut(timeout))) }
    }

    /// Hands over the claimed redirect (unless the inbox ended meanwhile, by a timeout or a stop).
    func deliver(_ url: URL) {
        finish(.success(url))
    }

    @discardableResult
    func finish(_ outcome: Result<URL, LoopbackRedirectReceiver.Failure>) -> Bool {
        let waiting: [CheckedContinuation<URL, any Error>]? = lock.withLock {
            guard result == nil else { return nil }
            result = outcome
            defer { waiters.removeAll() }
            return waiters
        }
        guard let waiting else { return false }
        for waiter in waiting { waiter.resume(with: outcome.mapError { $0 as any Error }) }
        return true
    }

    /// The redirect, once it arrives; cancelling the wait ends the inbox as stopped.
    func next() async throws -> URL {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let ready: Result<URL, LoopbackRedirectReceiver.Failure>? = lock.withLock {
                    if let result { return result }
                    waiters.append(continuation)
                    return nil
                }
                if let ready { continuation.resume(with: ready.mapError { $0 as any Error }) }
            }
        } onCancel: {
            finish(.failure(.stopped))
        }
    }
}
