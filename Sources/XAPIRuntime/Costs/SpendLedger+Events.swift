import Foundation

/// What one delivered event cost, and whether the budget has room for another.
public struct EventCharge: Sendable {
    /// The charge recorded (zero when X already charged the event today, or its kind is free).
    public let charge: Charge
    /// Set when the budget has no room for one more event: the caller stops taking events
    /// (disconnects, unsubscribes); `nil` while there is room or without a budget.
    public let budgetExhausted: XAPIError?
}

extension SpendLedger {
    /// Records what X charges for an event it delivered (on a stream or to a webhook): its
    /// kind's price (``OperationPricing/eventPrice(for:)``), once per event ID and UTC day.
    /// X charged it already, so it is recorded even past the budget; what comes back says
    /// whether the budget has room for one more event at the dearest price, so the caller
    /// stops in time.
    ///
    /// ```swift
    /// let result = try await ledger.chargeEvent(id: event.eventUUID, type: "follow.follow",
    ///                                           pricing: OperationDescriptor.activityStream.pricing!,
    ///                                           budget: budget, operation: .activityStream)
    /// result.charge.amount              // $0.010, or $0.000 the second time today
    /// if let stop = result.budgetExhausted { throw stop }
    /// ```
    ///
    /// - Throws: ``XAPIError`` with ``XAPIError/Code/spendLedgerStorage``.
    public func chargeEvent(
        id: String?, type: String?, pricing: OperationPricing, budget: SpendBudget?, operation: OperationDescriptor,
        at date: Date? = nil
    ) async throws -> EventCharge {
        let eventPricing = pricing.pricing(forEvent: type)
        let now = date ?? clock.now()
        var exhausted: XAPIError?
        let reservation: SpendReservation
        do {
            reservation = try await reserve(eventPricing.price, budget: budget, operation: operation, at: now)
        } catch var error as XAPIError where error.code == .budgetExceeded {
            error.message = "The budget has no room for more events (\(error.budget?.description ?? error.message)). "
                + "The last event delivered was charged, as X charges what it delivers."
            exhausted = error
            reservation = try await reserve(eventPricing.price, budget: nil, operation: operation, at: now)
        }
        let charge = try await settle(reservation, pricing: eventPricing, resourceIDs: id.map { [$0] }, ownedRead: false, at: now)
        if exhausted == nil, let budget, charge.amount > .zero {
            let dearest = ([pricing.price] + pricing.eventPrices.values).max() ?? pricing.price
            do {
                let room = try await reserve(dearest, budget: budget, operation: operation, at: now)
                try await release(room)
            } catch var error as XAPIError where error.code == .budgetExceeded {
                error.message = "The budget has no room for another event (\(error.budget?.description ?? error.message))."
                exhausted = error
            }
        }
        return EventCharge(charge: charge, budgetExhausted: exhausted)
    }
}
