import Foundation

/// Counts the actions of operations with daily caps (``OperationDescriptor/dailyCaps``) over a
/// rolling 24 hours, per user and per App, and refuses a request that would exceed a cap
/// *before* it is sent.
///
/// The client reserves a slot before sending, commits it when a 2xx comes back and releases it
/// when the request fails, so concurrent calls never overshoot and failures never count.
/// Reservations whose process died are dropped after ``reservationTimeout``.
///
/// ```swift
/// var configuration = ClientConfiguration()
/// configuration.dailyCaps = DailyCapLedger(store: try FileDailyCapStore(url: capsFile))
/// let client = UserClient(credentials: credentials, configuration: configuration)
/// // the 401st follow by one user within 24 hours:
/// // XAPIError(.dailyCapExhausted): ... 400 of 400 used, 0 remaining, next slot at ...
/// ```
public actor DailyCapLedger {
    /// Where the counts live.
    public nonisolated let store: any DailyCapStore
    /// The ledger's clock (only `now` is used).
    public nonisolated let clock: ClientClock
    /// How long an uncommitted reservation counts before it is considered abandoned.
    public nonisolated let reservationTimeout: Duration

    /// Creates a ledger.
    ///
    /// - Parameters:
    ///   - store: The storage, in memory by default; use ``FileDailyCapStore`` to keep counts
    ///     across restarts and share them between processes.
    ///   - clock: The source of the current time.
    ///   - reservationTimeout: How long an in-flight reservation holds its slot at most.
    public init(
        store: any DailyCapStore = InMemoryDailyCapStore(),
        clock: ClientClock = .system,
        reservationTimeout: Duration = .seconds(600)
    ) {
        self.store = store
        self.clock = clock
        self.reservationTimeout = reservationTimeout
    }

    /// Reserves one action of `operation` for `userID` under each of its caps, or refuses.
    ///
    /// - Parameters:
    ///   - operation: The operation; without daily caps nothing is reserved.
    ///   - userID: The acting user, needed when a cap counts per user.
    /// - Returns: The reservation to commit or release, or `nil` when the operation has no caps.
    /// - Throws: ``XAPIError`` with ``XAPIError/Code/dailyCapExhausted`` (saying what remains
    ///   and when the next slot frees), ``XAPIError/Code/unknownAuthenticatedUser`` when a
    ///   per-user cap has no user, or ``XAPIError/Code/dailyCapStorage``.
    public func reserve(_ operation: OperationDescriptor, userID: String?) async throws -> DailyCapReservation? {
        guard !operation.dailyCaps.isEmpty else { return nil }
        var requiredCounters: [DailyCapCounter] = []
        for rule in operation.dailyCaps {
            if rule.scope == .user && userID == nil {
                throw XAPIError(
                    code: .unknownAuthenticatedUser,
                    operationID: operation.id,
                    message: "The per-user daily cap of \(operation.id) needs the acting user's ID, and neither the "
                        + "request nor the credentials tell it; nothing was sent."
                )
            }
            requiredCounters.append(
                DailyCapCounter(operationID: operation.id, rule: rule, userID: rule.scope == .user ? userID : nil)
            )
        }
        let counters = requiredCounters
        let now = clock.now()
        let reservation = DailyCapReservation(
            id: UUID().uuidString, operationID: operation.id, counterKeys: counters.map(\.key), date: now
        )
        let timeout = reservationTimeout.seconds
        let refusal: DailyCapExhaustion? = try await updateStore(operationID: operation.id) { state in
            for counter in counters {
                let entries = Self.live(state.counters[counter.key] ?? [], now: now, timeout: timeout)
                state.counters[counter.key] = entries
                if entries.count >= counter.rule.limit {
                    return counter.exhaustion(entries: entries)
                }
            }
            for counter in counters {
                state.counters[counter.key, default: []].append(
                    DailyCapState.Entry(reservationID: reservation.id, date: now, isCommitted: false)
                )
            }
            return nil
        }
        if let refusal {
            let next = refusal.nextSlotAt.map { "the next slot frees at \(XAPIJSON.string(from: $0))" }
                ?? "a slot frees when an in-flight request fails"
            let who = refusal.scope == .user ? "user \(refusal.userID ?? "")" : "the App"
            throw XAPIError(
                code: .dailyCapExhausted,
                operationID: operation.id,
                message: "The daily cap of \(refusal.limit) \(operation.id) actions per 24 hours for \(who) is used up "
                    + "(\(refusal.used) used, \(refusal.remaining) remaining); \(next). Nothing was sent.",
                retryAfter: refusal.nextSlotAt,
                dailyCap: refusal
            )
        }
        return reservation
    }

    /// Records the reserved action as done (a 2xx came back), counted from now.
    ///
    /// - Throws: ``XAPIError`` with ``XAPIError/Code/dailyCapStorage`` when the store fails.
    public func commit(_ reservation: DailyCapReservation) async throws {
        let now = clock.now()
        try await updateStore(operationID: reservation.operationID) { state in
            for key in reservation.counterKeys {
                guard var entries = state.counters[key] else { continue }
                if let index = entries.firstIndex(where: { $0.reservationID == reservation.id }) {
                    entries[index].isCommitted = true
                    entries[index].date = now
                } else {
                    // The reservation timed out meanwhile; the action still happened.
                    entries.append(DailyCapState.Entry(reservationID: reservation.id, date: now, isCommitted: true))
                }
                state.counters[key] = entries
            }
        }
    }

    /// Frees the reserved slots (the request failed or was never sent).
    ///
    /// - Throws: ``XAPIError`` with ``XAPIError/Code/dailyCapStorage`` when the store fails.
    public func release(_ reservation: DailyCapReservation) async throws {
        try await updateStore(operationID: reservation.operationID) { state in
            for key in reservation.counterKeys {
                state.counters[key]?.removeAll { $0.reservationID == reservation.id && !$0.isCommitted }
                if state.counters[key]?.isEmpty == true { state.counters[key] = nil }
            }
        }
    }

    /// The current use of each cap of `operation` for `userID`.
    public func usage(of operation: OperationDescriptor, userID: String?) async throws -> [DailyCapUsage] {
        let now = clock.now()
        let timeout = reservationTimeout.seconds
        let counters = operation.dailyCaps.map {
            DailyCapCounter(operationID: operation.id, rule: $0, userID: $0.scope == .user ? userID : nil)
        }
        return try await updateStore(operationID: operation.id) { state in
            counters.map { counter in
                let entries = Self.live(state.counters[counter.key] ?? [], now: now, timeout: timeout)
                return DailyCapUsage(
                    scope: counter.rule.scope,
                    userID: counter.userID,
                    limit: counter.rule.limit,
                    committed: entries.filter(\.isCommitted).count,
                    inFlight: entries.filter { !$0.isCommitted }.count,
                    nextSlotAt: counter.nextSlot(entries: entries)
                )
            }
        }
    }

    /// Entries still counting: committed within 24 hours, reserved within the timeout.
    static func live(_ entries: [DailyCapState.Entry], now: Date, timeout: Double) -> [DailyCapState.Entry] {
        let window = Double(DailyCapRule.windowSeconds)
        return entries.filter { entry in
            let age = now.timeIntervalSince(entry.date)
            return entry.isCommitted ? age < window : age < timeout
        }
    }

    private func updateStore<Result: Sendable>(
        operationID: String, _ body: @Sendable (inout DailyCapState) throws -> Result
    ) async throws -> Result {
        do {
            return try await store.update(body)
        } catch let error as XAPIError {
            throw error
        } catch {
            throw XAPIError(
                code: .dailyCapStorage,
                operationID: operationID,
                message: "The daily-cap ledger's storage failed: \(error)",
                underlyingError: error
            )
        }
    }
}
