import ArgumentParser
import Foundation
import XFollows

/// What `followers` and `following` do, given the relation.
enum ExportCommand {
    static func run(_ relation: Relation, options: ExportOptions, global: GlobalOptions) async throws {
        let reference = try UserReference(parsing: options.user, what: "user")
        let selection = try FieldSelection(parsing: options.fields)
        let outputURL = options.output.map { URL(fileURLWithPath: $0) }
        let format = options.format ?? .inferred(from: outputURL)
        let options = options
        try await CommandRunner.run(global, resumeHint: outputURL == nil ? nil : "run the same command with --resume to continue") { context in
            let monitor = WaitMonitor()
            var configuration = context.configuration(
                rateLimitPolicy: options.noWait ? .fail : .wait(maximum: ExportOptions.maximumWait), monitor: monitor)
            let credentials = try context.credentials(for: .lookup, configuration: configuration)
            configuration.spending = try context.spendLedger(app: credentials.app)
            configuration.budget = options.cost.budget
            let export = Export(relation: relation, reference: reference, selection: selection, format: format,
                                output: outputURL, options: options, context: context, monitor: monitor, acting: credentials)
            switch credentials {
            case .user(let user, _, _):
                return try await export.run(client: UserClient(credentials: user, configuration: configuration))
            case .app(let app, _):
                return try await export.run(client: AppOnlyClient(credentials: app, configuration: configuration))
            }
        }
    }
}

/// One export run: what it will cost, its approval, the walk, and what a stop means.
private struct Export {
    let relation: Relation
    let reference: UserReference
    let selection: FieldSelection
    let format: ExportFormat
    let output: URL?
    let options: ExportOptions
    let context: CommandContext
    let monitor: WaitMonitor
    let acting: ActingCredentials

    func run<Context>(client: XAPIClient<Context>) async throws -> ExitStatus {
        // A resumed export knows whose list it is; anything else looks the account up (and its total).
        let account: Account
        let total: Int?
        if options.resume, let output, let checkpoint = try ExportCheckpoint.load(for: output), reference.matches(checkpoint.account) {
            (account, total) = (checkpoint.account, checkpoint.total)
        } else {
            let user = try await reference.lookUp(with: client, fields: [.publicMetrics], server: context.server)
            (account, total) = (Account(id: user.id, username: user.username), relation.total(of: user))
        }
        var client = client
        client = XAPIClient(credentials: client.credentials, configuration: try await withOwner(client.configuration, client: client))
        let job = ExportJob(relation: relation, account: account, total: total, selection: selection, format: format,
                            pageSize: options.pageSize, destination: output.map(ExportJob.Destination.file) ?? .standardOutput)
        let runner = ExportRunner(job: job, server: context.server)
        let start = try runner.prepare(resume: options.resume, force: options.force)
        let pricing = try relation.pricing()
        let cost = cost(of: account, pricing: pricing, configuration: client.configuration)
        let already = start.checkpoint?.userCount ?? 0
        try SpendApproval(context: context, options: options.cost).approve(
            CostEstimate(units: max(0, (total ?? 0) - (start.resumed ? already : 0)), unit: "user", pricing: pricing,
                         ownedRead: cost.isOwnedRead),
            what: "Exporting the \(relation.phrase(for: account))")
        return try await walk(runner, from: start, client: client, account: account, total: total, cost: cost)
    }

    /// The configuration with the App's owner, resolved from `--app-owner` (or the environment).
    private func withOwner<Context>(_ configuration: ClientConfiguration, client: XAPIClient<Context>) async throws -> ClientConfiguration {
        guard let owner = options.cost.appOwner(environment: context.environment) else { return configuration }
        var configuration = configuration
        if owner == "me" {
            guard let me = acting.userID else {
                throw CLIFailure.usage("--app-owner me needs a user's credentials; give the owner's @handle or ID instead.")
            }
            configuration.appOwnerID = me
        } else {
            let reference = try UserReference(parsing: owner, what: "--app-owner")
            configuration.appOwnerID = try await reference.lookUp(with: client, fields: [], server: context.server).id
        }
        return configuration
    }

    private func cost(of account: Account, pricing: OperationPricing, configuration: ClientConfiguration) -> RequestCost {
        var request = OperationRequest(relation.operation)
        if let parameter = pricing.ownedRead?.parameter { request.setPathParameter(parameter, to: account.id) }
        return RequestCost(pricing: pricing, request: request, actingUserID: acting.userID, appOwnerID: configuration.appOwnerID)
    }

