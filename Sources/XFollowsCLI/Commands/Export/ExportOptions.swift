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
    @Option(help: ArgumentHelp("Users per request, \(pageSizes.lowerBound)–\(pageSizes.upperBound).", valueName: "n"))
    var pageSize: Int = ExportOptions.pageSizes.upperBound

    /// `--no-wait`.
    @Flag(help: "Stop at a rate limit (exit 3, resumable) instead of waiting for it to reset.")
    var noWait = false

    /// `--quiet`.
    @Flag(help: "No progress line or cost lines on standard error.")
    var quiet = false

    /// What it may spend.
    @OptionGroup var cost: CostOptions

    /// Parsed.
    public init() {}

    /// Checks the options.
    public func validate() throws {
        guard Self.pageSizes.contains(pageSize) else {
            throw ValidationError("--page-size must be between \(Self.pageSizes.lowerBound) and \(Self.pageSizes.upperBound), not \(pageSize).")
        }
        if resume && output == nil { throw ValidationError("--resume needs --output FILE: standard output cannot be resumed.") }
        if resume && force { throw ValidationError("Choose one of --resume and --force.") }
    }

    /// X's window for followers lookups, from the spec: `X allows 300 requests per 15 minutes`.
    static var limitsText: String {
        guard let window = Relation.followers.operation.rateLimits.first else { return "X's rate limits apply" }
        return "X allows \(Formatting.count(window.requests)) requests per \(window.windowSeconds / 60) minutes"
    }

    /// `$0.010 ($0.001 for the App owner's own list, with --app-owner)`, from the spec.
    static var priceText: String {
        guard let pricing = Relation.followers.operation.pricing else { return "what X charges" }
        return "\(pricing.price.priceDescription)" + (pricing.ownedRead.map { " (\($0.price.priceDescription) for the App owner's own list, with --app-owner)" } ?? "")
    }

    /// The page sizes both lists accept: the spec's bounds of their `max_results` (1...1000).
    static let pageSizes: ClosedRange<Int> = {
        let ranges = Relation.allCases.compactMap(\.pageSize.range)
        guard let lower = ranges.map(\.lowerBound).max(), let upper = ranges.map(\.upperBound).min(), lower <= upper else {
            preconditionFailure("The spec gives the lists' max_results no common bounds.")
        }
        return lower...upper
    }()

    /// Longest wait for one rate-limit reset: the longest window of the operations xfollows
    /// calls (X's 15 minutes, from the spec), and a minute more for clocks that disagree.
    static let maximumWait: Duration = .seconds((RequiredScopes.operations.flatMap(\.rateLimits).map(\.windowSeconds).max() ?? 0) + 60)

    /// The examples for a relation's help.
    static func discussion(_ relation: Relation) -> String {
        let command = relation.rawValue
        return """
            Pages through every user with the fields you ask for and writes them as they arrive (memory \
            stays flat however many), as JSON Lines or CSV. On a terminal a progress line on standard error \
            shows users so far of the account's total, what the run spent, the rate, and a countdown while \
            waiting out a rate limit (\(ExportOptions.limitsText)).

            \(CostOptions.discussion) Each user read costs \(ExportOptions.priceText).

            With --output, a checkpoint beside the file is updated after every page; after a crash, Ctrl-C \
            or a rate-limit stop, the same command with --resume continues, and the finished file holds \
            every user exactly once.

            Examples:
              xfollows \(command) @XDevelopers --output \(command).csv --max-cost 5.00
              xfollows \(command) @me_myself --app-owner me --output \(command).csv
              xfollows \(command) @XDevelopers --output \(command).csv --resume
              xfollows \(command) 2244994945 --fields all > \(command).jsonl
              xfollows \(command) @XDevelopers --fields created_at,public_metrics --format csv --no-wait -o out.csv
            """
    }
}
