import Foundation
import XFollows

/// Follows or unfollows a list of accounts one at a time through the generated client, with
/// the daily caps kept in the persistent ledger every run and process shares: the runtime
/// refuses the request that would pass a cap before sending it, and the run stops there with
/// "N done, M left, next slot at T". Each answer is journaled as it arrives, so `--resume`
/// goes on with what is left. An answer lost on the way is looked up, never sent blindly
/// again (``FollowReconciler``); what no lookup confirms is reported as unconfirmed.
///
/// ```swift
/// let runner = BulkActionRunner(context: context, client: client, ledger: ledger, actor: me, monitor: monitor)
/// let summary = try await runner.run(BulkRequest(action: .follow, targets: targets))
/// print(summary.line())   // 400 done, 50 left, next slot at 14:05:09 (…)
/// ```
public struct BulkActionRunner: Sendable {
    /// Output, server and configuration directory.
    public let context: CommandContext
    /// The user's client (its configuration holds the ledger).
    public let client: UserClient
    /// The daily-cap ledger the client counts in.
    public let ledger: DailyCapLedger
    /// Who follows or unfollows.
    public let actor: Account
    /// Tells the progress line when the client waits.
    public let monitor: WaitMonitor?
    /// What it may spend (`--max-cost`, `--yes`, `--confirm-above`); `nil` asks no one.
    public let cost: CostOptions?

    /// A runner.
    public init(context: CommandContext, client: UserClient, ledger: DailyCapLedger, actor: Account, monitor: WaitMonitor?,
                cost: CostOptions? = nil) {
        self.context = context
        self.client = client
        self.ledger = ledger
        self.actor = actor
        self.monitor = monitor
        self.cost = cost
    }

    /// Runs the request and returns where it stands; results are printed as they come.
    ///
    /// - Throws: ``CLIFailure`` for a journal of this list found without `--resume` or
    ///   `--restart`; the client's errors that stop the whole run (credentials refused, the
    ///   server unreachable), after the summary so far was printed.
    public func run(_ request: BulkRequest) async throws -> BulkSummary {
        try context.directory.create(context.directory.runsDirectory)
        let journal = try FollowJournal(directory: context.directory.runsDirectory, server: context.server,
                                        actor: actor.id, action: request.action, targets: request.targets)
        if request.restart { journal.remove() }
        if journal.exists, !request.resume, !request.dryRun {
            let done = journal.entries.values.filter(\.result.isDone).count
            throw CLIFailure.usage("This list was started \(journal.startedAt.map { "at \(Formatting.time($0)) " } ?? "")"
                + "by \(actor) (\(Formatting.count(done)) of \(Formatting.count(request.targets.count)) done; journal "
                + "\(journal.url.path)). Pass --resume to go on, or --restart to do it all again.")
        }
        var summary = BulkSummary(action: request.action, total: request.targets.count)
        for entry in journal.entries.values where entry.result.isDone { summary.count(entry.result) }
        let pendingTargets = request.targets.filter { journal.entries[$0.key]?.result.isDone != true }

        let remaining = try await remainingToday(request.action)
        if !request.json || request.dryRun {
            context.errors.line(intro(request, pending: pendingTargets.count, remaining: remaining))
        }
        try approveCost(of: request, pending: pendingTargets.count, fitting: remaining?.count)
        let resolved = try await TargetResolver(client: client).resolve(pendingTargets)
        if request.dryRun {
            for (index, item) in resolved.enumerated() {
                let (outcome, text) = dryRunLine(item, request: request, fits: remaining.map { index < $0.count } ?? true)
                print(text, outcome: outcome, detail: outcome == nil ? nil : item.problem, request: request, item: item)
            }
            return summary
        }

        let progress = progressLine(request, done: summary.done)
        defer { progress?.finish(nil) }
        for item in resolved {
            if Task.isCancelled {
                summary.stoppedBy = "interrupted"
                break
            }
            guard let user = item.user else {
                summary.notFound += 1
                try record(item, outcome: .notFound, detail: item.problem ?? "no such account", in: journal, request: request, progress: progress)
                continue
            }
            do {
                let lookFirst = journal.entries[item.target.key]?.result == .unconfirmed
                let (outcome, detail) = try await performConfirmed(request.action, on: user, lookFirst: lookFirst)
                summary.count(outcome)
                try record(item, outcome: outcome, detail: detail, in: journal, request: request, progress: progress)
                progress?.record(count: summary.done)
            } catch let error as XAPIError where error.code == .dailyCapExhausted {
                summary.stoppedBy = "daily cap"
                summary.nextSlotAt = error.dailyCap?.nextSlotAt ?? error.retryAfter
                break
            } catch let error as XAPIError where error.code == .rateLimited {
                summary.stoppedBy = "rate limit"
                summary.nextSlotAt = error.retryAfter
                break
            } catch let error as XAPIError where error.code == .budgetExceeded {
                let limit = error.budget?.limit.description ?? ""
                summary.stoppedBy = error.budget?.period == .day ? "daily budget (--daily-budget \(limit))" : "budget (--max-cost \(limit))"
                break
            } catch let error as XAPIError where Self.isRefusalOfThisAccount(error) {
                summary.failed += 1
                try record(item, outcome: .failed, detail: error.problem?.detail ?? error.message, in: journal, request: request, progress: progress)
            } catch is CancellationError {
                summary.stoppedBy = "interrupted"
                break
            } catch {
                progress?.finish(nil)
                printSummary(summary, request: request)
                throw error
            }
        }
        return summary
    }

