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
            let configuration = context.configuration(
                rateLimitPolicy: options.noWait ? .fail : .wait(maximum: ExportOptions.maximumWait), monitor: monitor)
            let credentials = try context.credentials(for: .lookup, configuration: configuration)
            switch credentials {
            case .user(let user, _, _):
                return try await export(relation, reference: reference, selection: selection, format: format, output: outputURL,
                                        options: options, client: UserClient(credentials: user, configuration: configuration),
                                        context: context, monitor: monitor)
            case .app(let app, _):
                return try await export(relation, reference: reference, selection: selection, format: format, output: outputURL,
                                        options: options, client: AppOnlyClient(credentials: app, configuration: configuration),
                                        context: context, monitor: monitor)
            }
        }
    }

    private static func export<Context>(
        _ relation: Relation, reference: UserReference, selection: FieldSelection, format: ExportFormat, output: URL?,
        options: ExportOptions, client: XAPIClient<Context>, context: CommandContext, monitor: WaitMonitor
    ) async throws -> ExitStatus {
        // A resumed export knows whose list it is; anything else looks the account up (and its total).
        let account: Account
        let total: Int?
        if options.resume, let output, let checkpoint = try ExportCheckpoint.load(for: output), reference.matches(checkpoint.account) {
            (account, total) = (checkpoint.account, checkpoint.total)
        } else {
            let user = try await reference.lookUp(with: client, fields: [.publicMetrics], server: context.server)
            (account, total) = (Account(id: user.id, username: user.username), relation.total(of: user))
        }
        let job = ExportJob(relation: relation, account: account, total: total, selection: selection, format: format,
                            pageSize: options.pageSize, destination: output.map(ExportJob.Destination.file) ?? .standardOutput)
        let runner = ExportRunner(job: job, server: context.server)
        let start = try runner.prepare(resume: options.resume, force: options.force)
        let showProgress = !options.quiet && !context.verbose && context.errors.isTerminal
        let progress = showProgress
            ? CountProgress(line: ProgressLine(output: context.errors), monitor: monitor, phrase: relation.phrase(for: account),
                            total: total, count: start.checkpoint?.userCount ?? 0)
            : nil
        progress?.start()
        do {
            let result = try await runner.run(client: client, from: start, output: context.output, progress: progress)
            let rate = progress.map { " (\(Formatting.rate($0.rate, "users")))" } ?? ""
            let destination = options.output.map { " to \($0)" } ?? ""
            let resumed = result.resumed ? ", resumed at \(Formatting.count(result.userCount - result.writtenNow))" : ""
            progress?.finish("Wrote \(Formatting.count(result.userCount)) \(relation.phrase(for: account))\(destination)\(resumed)\(rate).")
            return .success
        } catch {
            progress?.finish(nil)
            guard let output, let checkpoint = try? ExportCheckpoint.load(for: output) else { throw error }
            var failure = context.presenter.failure(for: error, resumeHint: "run the same command with --resume to continue")
            if start.resumed, let error = error as? XAPIError, error.status == 400, "\(error)".contains("pagination_token") {
                failure = .failure("\(context.server) no longer accepts the checkpoint's page token (it was restarted, or "
                    + "the token expired): \(error.problem?.detail ?? error.message) Start the export over with --force.")
            }
            let so = "\(Formatting.count(checkpoint.userCount))\(checkpoint.total.map { " of \(Formatting.count($0))" } ?? "") "
                + "\(relation.phrase(for: account)) are in \(options.output ?? output.path)"
            throw CLIFailure("\(failure.message) \(so).", status: failure.status)
        }
    }
}
