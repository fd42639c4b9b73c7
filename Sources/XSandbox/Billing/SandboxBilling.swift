import Foundation
import XFollows

/// What the sandbox bills each App, as X's pay-per-usage pricing does: prices from the spec
/// (`OperationDescriptor.pricing`), Owned Reads, each resource charged once per UTC day (the
/// runtime's `SpendDay`, the rule the client's `SpendLedger` counts by too), prepaid
/// credits that stop requests once spent (X: "API requests will be blocked until you add
/// credits"; the last request may take the balance below zero), and an optional monthly
/// usage cap.
struct SandboxBilling: Sendable {
    /// Why a request is refused before it runs.
    enum Refusal: Sendable, Hashable {
        /// The balance is zero or below: X's 402 `credits-depleted`.
        case creditsDepleted
        /// The App's monthly usage cap is reached: X's 429 `usage-capped`.
        case usageCapped
    }

    /// One App's account.
    struct Account: Sendable {
        /// The credits left; `nil` for unlimited.
        var balance: USD?
        var days: [String: SpendDay] = [:]
        /// Units charged per UTC month (`2026-12`), for the usage cap.
        var monthUnits: [String: Int] = [:]
        var charges: [SandboxBill.Entry] = []
        var total: USD = .zero
    }

    /// Each App's starting balance; `nil` for unlimited credits.
    let credits: USD?
    /// Charged units an App may use per UTC month; `nil` for no cap.
    let usageCap: Int?
    private var accounts: [String: Account] = [:]

    init(credits: USD?, usageCap: Int?) {
        self.credits = credits
        self.usageCap = usageCap
    }

    /// Whether an App's request is refused before it runs: out of credits first, then the cap.
    func refusal(for app: String, at now: Date) -> Refusal? {
        let account = accounts[app] ?? Account(balance: credits)
        if let balance = account.balance, balance <= .zero { return .creditsDepleted }
        if let usageCap, account.monthUnits[Self.month(of: now), default: 0] >= usageCap { return .usageCapped }
        return nil
    }

    /// Charges what a response returned: each resource not yet charged today (or the
    /// request), at the Owned Read price when it applies.
    mutating func charge(
        app: String, operation: OperationDescriptor, pricing: OperationPricing, resourceIDs: [String], ownedRead: Bool,
        at now: Date
    ) -> Charge {
        var account = accounts[app] ?? Account(balance: credits)
        let dayKey = SpendDay.key(for: now)
        var day = account.days[dayKey] ?? SpendDay(day: dayKey)
        let price = pricing.unitPrice(ownedRead: ownedRead)
        let keys: [String]? = if case .resource = pricing.unit { resourceIDs.compactMap(pricing.resourceKey) } else { nil }
        let units = day.charge(resourceKeys: keys, unitPrice: price)
        account.days[dayKey] = day
        let charge = Charge(category: pricing.category, billableUnits: keys?.count ?? 1, chargedUnits: units,
                            unitPrice: price, isOwnedRead: ownedRead)
        account.balance = account.balance.map { $0 - charge.amount }
        account.total += charge.amount
        account.monthUnits[Self.month(of: now), default: 0] += units
        account.charges.append(SandboxBill.Entry(date: now, operationID: operation.id, charge: charge))
        accounts[app] = account
        return charge
    }

    /// Adds credits to an App's balance (an App with unlimited credits stays so).
    mutating func addCredits(_ amount: USD, to app: String) {
        var account = accounts[app] ?? Account(balance: credits)
        account.balance = account.balance.map { $0 + amount }
        accounts[app] = account
    }

    /// The bill of every App, as of `now`.
    func bill(of apps: [SandboxApp], at now: Date) -> SandboxBill {
        let today = SpendDay.key(for: now)
        return SandboxBill(apps: apps.map { app in
            let account = accounts[app.key] ?? Account(balance: credits)
            return SandboxBill.App(
                id: app.id, name: app.name, plan: app.plan.rawValue, ownerID: app.ownerID, balance: account.balance,
                spentToday: account.days[today]?.spent ?? .zero, spentInAll: account.total,
                unitsThisMonth: account.monthUnits[Self.month(of: now), default: 0], usageCap: usageCap,
                charges: account.charges)
        })
    }

    /// The UTC month of a date, `2026-12`.
    static func month(of date: Date) -> String {
        String(SpendDay.key(for: date).prefix(7))
    }
}
