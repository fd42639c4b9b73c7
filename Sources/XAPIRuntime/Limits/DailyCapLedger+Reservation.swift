import Foundation

/// Slots a ``DailyCapLedger`` reserved for one request, to commit or release.
public struct DailyCapReservation: Sendable, Hashable {
    /// A unique ID.
    public let id: String
    /// The operation the slots are for.
    public let operationID: String
    /// The counters holding a slot.
    public let counterKeys: [String]
    /// When the slots were reserved.
    public let date: Date
}

/// How much of one daily cap is used.
public struct DailyCapUsage: Sendable, Hashable {
    /// Whom the cap counts.
    public var scope: LimitScope
    /// The user, for a per-user cap.
    public var userID: String?
    /// The cap.
    public var limit: Int
    /// Actions done in the last 24 hours.
    public var committed: Int
    /// Actions reserved and not yet answered.
    public var inFlight: Int
    /// When the oldest committed action leaves the window.
    public var nextSlotAt: Date?

    /// Slots left now.
    public var remaining: Int { max(0, limit - committed - inFlight) }
}

/// One counter: an operation's cap for the App, or for one user.
struct DailyCapCounter: Sendable {
    var operationID: String
    var rule: DailyCapRule
    var userID: String?

    var key: String {
        switch rule.scope {
        case .app: "\(operationID) app"
        case .user: "\(operationID) user \(userID ?? "")"
        }
    }

    func nextSlot(entries: [DailyCapState.Entry]) -> Date? {
        entries.filter(\.isCommitted).map(\.date).min()
            .map { $0.addingTimeInterval(Double(DailyCapRule.windowSeconds)) }
    }

    func exhaustion(entries: [DailyCapState.Entry]) -> DailyCapExhaustion {
        DailyCapExhaustion(
            scope: rule.scope,
            userID: userID,
            limit: rule.limit,
            used: entries.count,
            remaining: max(0, rule.limit - entries.count),
            nextSlotAt: nextSlot(entries: entries)
        )
    }
}
