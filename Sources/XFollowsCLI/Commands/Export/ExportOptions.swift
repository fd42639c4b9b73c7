import ArgumentParser
import Foundation
import XFollows

/// The options `followers` and `following` share.
public struct ExportOptions: ParsableArguments, Sendable {
    /// The account.
    @Argument(help: ArgumentHelp("The account: @handle, handle, or a numeric user ID.", valueName: "user"))
    var user: String

    /// `--output FILE`.
    @Option(name: [.short, .long], help: ArgumentHelp(
        "Write to FILE (resumable; a checkpoint is kept beside it) instead of standard output.", valueName: "file"))
    var output: String?

    /// `--format`.
    @Option(help: ArgumentHelp("jsonl (one user per line) or csv; default: csv for a .csv file, else jsonl.", valueName: "format"))
    var format: ExportFormat?

    /// `--fields`.
    @Option(help: ArgumentHelp(
        "User fields beyond id, name and username: X's names, comma-separated, or all, or default "
            + "(created_at,description,location,protected,public_metrics,url,verified,verified_type).",
        valueName: "list"))
    var fields: String = "default"

    /// `--resume`.
    @Flag(help: "Continue the export stopped earlier (crash, Ctrl-C, rate limit) from its checkpoint beside --output.")
    var resume = false

    /// `--force`.
    @Flag(help: "Replace an existing --output file, or start an unfinished export over.")
    var force = false

    /// `--page-size`.
    @Option(help: ArgumentHelp("Users per request, 1–1000.", valueName: "n"))
    var pageSize: Int = 1000

    /// `--no-wait`.
    @Flag(help: "Stop at a rate limit (exit 3, resumable) instead of waiting for it to reset.")
    var noWait = false

    /// `--quiet`.
    @Flag(help: "No progress line, even on a terminal.")
    var quiet = false

    /// Parsed.
    public init() {}

    /// Checks the options.
    public func validate() throws {
        guard (1...1000).contains(pageSize) else { throw ValidationError("--page-size must be between 1 and 1000, not \(pageSize).") }
        if resume && output == nil { throw ValidationError("--resume needs --output FILE: standard output cannot be resumed.") }
        if resume && force { throw ValidationError("Choose one of --resume and --force.") }
    }

    /// Longest wait for one rate-limit reset (X's window is 15 minutes).
    static let maximumWait: Duration = .seconds(16 * 60)

    /// The examples for a relation's help.
    static func discussion(_ relation: Relation) -> String {
        let command = relation.rawValue
        return """
            Pages through every user with the fields you ask for and writes them as they arrive (memory \
            stays flat however many), as JSON Lines or CSV. On a terminal a progress line on standard error \
            shows users so far of the account's total, the rate, and a countdown while waiting out a rate \
            limit (X allows 15 requests of up to 1,000 users per 15 minutes).

            With --output, a checkpoint beside the file is updated after every page; after a crash, Ctrl-C \
            or a rate-limit stop, the same command with --resume continues, and the finished file holds \
            every user exactly once.

            Examples:
              xfollows \(command) @XDevelopers --output \(command).csv
              xfollows \(command) @XDevelopers --output \(command).csv --resume
              xfollows \(command) 2244994945 --fields all > \(command).jsonl
              xfollows \(command) @XDevelopers --fields created_at,public_metrics --format csv --no-wait -o out.csv
            """
    }
}

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
