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