    /// Prints the summary (stdout: a line, or the JSON summary object).
    public func printSummary(_ summary: BulkSummary, request: BulkRequest) {
        if request.json {
            if let data = try? XAPIJSON.makeEncoder().encode(summary.json) {
                context.output.line(String(decoding: data, as: UTF8.self))
            }
        } else {
            context.output.line(summary.line())
        }
    }

    /// Says what the run can cost (the lookups of the accounts, then one request per account
    /// the daily cap lets through) and asks when it must.
    private func approveCost(of request: BulkRequest, pending: Int, fitting: Int?) throws {
        guard let cost, let lookup = TargetResolver.operation.pricing, let pricing = request.action.operation.pricing,
              pending > 0
        else { return }
        let actions = CostEstimate(units: min(pending, fitting ?? pending), unit: request.action.verb, pricing: pricing, ownedRead: false)
        let lookups = CostEstimate(units: pending, unit: "account lookup", pricing: lookup, ownedRead: false)
        let approval = SpendApproval(context: context, options: cost)
        if request.dryRun {
            context.errors.line("The run would cost \(CostEstimate.sentence([actions, lookups])).")
            try approval.approve([lookups], what: "This dry run's lookups")
        } else {
            try approval.approve([actions, lookups], what: "This run")
        }
    }

    /// A 4xx about this account (not the credentials, not a limit): the run goes on.
    static func isRefusalOfThisAccount(_ error: XAPIError) -> Bool {
        guard error.code == .http, let status = error.status else { return false }
        return (400..<500).contains(status) && status != 401 && status != 429
            && error.problem?.kind != .unsupportedAuthentication && error.problem?.kind != .clientForbidden
    }

    /// Sends the follow or unfollow; a 200 that does not say it happened is a failure with
    /// X's reason.
    func perform(_ action: BulkAction, on user: User) async throws -> (BulkOutcome, String?) {
        switch action {
        case .follow:
            let body = try await client.follow(user.id).body
            switch body.data {
            case .following?: return (.followed, nil)
            case .pending?: return (.pending, nil)
            case nil: return (.failed, Self.reason(body.errors, otherwise: "the answer did not say the account is followed"))
            }
        case .unfollow:
            let body = try await client.unfollow(user.id).body
            guard body.data?.following == false else {
                return (.failed, Self.reason(body.errors, otherwise: "the answer did not say the account is unfollowed"))
            }
            return (.unfollowed, nil)
        }
    }

    private static func reason(_ problems: [Problem]?, otherwise: String) -> String {
        problems?.first.flatMap { $0.detail ?? $0.title } ?? otherwise
    }

    private func remainingToday(_ action: BulkAction) async throws -> (count: Int, nextSlotAt: Date?)? {
        let usages = try await ledger.usage(of: action.operation, userID: actor.id)
        guard let tightest = usages.min(by: { $0.remaining < $1.remaining }) else { return nil }
        return (tightest.remaining, tightest.nextSlotAt)
    }

