import Foundation
import XFollows

extension SandboxStore {
    /// Starts writing changes to `journal` (after its events were replayed).
    func attach(_ journal: SandboxStateJournal?) {
        stateJournal = journal
    }

    /// Applies replayed (or imported) events of the graph, the limits and the bill, as the
    /// requests that made them did; the authorization server's events are not its own.
    func apply(_ events: [SandboxStateEvent]) {
        for event in events {
            switch event {
            case .follow(let source, let target): follows.follow(source, target)
            case .unfollow(let source, let target): follows.unfollow(source, target)
            case .requestFollow(let source, let target): follows.requestFollow(source, target)
            case .approve(let source, let target): follows.approveRequest(from: source, to: target)
            case .window(let operationID, let scope, let subject, let start, let count):
                windows.restore(RateLimitWindows.Key(operationID: operationID, scope: scope, subject: subject), start: start, count: count)
            case .capAction(let operationID, let scope, let subject, let at):
                caps.record(DailyCapWindows.Key(operationID: operationID, scope: scope, subject: subject), at: at)
            case .charge(let app, let operationID, let resourceIDs, let ownedRead, let at):
                guard let operation = SandboxLimits.operations.first(where: { $0.id == operationID }),
                      let pricing = operation.pricing
                else { continue }
                _ = billing.charge(app: app, operation: operation, pricing: pricing, resourceIDs: resourceIDs,
                                   ownedRead: ownedRead, at: at)
            case .credits(let app, let amount): billing.addCredits(amount, to: app)
            case .grant, .tokens, .refreshUsed, .revoke, .appBearerToken: continue
            }
        }
    }

    /// Forgets every change: the graph and the bill as at start, no window or cap counted.
    /// The journal of requests stays (it is not state a restart keeps).
    func resetState() {
        follows = initialFollows
        billing = initialBilling
        windows = RateLimitWindows()
        caps = DailyCapWindows()
    }
}

extension SandboxStateEvent {
    /// Checks events read from a file someone may have written: every user in the graph,
    /// every operation served, every App known, every count sane. The first fault is named
    /// with its record's number.
    static func validate(
        _ events: [SandboxStateEvent], directory: SandboxDirectory, appKeys: Set<String>, file: String
    ) throws(SandboxStateError) {
        let operations = Set(SandboxLimits.operations.map(\.id))
        for (index, event) in events.enumerated() {
            func fault(_ problem: String) -> SandboxStateError {
                SandboxStateError(file: file, line: index + 1, problem: problem)
            }
            for user in event.userIDs where !directory.contains(user) {
                throw fault("user \(user) is not in the graph served")
            }
            if let operationID = event.operationID, !operations.contains(operationID) {
                throw fault("\"\(operationID)\" is not an operation the sandbox serves")
            }
            if let app = event.appKey, !appKeys.contains(app) {
                throw fault("no App of the graph has the key named")
            }
            switch event {
            case .follow(let source, let target) where source == target, .requestFollow(let source, let target) where source == target:
                throw fault("user \(source) cannot follow themself")
            case .window(_, _, _, _, let count) where count < 0:
                throw fault("a window cannot count \(count) requests")
            case .charge(_, let operationID, _, _, _)
                where SandboxLimits.operations.first(where: { $0.id == operationID })?.pricing == nil:
                throw fault("\"\(operationID)\" is not billed")
            case .tokens(_, let access, _, let refresh) where access.isEmpty || refresh?.isEmpty == true:
                throw fault("a token is empty")
            default:
                continue
            }
        }
    }
}

extension SandboxStore {
    /// Resets and applies `events` in one step, so no request sees the state between.
    func replaceState(with events: [SandboxStateEvent]) {
        resetState()
        apply(events)
    }
}

extension SandboxStore {
    /// One window or cap as the dashboard shows it.
    struct LimitView: Sendable {
        var operationID: String
        var scope: LimitScope
        var subject: String
        var limit: Int
        var used: Int
        var reset: Date
    }

    /// The rate-limit windows open at `now` and the daily caps with actions counting.
    func limitViews(at now: Date) -> (windows: [LimitView], caps: [LimitView]) {
        var windowViews: [LimitView] = []
        for (key, start, count) in windows.openWindows() {
            guard let rule = limits.rateLimits[key.operationID]?.first(where: { $0.scope == key.scope }) else { continue }
            let reset = start.addingTimeInterval(TimeInterval(max(1, rule.windowSeconds)))
            guard reset > now else { continue }
            windowViews.append(LimitView(operationID: key.operationID, scope: key.scope, subject: key.subject,
                                         limit: rule.requests, used: count, reset: reset))
        }
        var capViews: [LimitView] = []
        for key in caps.liveKeys(at: now) {
            guard let rule = limits.dailyCaps[key.operationID]?.first(where: { $0.scope == key.scope }) else { continue }
            let status = caps.status(rule, key: key, at: now)
            capViews.append(LimitView(operationID: key.operationID, scope: key.scope, subject: key.subject,
                                      limit: rule.limit, used: rule.limit - (status.remaining ?? 0), reset: status.reset ?? now))
        }
        let order: (LimitView, LimitView) -> Bool = { ($0.operationID, $0.subject) < ($1.operationID, $1.subject) }
        return (windowViews.sorted(by: order), capViews.sorted(by: order))
    }
}
