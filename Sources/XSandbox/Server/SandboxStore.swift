import Foundation
import XFollows

/// The sandbox's mutable state behind one actor: follows, limit counters, nonces and the
/// request journal. Every change a request makes (a follow and the caps it uses, a window's
/// count) happens in one actor call, so concurrent requests never see half of one.
actor SandboxStore {
    /// A page of a list: the IDs, each user's live counts, and where the page lies.
    struct Page: Sendable {
        var ids: [UInt64]
        var counts: [UInt64: (followers: Int, following: Int)]
        var range: Range<Int>
        var total: Int
    }

    /// The 24-hour caps a write was counted under, as headers report them.
    struct DailyStatuses: Sendable {
        var user: RateLimitStatus?
        var app: RateLimitStatus?

        var isExhausted: Bool { user?.isExhausted == true || app?.isExhausted == true }
    }

    /// What a follow or unfollow did.
    enum WriteResult<Outcome: Sendable>: Sendable {
        /// Done: the outcome, the caps after it, and whether the relationship changed (a
        /// follow that is new, an unfollow of someone followed), which makes an activity event.
        case done(Outcome, DailyStatuses, changed: Bool)
        case capped(DailyStatuses)
    }

    // The state `--state DIR` keeps (SandboxStore+State.swift replays and resets it).
    var follows: FollowGraph
    private(set) var limits: SandboxLimits
    var windows = RateLimitWindows()
    var caps = DailyCapWindows()
    private var nonces: NonceRegistry
    var billing: SandboxBilling
    /// The graph and bill at start, before any request: what a reset returns to.
    let initialFollows: FollowGraph
    let initialBilling: SandboxBilling
    /// Where changes are written before they are answered; `nil` without `--state`.
    var stateJournal: SandboxStateJournal?
    private var journal: [SandboxRequestRecord] = []
    /// Where the oldest record sits once the journal is full (it is then a ring).
    private var journalStart = 0
    private let journalCapacity: Int

    init(
        follows: FollowGraph, limits: SandboxLimits, tolerance: TimeInterval, journalCapacity: Int,
        billing: SandboxBilling = SandboxBilling(credits: nil, usageCap: nil)
    ) {
        self.follows = follows
        self.initialFollows = follows
        self.limits = limits
        self.billing = billing
        self.initialBilling = billing
        self.nonces = NonceRegistry(tolerance: tolerance)
        self.journalCapacity = max(0, journalCapacity)
    }

    // MARK: Authentication and windows

    func verify(
        _ verifier: OAuth1Verifier, method: String, url: URL, authorization: String, at now: Date
    ) -> Result<OAuth1Verifier.Identity, OAuth1Verifier.Failure> {
        verifier.verify(method: method, url: url, authorization: authorization, at: now, nonces: &nonces)
    }

    /// Counts a request against the operation's window for the principal's scope; the status
    /// is `nil` when no window applies.
    func admit(_ operation: OperationDescriptor, principal: SandboxPrincipal, at now: Date) -> RateLimitWindows.Decision? {
        let scope: LimitScope = principal.method == .appOnly ? .app : .user
        guard let rule = limits.rateLimits(for: operation).first(where: { $0.scope == scope }),
              let subject = principal.subject(for: scope)
        else { return nil }
        let decision = windows.consume(rule, operationID: operation.id, subject: subject, at: now)
        if decision.isAllowed, let stateJournal,
           let window = windows.window(RateLimitWindows.Key(operationID: operation.id, scope: scope, subject: subject)) {
            stateJournal.append([.window(operationID: operation.id, scope: scope, subject: subject,
                                         start: window.start, count: window.count)])
        }
        return decision
    }

    /// The principal's window for the operation without counting a request; `nil` when no
    /// window applies.
    func windowStatus(_ operation: OperationDescriptor, principal: SandboxPrincipal, at now: Date) -> RateLimitStatus? {
        let scope: LimitScope = principal.method == .appOnly ? .app : .user
        guard let rule = limits.rateLimits(for: operation).first(where: { $0.scope == scope }),
              let subject = principal.subject(for: scope)
        else { return nil }
        return windows.status(rule, operationID: operation.id, subject: subject, at: now)
    }

    // MARK: Lookups

    func page(_ list: PageToken.List, of owner: UInt64, position: PageToken.Position, size: Int) -> Page {
        let total = follows.count(of: list, owner: owner)
        let range = PageToken(list: list, ownerID: owner, position: position).range(size: size, count: total)
        let ids = follows.ids(in: list, of: owner, range: range)
        var counts: [UInt64: (followers: Int, following: Int)] = [:]
        counts.reserveCapacity(ids.count)
        for id in ids {
            counts[id] = (follows.followerCount(of: id), follows.followingCount(of: id))
        }
        return Page(ids: ids, counts: counts, range: range, total: total)
    }

    /// The live follower and following counts of users.
    func counts(of ids: [UInt64]) -> [UInt64: (followers: Int, following: Int)] {
        var counts: [UInt64: (followers: Int, following: Int)] = [:]
        counts.reserveCapacity(ids.count)
        for id in ids {
            counts[id] = (follows.followerCount(of: id), follows.followingCount(of: id))
        }
        return counts
    }

    // MARK: Writes

    /// Follows (or asks to follow a protected user) if no daily cap is exhausted, and counts
    /// the action under every cap.
    func follow(
        _ source: UInt64, _ target: UInt64, targetIsProtected: Bool,
        operation: OperationDescriptor, principal: SandboxPrincipal, at now: Date
    ) -> WriteResult<FollowOutcome> {
        let keys = capKeys(operation, principal: principal)
        let before = statuses(keys, at: now)
        guard !before.isExhausted else { return .capped(before) }
        let outcome: FollowOutcome
        var changed = false
        var events: [SandboxStateEvent] = []
        if follows.isFollowing(source, target) {
            outcome = .following
        } else if targetIsProtected {
            if follows.requestFollow(source, target) { events.append(.requestFollow(source: source, target: target)) }
            outcome = .pending
        } else {
            changed = follows.follow(source, target)
            if changed { events.append(.follow(source: source, target: target)) }
            outcome = .following
        }
        for (_, key) in keys { caps.record(key, at: now) }
        stateJournal?.append(events + Self.capEvents(keys, at: now))
        return .done(outcome, statuses(keys, at: now), changed: changed)
    }

    /// Unfollows (and cancels a pending request) if no daily cap is exhausted, and counts the
    /// action under every cap.
    func unfollow(
        _ source: UInt64, _ target: UInt64, operation: OperationDescriptor, principal: SandboxPrincipal, at now: Date
    ) -> WriteResult<Bool> {
        let keys = capKeys(operation, principal: principal)
        let before = statuses(keys, at: now)
        guard !before.isExhausted else { return .capped(before) }
        let wasFollowing = follows.isFollowing(source, target)
        let changed = follows.unfollow(source, target)
        for (_, key) in keys { caps.record(key, at: now) }
        stateJournal?.append((changed ? [.unfollow(source: source, target: target)] : []) + Self.capEvents(keys, at: now))
        return .done(follows.isFollowing(source, target), statuses(keys, at: now), changed: wasFollowing)
    }

    /// Makes `source` follow `target`, or stop, with no cap counted (the sandbox's own
    /// scripted follows); answers whether anything changed.
    func setFollowing(_ source: UInt64, _ target: UInt64, _ following: Bool) -> Bool {
        let changed = following ? follows.follow(source, target) : follows.unfollow(source, target)
        if changed {
            stateJournal?.append([following ? .follow(source: source, target: target) : .unfollow(source: source, target: target)])
        }
        return changed
    }

    private static func capEvents(_ keys: [(DailyCapRule, DailyCapWindows.Key)], at now: Date) -> [SandboxStateEvent] {
        keys.map { .capAction(operationID: $0.1.operationID, scope: $0.1.scope, subject: $0.1.subject, at: now) }
    }

    private func capKeys(_ operation: OperationDescriptor, principal: SandboxPrincipal) -> [(DailyCapRule, DailyCapWindows.Key)] {
        limits.dailyCaps(for: operation).compactMap { rule in
            principal.subject(for: rule.scope).map {
                (rule, DailyCapWindows.Key(operationID: operation.id, scope: rule.scope, subject: $0))
            }
        }
    }

    private func statuses(_ keys: [(DailyCapRule, DailyCapWindows.Key)], at now: Date) -> DailyStatuses {
        var result = DailyStatuses()
        for (rule, key) in keys {
            let status = caps.status(rule, key: key, at: now)
            switch rule.scope {
            case .user: result.user = Self.tighter(result.user, status)
            case .app: result.app = Self.tighter(result.app, status)
            }
        }
        return result
    }

    private static func tighter(_ current: RateLimitStatus?, _ candidate: RateLimitStatus) -> RateLimitStatus {
        guard let current else { return candidate }
        return (candidate.remaining ?? 0) < (current.remaining ?? 0) ? candidate : current
    }

    // MARK: Billing

    /// Why an App's request is refused before it runs (out of credits, a usage cap), if it is.
    func billingRefusal(for app: String, at now: Date) -> SandboxBilling.Refusal? {
        billing.refusal(for: app, at: now)
    }

    /// Charges what a response returned.
    func charge(
        app: String, operation: OperationDescriptor, pricing: OperationPricing, resourceIDs: [String], ownedRead: Bool,
        at now: Date
    ) -> Charge {
        stateJournal?.append([.charge(app: app, operationID: operation.id, resourceIDs: resourceIDs, ownedRead: ownedRead, at: now)])
        return billing.charge(app: app, operation: operation, pricing: pricing, resourceIDs: resourceIDs, ownedRead: ownedRead, at: now)
    }

    func addCredits(_ amount: USD, to app: String) {
        stateJournal?.append([.credits(app: app, amount: amount)])
        billing.addCredits(amount, to: app)
    }

    func bill(of apps: [SandboxApp], at now: Date) -> SandboxBill {
        billing.bill(of: apps, at: now)
    }

    // MARK: Journal

    func record(_ entry: SandboxRequestRecord) {
        guard journalCapacity > 0 else { return }
        if journal.count < journalCapacity {
            journal.append(entry)
        } else {
            journal[journalStart] = entry
            journalStart = (journalStart + 1) % journalCapacity
        }
    }

    /// The journal, oldest first.
    func requests() -> [SandboxRequestRecord] {
        Array(journal[journalStart...] + journal[..<journalStart])
    }

    func clearRequests() {
        journal.removeAll()
        journalStart = 0
    }

    // MARK: Inspection and control

    /// Runs `body` on the follow graph inside the actor, so no copy of it escapes.
    func inspect<Result: Sendable>(_ body: @Sendable (FollowGraph) -> Result) -> Result {
        body(follows)
    }

    func setLimits(_ newLimits: SandboxLimits) { limits = newLimits }

    func dailyCapCount(operation: OperationDescriptor, scope: LimitScope, subject: String, at now: Date) -> Int {
        caps.count(for: DailyCapWindows.Key(operationID: operation.id, scope: scope, subject: subject), at: now)
    }

    @discardableResult
    func approveRequest(from source: UInt64, to target: UInt64) -> Bool {
        let approved = follows.approveRequest(from: source, to: target)
        if approved { stateJournal?.append([.approve(source: source, target: target)]) }
        return approved
    }
}