    private func intro(_ request: BulkRequest, pending: Int, remaining: (count: Int, nextSlotAt: Date?)?) -> String {
        let verb = request.dryRun ? "Would \(request.action.verb)" : request.action == .follow ? "Following" : "Unfollowing"
        var text = "\(verb) \(Formatting.count(pending, "account")) as \(actor) on \(context.server)"
        let earlier = request.targets.count - pending
        if earlier > 0 { text += " (\(Formatting.count(earlier)) done by an earlier run)" }
        if let remaining {
            text += "; \(Formatting.count(remaining.count)) \(request.action.verb)\(remaining.count == 1 ? "" : "s") left in the rolling 24 hours"
            if remaining.count < pending, let next = remaining.nextSlotAt {
                text += " (next slot at \(Formatting.time(next)))"
            }
        }
        return text + "."
    }

    private func dryRunLine(_ item: TargetResolver.Resolved, request: BulkRequest, fits: Bool) -> (BulkOutcome?, String) {
        guard let user = item.user else {
            return (.notFound, "not found \(item.target.reference) (\(item.target.place)): \(item.problem ?? "no such account")")
        }
        var text = "would \(request.action.verb) \(Account(id: user.id, username: user.username))"
        if request.action == .follow, user.protected == true { text += ": protected, so the request would wait for their approval" }
        if !fits { text += " — after the daily cap frees a slot" }
        return (nil, text)
    }

    private func record(_ item: TargetResolver.Resolved, outcome: BulkOutcome, detail: String?, in journal: FollowJournal,
                        request: BulkRequest, progress: CountProgress?) throws {
        try journal.record(FollowJournal.Entry(key: item.target.key, id: item.user?.id, username: item.user?.username,
                                               result: outcome, detail: detail, at: Date()))
        progress?.clear()
        print(line(item, outcome: outcome, detail: detail), outcome: outcome, detail: detail, request: request, item: item)
    }

    private func line(_ item: TargetResolver.Resolved, outcome: BulkOutcome, detail: String?) -> String {
        let who = item.user.map { Account(id: $0.id, username: $0.username).description } ?? "\(item.target.reference)"
        switch outcome {
        case .followed: return "followed \(who)"
        case .pending: return "pending \(who): protected account; the follow request waits for their approval"
        case .unfollowed: return "unfollowed \(who)"
        case .notFound: return "not found \(who) (\(item.target.place)): \(detail ?? "no such account")"
        case .failed: return "failed \(who) (\(item.target.place)): \(detail ?? "refused")"
        case .unconfirmed: return "unconfirmed \(who): \(detail ?? "the answer was lost")"
        }
    }

    /// One result: a line, or a JSON object.
    private func print(_ text: String, outcome: BulkOutcome?, detail: String?, request: BulkRequest, item: TargetResolver.Resolved) {
        guard request.json else {
            context.output.line(text)
            return
        }
        let object = ResultJSON(target: "\(item.target.reference)", place: item.target.place, id: item.user?.id,
                                username: item.user?.username, protected: item.user?.protected,
                                result: outcome.map(\.rawValue) ?? "would_\(request.action.rawValue)", detail: detail)
        if let data = try? XAPIJSON.makeEncoder().encode(object) {
            context.output.line(String(decoding: data, as: UTF8.self))
        }
    }

    private struct ResultJSON: Encodable {
        var target: String
        var place: String
        var id: String?
        var username: String?
        var protected: Bool?
        var result: String
        var detail: String?
    }

    private func progressLine(_ request: BulkRequest, done: Int) -> CountProgress? {
        guard context.errors.isTerminal, !context.verbose else { return nil }
        let progress = CountProgress(line: ProgressLine(output: context.errors), monitor: monitor,
                                     phrase: "\(request.action == .follow ? "following" : "unfollowing") as @\(actor.username)",
                                     total: request.targets.count, count: done, unit: "accounts")
        progress.start()
        return progress
    }
}

extension BulkSummary {
    /// Counts one done outcome.
    mutating func count(_ outcome: BulkOutcome) {
        switch outcome {
        case .followed: followed += 1
        case .pending: pending += 1
        case .unfollowed: unfollowed += 1
        case .notFound: notFound += 1
        case .failed: failed += 1
        case .unconfirmed: unconfirmed += 1
        }
    }
}
