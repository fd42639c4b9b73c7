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
    /// it is handed over next. Whether it was claimed is decided in the same critical section
    /// that ends the wait, so a claim cannot slip in between and lose its redirect.
    func expire(_ timeout: Duration) {
        finish(.failure(.timedOut(timeout)), unlessClaimed: true)
    }

    /// Hands over the claimed redirect (unless the inbox ended meanwhile, by a timeout or a stop).
    func deliver(_ url: URL) {
        finish(.success(url))
    }

    /// Ends the inbox with `outcome` and resumes every waiter with it, unless it has ended
    /// already, or `unlessClaimed` and a redirect was claimed; answers whether it ended it.
    @discardableResult
    func finish(_ outcome: Result<URL, LoopbackRedirectReceiver.Failure>, unlessClaimed: Bool = false) -> Bool {
        let waiting: [CheckedContinuation<URL, any Error>]? = lock.withLock {
            guard result == nil, !(unlessClaimed && claimed) else { return nil }
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
