import Foundation

/// One App's spending on one UTC day, as a ``SpendStore`` keeps it: the amount charged, the
/// resources already charged (X charges each once per UTC day), and the worst cases of the
/// requests in flight.
///
/// It changes only through its methods, which also record each change, so a store can persist
/// the changes (append them) instead of rewriting the whole day.
public struct SpendDay: Sendable, Hashable {
    /// A request in flight: the most it can cost.
    public struct Reservation: Sendable, Hashable, Codable {
        /// The reservation's ID.
        public var id: String
        /// Its worst case.
        public var amount: USD
        /// When it was made.
        public var date: Date

        /// Creates a reservation.
        public init(id: String, amount: USD, date: Date) {
            self.id = id
            self.amount = amount
            self.date = date
        }
    }

    /// One change, as a store persists it.
    public enum Change: Sendable, Hashable, Codable {
        /// A reservation was made.
        case reserved(Reservation)
        /// A reservation ended (settled or released).
        case released(id: String)
        /// A charge was recorded: its amount and the resource keys it charged.
        case charged(amount: USD, resourceKeys: [String])
    }

    /// The UTC day, `2026-12-04`.
    public let day: String
    /// What was charged this day.
    public private(set) var spent: USD = .zero
    /// Requests charged (any amount) this day.
    public private(set) var chargedRequests = 0
    /// The resource keys charged this day (`user:2244994945`).
    public private(set) var chargedResources: Set<String> = []
    /// The requests in flight, by ID.
    public private(set) var reservations: [String: Reservation] = [:]
    /// The changes since the store last took them.
    public internal(set) var changes: [Change] = []

    /// An empty day.
    public init(day: String) {
        self.day = day
    }

    /// The worst case of the reservations made within `timeout` of `now` (older ones belong
    /// to processes that died).
    public func reserved(at now: Date, timeout: TimeInterval) -> USD {
        reservations.values.filter { now.timeIntervalSince($0.date) < timeout }
            .reduce(USD.zero) { $0 + $1.amount }
    }

    /// Records a request in flight.
    public mutating func reserve(_ reservation: Reservation) {
        apply(.reserved(reservation))
    }

    /// Ends a reservation.
    public mutating func release(_ id: String) {
        guard reservations[id] != nil else { return }
        apply(.released(id: id))
    }

    /// Charges the resources of `keys` not yet charged today at `unitPrice` each, or, without
    /// keys, one request at `unitPrice`; returns the units charged.
    public mutating func charge(resourceKeys keys: [String]?, unitPrice: USD) -> Int {
        guard let keys else {
            apply(.charged(amount: unitPrice, resourceKeys: []))
            return 1
        }
        var fresh: [String] = []
        var seen: Set<String> = []
        for key in keys where !chargedResources.contains(key) && seen.insert(key).inserted {
            fresh.append(key)
        }
        apply(.charged(amount: unitPrice * fresh.count, resourceKeys: fresh))
        return fresh.count
    }

    /// Charges `units` resources whose IDs are unknown (a response that did not decode), none
    /// of them deduplicated; returns the units charged.
    public mutating func chargeUnidentified(_ units: Int, unitPrice: USD) -> Int {
        apply(.charged(amount: unitPrice * units, resourceKeys: []))
        return units
    }

    /// Applies a change and records it.
    mutating func apply(_ change: Change) {
        replay(change)
        changes.append(change)
    }

    /// Applies a change read back from storage, without recording it.
    public mutating func replay(_ change: Change) {
        switch change {
        case .reserved(let reservation):
            reservations[reservation.id] = reservation
        case .released(let id):
            reservations[id] = nil
        case .charged(let amount, let keys):
            spent += amount
            chargedRequests += 1
            chargedResources.formUnion(keys)
        }
    }

    /// The UTC day of a date, `2026-12-04`.
    public static func key(for date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
