import Foundation
import HTTPTypes
import OpenAPIRuntime
import XFollows

/// Knows when the client is waiting and why, so a progress line can count down: its clock
/// records each wait the runtime makes (a rate-limit reset, a retry's backoff) and its
/// middleware notes the reset time of every 429.
///
/// ```swift
/// let monitor = WaitMonitor()
/// configuration.clock = monitor.clock()
/// configuration.middlewares.append(monitor.middleware)
/// monitor.currentWait   // (until: 14:05:09, reason: .rateLimit) while waiting out a 429
/// ```
public final class WaitMonitor: Sendable {
    /// Why the client waits.
    public enum Reason: Sendable, Hashable {
        /// A 429: waiting for the rate limit to reset.
        case rateLimit
        /// Backing off before retrying a failed request.
        case retry
    }

    /// A wait under way.
    public struct Wait: Sendable, Hashable {
        /// When it ends.
        public var until: Date
        /// Why.
        public var reason: Reason
    }

    private struct State {
        var wait: Wait?
        var lastRateLimited: Date?
    }

    private let state = LockedValue(State())
    private let now: @Sendable () -> Date

    /// A monitor on the system clock (tests pass another).
    public init(now: @escaping @Sendable () -> Date = Date.init) {
        self.now = now
    }

    /// The wait under way, if any.
    public var currentWait: Wait? { state.current.wait }

    /// A client clock that sleeps as `base` does and records the wait meanwhile.
    public func clock(base: ClientClock = .system) -> ClientClock {
        ClientClock(now: base.now, sleep: { [self] duration in
            let start = now()
            state.update { state in
                let rateLimited = state.lastRateLimited.map { start.timeIntervalSince($0) < 5 } ?? false
                state.wait = Wait(until: start.addingTimeInterval(duration.seconds), reason: rateLimited ? .rateLimit : .retry)
                state.lastRateLimited = nil
            }
            defer { state.update { $0.wait = nil } }
            try await base.sleep(duration)
        })
    }

    /// A middleware that notes each 429 (the wait that follows is a rate-limit wait).
    public var middleware: any ClientMiddleware { Observer(monitor: self) }

    fileprivate func sawRateLimit() {
        let when = now()
        state.update { $0.lastRateLimited = when }
    }

    private struct Observer: ClientMiddleware {
        let monitor: WaitMonitor

        func intercept(
            _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
            next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
        ) async throws -> (HTTPResponse, HTTPBody?) {
            let (response, responseBody) = try await next(request, body, baseURL)
            if response.status.code == 429 { monitor.sawRateLimit() }
            return (response, responseBody)
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var seconds: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
