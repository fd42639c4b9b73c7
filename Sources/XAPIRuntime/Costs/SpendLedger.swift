import Foundation

/// What one App spent, per UTC day, under X's pay-per-usage pricing, and the budget check
/// before each request.
///
/// Before a priced request is sent, the client reserves its worst case (`max_results` × the
/// price, or the request's price) and the ledger refuses it if a ``SpendBudget`` would be
/// passed; after a 2xx it settles the reservation into a ``Charge``, counting each resource
/// once per UTC day as X does (a re-read the same day is free); after a failure it releases
/// the reservation. With a ``FileSpendStore`` every process on the machine shares the days.
///
/// ```swift
/// var configuration = ClientConfiguration()
/// configuration.spending = SpendLedger(app: "my-app", store: try FileSpendStore(directory: spendDirectory))
/// configuration.budget = SpendBudget(perDay: USD("5.00"))
/// let client = AppOnlyClient(credentials: bearer, configuration: configuration)
/// let page = try await client.followers(of: "2244994945", maxResults: 100)
/// page.charge?.amount                          // $1.00 the first time today, $0.00 the second
/// try await configuration.spending.today().spent
/// ```
public actor SpendLedger {
    /// The App whose spending this is (its consumer key, client ID or any stable name).
    public nonisolated let app: String
    /// Where the days live.
    public nonisolated let store: any SpendStore
    /// The ledger's clock (only `now` is used): it decides the UTC day.
    public nonisolated let clock: ClientClock
    /// How long an unsettled reservation counts before it is considered abandoned.
    public nonisolated let reservationTimeout: Duration

    /// What this ledger charged since it was created: the client's lifetime spending.
    public private(set) var lifetimeSpent: USD = .zero
    private var lifetimeReserved: [String: USD] = [:]

    /// Creates a ledger.
    ///
    /// - Parameters:
    ///   - app: The App's name in the store; processes sharing a store and an App name share
    ///     its days.
    ///   - store: In memory by default; ``FileSpendStore`` shares days between processes.
    ///   - clock: The source of the current time.
    ///   - reservationTimeout: How long a request in flight holds its worst case at most.
    public init(
        app: String = "app",
        store: any SpendStore = InMemorySpendStore(),
        clock: ClientClock = .system,
        reservationTimeout: Duration = .seconds(600)
    ) {
        self.app = app
        self.store = store
        self.clock = clock
        self.reservationTimeout = reservationTimeout
    }

    /// Reserves `worstCase` for a request, or refuses it when a limit of `budget` would be
    /// passed.
    ///
    /// - Parameters:
    ///   - worstCase: The most the request can cost.
    ///   - budget: The limits it must stay within; `nil` for none.
    ///   - operation: The operation, named in a refusal.
    ///   - date: The time of the request (the client's clock); the ledger's clock when `nil`.
    /// - Throws: ``XAPIError`` with ``XAPIError/Code/budgetExceeded`` (saying what is left) or
    ///   ``XAPIError/Code/spendLedgerStorage``; nothing is sent either way.
    public func reserve(
        _ worstCase: USD, budget: SpendBudget?, operation: OperationDescriptor, at date: Date? = nil
    ) async throws -> SpendReservation {
        let now = date ?? clock.now()
        let reservation = SpendReservation(id: UUID().uuidString, operationID: operation.id, day: SpendDay.key(for: now),
                                           amount: worstCase)
        if let limit = budget?.lifetime {
            let reserved = lifetimeReserved.values.reduce(USD.zero, +)
            if lifetimeSpent + reserved + worstCase > limit {
                throw Self.refusal(BudgetExhaustion(period: .lifetime, limit: limit, spent: lifetimeSpent, reserved: reserved,
                                                    requested: worstCase), operation: operation)
            }
        }
        // Held before the store is awaited: reservations made meanwhile (the actor is reentrant)
        // must count this one against the lifetime budget.
        lifetimeReserved[reservation.id] = worstCase
        let timeout = reservationTimeout.seconds
        let dailyLimit = budget?.perDay
        let refusal: BudgetExhaustion?
        do {
            refusal = try await update(day: reservation.day, operation: operation) { day in
                if let dailyLimit {
                    let reserved = day.reserved(at: now, timeout: timeout)
                    if day.spent + reserved + worstCase > dailyLimit {
                        return BudgetExhaustion(period: .day, limit: dailyLimit, spent: day.spent, reserved: reserved, requested: worstCase)
                    }
                }
                day.reserve(SpendDay.Reservation(id: reservation.id, amount: worstCase, date: now))
                return nil
            }
        } catch {
            lifetimeReserved[reservation.id] = nil
            throw error
        }
        if let refusal {
            lifetimeReserved[reservation.id] = nil
            throw Self.refusal(refusal, operation: operation)
        }
        return reservation
    }

    /// Ends a reservation with what the response cost: each resource of `resourceIDs` not yet
    /// charged today at the unit price (or, for a per-request price, the request). Without the
    /// IDs (a response that did not decode, for which X still charges), the reservation's worst
    /// case is recorded, undeduplicated: the ledger errs on the side of having spent more.
    ///
    /// - Parameters:
    ///   - reservation: The request's reservation.
    ///   - pricing: The operation's pricing.
    ///   - resourceIDs: The IDs of the resources returned (``BillableResponse``); `nil` when
    ///     they cannot be known.
    ///   - ownedRead: Whether the Owned Read price applies.
    ///   - date: The time of the response (the client's clock); the ledger's clock when `nil`.
    /// - Throws: ``XAPIError`` with ``XAPIError/Code/spendLedgerStorage``.
    public func settle(
        _ reservation: SpendReservation, pricing: OperationPricing, resourceIDs: [String]?, ownedRead: Bool, at date: Date? = nil
    ) async throws -> Charge {
        // The reservation counts against the lifetime budget until its charge does.
        defer { lifetimeReserved[reservation.id] = nil }
        let today = SpendDay.key(for: date ?? clock.now())
        let operation = reservation.operationID
        if today != reservation.day {
            try await update(day: reservation.day, operationID: operation) { $0.release(reservation.id) }
        }
        let price = pricing.unitPrice(ownedRead: ownedRead)
        let isPerResource: Bool = if case .resource = pricing.unit { true } else { false }
        let keys = isPerResource ? resourceIDs?.compactMap(pricing.resourceKey) : nil
        let unknownUnits = isPerResource && resourceIDs == nil ? reservation.amount.units(of: price) : nil
        let charged = try await update(day: today, operationID: operation) { day in
            day.release(reservation.id)
            if let unknownUnits { return day.chargeUnidentified(unknownUnits, unitPrice: price) }
            return day.charge(resourceKeys: keys, unitPrice: price)
        }
        let charge = Charge(category: pricing.category, billableUnits: unknownUnits ?? keys?.count ?? 1, chargedUnits: charged,
                            unitPrice: price, isOwnedRead: ownedRead)
        lifetimeSpent += charge.amount
        return charge
    }

    /// Frees a reservation: the request failed, so nothing was charged.
    ///
    /// - Throws: ``XAPIError`` with ``XAPIError/Code/spendLedgerStorage``.
    public func release(_ reservation: SpendReservation) async throws {
        lifetimeReserved[reservation.id] = nil
        try await update(day: reservation.day, operationID: reservation.operationID) { $0.release(reservation.id) }
    }

    /// The App's spending today (UTC), as every process sharing the store recorded it.
    ///
    /// - Throws: ``XAPIError`` with ``XAPIError/Code/spendLedgerStorage``.
    public func today() async throws -> SpendSummary {
        try await summary(of: SpendDay.key(for: clock.now()))
    }

    /// The App's spending on a UTC day (`2026-12-04`).
    ///
    /// - Throws: ``XAPIError`` with ``XAPIError/Code/spendLedgerStorage``.
    public func summary(of day: String) async throws -> SpendSummary {
        let now = clock.now()
        let timeout = reservationTimeout.seconds
        return try await update(day: day, operationID: "spendLedger") { state in
            SpendSummary(day: state.day, spent: state.spent, charges: state.chargedRequests,
                         chargedResources: state.chargedResources.count, reserved: state.reserved(at: now, timeout: timeout))
        }
    }

    /// How many of `ids` (resources of `pricing`'s kind) were already charged today, and so
    /// would be free to read again.
    ///
    /// - Throws: ``XAPIError`` with ``XAPIError/Code/spendLedgerStorage``.
    public func chargedToday(_ ids: some Sequence<String> & Sendable, pricing: OperationPricing) async throws -> Int {
        let keys = ids.compactMap(pricing.resourceKey)
        return try await update(day: SpendDay.key(for: clock.now()), operationID: "spendLedger") { day in
            keys.reduce(0) { $0 + (day.chargedResources.contains($1) ? 1 : 0) }
        }
    }

    private static func refusal(_ exhaustion: BudgetExhaustion, operation: OperationDescriptor) -> XAPIError {
        let name = exhaustion.period == .day ? "daily budget" : "budget"
        return XAPIError(
            code: .budgetExceeded,
            operationID: operation.id,
            message: "This request could cost up to \(exhaustion.requested), and the \(name) of \(exhaustion.limit) has "
                + "\(exhaustion.remaining) left (\(exhaustion.spent) spent\(exhaustion.reserved > .zero ? ", \(exhaustion.reserved) in flight" : "")); "
                + "nothing was sent.",
            budget: exhaustion
        )
    }

    @discardableResult
    private func update<Result: Sendable>(
        day: String, operation: OperationDescriptor, _ body: @escaping @Sendable (inout SpendDay) throws -> Result
    ) async throws -> Result {
        try await update(day: day, operationID: operation.id, body)
    }

    @discardableResult
    private func update<Result: Sendable>(
        day: String, operationID: String, _ body: @escaping @Sendable (inout SpendDay) throws -> Result
    ) async throws -> Result {
        do {
            return try await store.update(app: app, day: day, body)
        } catch let error as XAPIError {
            throw error
        } catch {
            throw XAPIError(code: .spendLedgerStorage, operationID: operationID,
                            message: "The spend ledger's storage failed: \(error)", underlyingError: error)
        }
    }
}

/// A request's worst case, held by a ``SpendLedger`` until the response settles it.
public struct SpendReservation: Sendable, Hashable {
    /// A unique ID.
    public let id: String
    /// The operation.
    public let operationID: String
    /// The UTC day it was made on.
    public let day: String
    /// The worst case reserved.
    public let amount: USD
}

/// One App's spending on one UTC day.
public struct SpendSummary: Sendable, Hashable {
    /// The UTC day, `2026-12-04`.
    public var day: String
    /// What was charged.
    public var spent: USD
    /// How many charges were recorded.
    public var charges: Int
    /// How many distinct resources were charged (each is free to read again that day).
    public var chargedResources: Int
    /// The worst cases of requests in flight.
    public var reserved: USD
}