    private func walk<Context>(
        _ runner: ExportRunner, from start: ExportRunner.Start, client: XAPIClient<Context>, account: Account, total: Int?,
        cost: RequestCost
    ) async throws -> ExitStatus {
        let showProgress = !options.quiet && !context.verbose && context.errors.isTerminal
        let progress = showProgress
            ? CountProgress(line: ProgressLine(output: context.errors), monitor: monitor, phrase: relation.phrase(for: account),
                            total: total, count: start.checkpoint?.userCount ?? 0)
            : nil
        progress?.start()
        let budget = options.cost.maximum.map { RunBudget(maximum: $0, unitPrice: cost.unitPrice, ledger: client.configuration.spending) }
        do {
            let result = try await runner.run(client: client, from: start, output: context.output, progress: progress, budget: budget)
            let rate = progress.map { " (\(Formatting.rate($0.rate, "users")))" } ?? ""
            let destination = options.output.map { " to \($0)" } ?? ""
            let resumed = result.resumed ? ", resumed at \(Formatting.count(result.userCount - result.writtenNow))" : ""
            let line = "Wrote \(Formatting.count(result.userCount)) \(relation.phrase(for: account))\(destination)\(resumed)\(rate); "
                + charged(result)
            if let progress { progress.finish(line) } else if !options.quiet { context.errors.line(line) }
            return .success
        } catch {
            progress?.finish(nil)
            return try await stopped(by: error, runner: runner, start: start, client: client, account: account, total: total, cost: cost)
        }
    }

    /// `this run spent $100.01: 10,000 users charged.` (and how many were free, read already today).
    private func charged(_ result: ExportJob.Result) -> String {
        let free = max(0, result.writtenNow - result.chargedUsers)
        return "this run spent \(result.charged): \(Formatting.count(result.chargedUsers, "user")) charged"
            + (free > 0 ? ", \(Formatting.count(free)) free (read already today)." : ".")
    }

    /// What a stopped export says: the failure, where the file stands, and for a page token
    /// the server refused, the offer to walk again.
    private func stopped<Context>(
        by error: any Error, runner: ExportRunner, start: ExportRunner.Start, client: XAPIClient<Context>, account: Account,
        total: Int?, cost: RequestCost
    ) async throws -> ExitStatus {
        guard let output, let checkpoint = try? ExportCheckpoint.load(for: output) else { throw error }
        let spent = await client.configuration.spending.lifetimeSpent
        if start.resumed, !start.isRewalk, let error = error as? XAPIError, isRefusedPageToken(error) {
            return try await offerRewalk(runner: runner, checkpoint: checkpoint, client: client, account: account, total: total,
                                         cost: cost, output: output)
        }
        let failure = context.presenter.failure(for: error, resumeHint: "run the same command with --resume to continue")
        let so = "\(Formatting.count(checkpoint.userCount))\(checkpoint.total.map { " of \(Formatting.count($0))" } ?? "") "
            + "\(relation.phrase(for: account)) are in \(options.output ?? output.path); this run spent \(spent)"
        throw CLIFailure("\(failure.message) \(so).", status: failure.status)
    }

    /// Whether the server refused the checkpoint's page token (it restarted, or the token
    /// expired): X's invalid-request problem names the token parameter.
    private func isRefusedPageToken(_ error: XAPIError) -> Bool {
        guard error.status == 400, let parameter = relation.operation.pagination?.tokenParameter else { return false }
        return error.problem?.invalidParameters.contains(parameter) == true
    }

    /// The page token was refused: says so in one line with what walking again from the first
    /// page costs (nothing for the users already read today), and walks again when allowed.
    private func offerRewalk<Context>(
        runner: ExportRunner, checkpoint: ExportCheckpoint, client: XAPIClient<Context>, account: Account, total: Int?,
        cost: RequestCost, output: URL
    ) async throws -> ExitStatus {
        let inFile = try ExportRunner.userIDs(in: output, format: format, checkpoint: checkpoint)
        let free = try await client.configuration.spending.chargedToday(inFile, pricing: cost.pricing)
        let estimate = CostEstimate(units: max(total ?? 0, inFile.count), unit: "user", pricing: cost.pricing,
                                    ownedRead: cost.isOwnedRead, freeUnits: free)
        context.errors.line("\(context.server) refused the checkpoint's page token (it was restarted, or the token expired). "
            + "Walking the \(relation.phrase(for: account)) again from the first page writes only the users "
            + "\(options.output ?? output.path) does not hold yet; re-reading its \(Formatting.count(inFile.count)) users costs "
            + "\(cost.unitPrice * (inFile.count - free)) (\(Formatting.count(free)) read today are free, as X charges a user once a day).")
        let allowed = options.cost.yes || options.cost.maximum != nil
            || (context.confirmation.isInteractive && context.confirmation.ask("Walk again from the first page, \(estimate.sentence)?"))
        guard allowed else {
            throw CLIFailure("Nothing more was sent. Run the same command with --resume --yes (or --max-cost DOLLARS) to walk "
                + "again from the first page, or start over with --force.", status: .stopped)
        }
        return try await walk(runner, from: try runner.rewalk(from: checkpoint), client: client, account: account,
                              total: total, cost: cost)
    }
}

extension Relation {
    /// The operation's price, from the spec.
    ///
    /// - Throws: ``CLIFailure`` when the spec gives none (xfollows will not spend blind).
    func pricing() throws -> OperationPricing {
        guard let pricing = operation.pricing else {
            throw CLIFailure.failure("The spec gives no price for \(operation.id); xfollows does not spend without knowing what.")
        }
        return pricing
    }
}
