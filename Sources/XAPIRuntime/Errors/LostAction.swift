/// An action whose answer was lost (``XAPIError/Code/outcomeUnknown``), and what the client's
/// ledgers hold for it: its daily-cap slot and its worst-case price stay reserved, neither
/// counted as done nor freed, until the caller has looked the outcome up and settles it with
/// ``XAPIClient/settle(_:tookEffect:)``. Unsettled, they hold for the ledgers' reservation
/// timeout.
///
/// ```swift
/// do {
///     try await client.follow(target)
/// } catch let error as XAPIError where error.code == .outcomeUnknown {
///     let followed = try await lookUp(target)             // the caller's lookup
///     if let lost = error.lostAction { await client.settle(lost, tookEffect: followed) }
/// }
/// ```
public struct LostAction: Sendable {
    /// The operation whose answer was lost.
    public let operationID: String
    let operation: OperationDescriptor
    let capReservation: DailyCapReservation?
    let spendReservation: SpendReservation?
    let cost: RequestCost?
}

extension XAPIClient {
    /// Settles the ledgers of an action whose answer was lost, once a lookup told what became
    /// of it: done, its daily-cap slot is committed and its price charged (once, as X charged
    /// it); not done, both are freed, so sending it again counts and costs it once.
    public func settle(_ lost: LostAction, tookEffect: Bool) async {
        if let ledger = configuration.dailyCaps, let reservation = lost.capReservation {
            if tookEffect {
                await commitQuietly(reservation, in: ledger, operation: lost.operation)
            } else {
                await releaseQuietly(reservation, in: ledger, operation: lost.operation)
            }
        }
        if let reservation = lost.spendReservation {
            if tookEffect, let cost = lost.cost {
                _ = await settle(reservation, cost: cost, resourceIDs: nil, operation: lost.operation)
            } else {
                await releaseQuietly(reservation, operation: lost.operation)
            }
        }
    }
}
