import Foundation
import HTTPTypes
import OpenAPIRuntime

extension StreamSession {
    /// Makes the next connection attempt, after the wait a reconnection calls for. On a 2xx
    /// the connection is up; a failure worth retrying schedules the next attempt; any other
    /// failure throws.
    func connect() async throws {
        var backfill: Int?
        if let reason = pendingReconnect {
            backfill = backfillMinutes(after: pendingDelay)
            let reconnect = StreamReconnect(connection: connection + 1, failedAttempts: failures?.count ?? 0, reason: reason,
                                            delay: pendingDelay, backfillMinutes: backfill)
            notify(.reconnecting(reconnect))
            environment.logger.debug("Stream reconnecting", metadata: [
                "xapi.operation": .string(environment.operation.id), "reconnect": .string(reconnect.description),
            ])
            if pendingDelay > .zero { try await environment.clock.sleep(pendingDelay) }
        } else if connection == 0 {
            try await checkBudget()
        }
        connection += 1
        var request = environment.request
        if let backfill, let parameter = environment.operation.streaming?.backfillParameter {
            request.replaceQueryItem(parameter, value: String(backfill))
        }

        let opened: OpenedResponse
        do {
            opened = try await environment.connect(request, connection)
        } catch let error as XAPIError where error.code == .transport {
            try schedule(.network, reason: .networkError(error.message), failure: error)
            return
        }
        let status = opened.response.status
        if status.kind == .successful {
            reader = StreamBodyReader(body: opened.body ?? HTTPBodyFactory.empty, stallTimeout: options.stallTimeout,
                                      maximumLineBytes: options.maximumLineBytes)
            failures = nil
            pendingReconnect = nil
            notify(.connected(connection: connection, backfillMinutes: backfill))
            environment.logger.debug("Stream connected", metadata: [
                "xapi.operation": .string(environment.operation.id), "xapi.connection": .stringConvertible(connection),
            ])
            return
        }

        let data: Data
        do {
            data = try await opened.collect(upTo: 64 * 1024)
        } catch let error as XAPIError where error.code == .transport {
            try schedule(.network, reason: .networkError(error.message), failure: error)
            return
        }
        let failure = environment.interpreter.failure(status: status.code, reason: status.reasonPhrase,
                                                      headers: opened.response.headerFields, data: data)
        if failure.isFinalRefusal { throw failure }
        switch status.code {
        case 429, 420:
            try schedule(.rateLimited, reason: .rateLimited(reset: failure.retryAfter), failure: failure, notBefore: failure.retryAfter)
        case 408, 425, 500...599:
            try schedule(.http, reason: .httpError(status: status.code, message: failure.problem?.detail ?? failure.message),
                         failure: failure)
        default:
            throw failure
        }
    }

    /// Counts a failed attempt and sets the wait before the next, or throws `failure` when
    /// the policy's attempts are used up.
    private func schedule(
        _ kind: StreamReconnectionPolicy.Failure, reason: StreamReconnect.Reason, failure: XAPIError, notBefore: Date? = nil
    ) throws {
        let count = failures?.kind == kind ? (failures?.count ?? 0) + 1 : 1
        failures = (kind, count)
        let total = count
        if let maximum = options.reconnection.maximumAttempts, total >= maximum {
            var failure = failure
            failure.message += " The stream gave up after \(total) failed attempt(s) in a row."
            throw failure
        }
        var delay = options.reconnection.delay(after: kind, consecutive: count)
        if let notBefore {
            let untilReset = Duration.clamped(seconds: notBefore.timeIntervalSince(environment.clock.now()))
            delay = max(delay, untilReset)
        }
        pendingReconnect = reason
        pendingDelay = delay
    }

    /// The minutes of events to ask for again once `delay` has passed: since bytes last
    /// arrived, rounded up, within the parameter's maximum; `nil` when the operation cannot
    /// backfill or nothing was missed.
    func backfillMinutes(after delay: Duration) -> Int? {
        guard options.backfillOnReconnect, let streaming = environment.operation.streaming,
              streaming.backfillParameter != nil, let lastActivity else { return nil }
        let connectingAt = environment.clock.now().addingTimeInterval(delay.seconds)
        let elapsed = max(0, connectingAt.timeIntervalSince(lastActivity))
        var minutes = max(1, Int((elapsed / 60).rounded(.up)))
        if let maximum = streaming.maximumBackfillMinutes { minutes = min(minutes, maximum) }
        return minutes
    }

    /// Before the first connection of a priced stream, and after each charge: the budget must
    /// have room for one more event at its dearest.
    func checkBudget() async throws {
        guard let pricing = environment.operation.pricing, let budget = environment.budget else { return }
        let worst = ([pricing.price] + pricing.eventPrices.values).max() ?? pricing.price
        guard worst > .zero else { return }
        let reservation = try await environment.spending.reserve(worst, budget: budget, operation: environment.operation,
                                                                 at: environment.clock.now())
        try await environment.spending.release(reservation)
    }
}

/// An empty body, for a 2xx that came without one (it ends at once, and the stream reconnects).
enum HTTPBodyFactory {
    static var empty: HTTPBody { HTTPBody() }
}
