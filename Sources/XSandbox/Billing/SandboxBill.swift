import Foundation
import XFollows

/// What the sandbox billed each App: its plan and owner, its credits, what it spent today and
/// in all, and every charge with its units and amount. `GET /_sandbox/bill` answers it as
/// JSON; ``SandboxServer/bill()`` returns it in-process.
///
/// ```swift
/// let bill = await server.bill()
/// bill.apps[0].spentToday      // $10.00 after 1,000 followers read once
/// bill.apps[0].charges.last    // usersIdFollowers: $10.00 (1,000 of 1,000 at $0.010)
/// ```
public struct SandboxBill: Sendable, Hashable, Codable {
    /// One charge.
    public struct Entry: Sendable, Hashable, Codable {
        /// When.
        public var date: Date
        /// The operation charged.
        public var operationID: String
        /// Its units, price and amount.
        public var units: Int
        /// Units charged after same-day deduplication.
        public var chargedUnits: Int
        /// The unit price.
        public var unitPrice: USD
        /// Whether the Owned Read price applied.
        public var isOwnedRead: Bool
        /// The amount.
        public var amount: USD

        init(date: Date, operationID: String, charge: Charge) {
            self.date = date
            self.operationID = operationID
            self.units = charge.billableUnits
            self.chargedUnits = charge.chargedUnits
            self.unitPrice = charge.unitPrice
            self.isOwnedRead = charge.isOwnedRead
            self.amount = charge.amount
        }

        enum CodingKeys: String, CodingKey {
            case date
            case operationID = "operation_id"
            case units
            case chargedUnits = "charged_units"
            case unitPrice = "unit_price"
            case isOwnedRead = "owned_read"
            case amount
        }
    }

    /// One App's account.
    public struct App: Sendable, Hashable, Codable {
        /// The App's ID.
        public var id: String
        /// Its name.
        public var name: String
        /// Its plan.
        public var plan: String
        /// Its owner, whose own lists are Owned Reads.
        public var ownerID: String?
        /// The credits left; `nil` for unlimited.
        public var balance: USD?
        /// Spent today (UTC).
        public var spentToday: USD
        /// Spent since the sandbox started.
        public var spentInAll: USD
        /// Units charged this UTC month, which the usage cap counts.
        public var unitsThisMonth: Int
        /// The monthly usage cap; `nil` for none.
        public var usageCap: Int?
        /// Every charge, oldest first.
        public var charges: [Entry]

        enum CodingKeys: String, CodingKey {
            case id, name, plan, balance, charges
            case ownerID = "owner_id"
            case spentToday = "spent_today"
            case spentInAll = "spent_in_all"
            case unitsThisMonth = "units_this_month"
            case usageCap = "usage_cap"
        }
    }

    /// The Apps, in the graph's order.
    public var apps: [App]

    /// The App with an ID.
    public func app(_ id: String) -> App? {
        apps.first { $0.id == id }
    }
}
