import ArgumentParser
import Foundation
import XFollows

/// The options `follow` and `unfollow` share.
public struct BulkActionOptions: ParsableArguments, Sendable {
    /// Accounts as arguments.
    @Argument(help: ArgumentHelp("Accounts: @handle, handle, numeric ID or https://x.com/handle.", valueName: "user"))
    var users: [String] = []

    /// `--file`.
    @Option(name: [.short, .long], help: ArgumentHelp(
        "Read accounts from FILE, one per line (# comments allowed), or from an export (.csv/.jsonl); - is standard input.",
        valueName: "file"))
    var file: String?

    /// `--dry-run`.
    @Flag(help: "Show what would be done and how much of today's cap it takes; send nothing.")
    var dryRun = false

    /// `--resume`.
    @Flag(help: "Go on with a list stopped earlier (a cap, a rate limit, Ctrl-C); what was done is skipped.")
    var resume = false

    /// `--restart`.
    @Flag(help: "Forget an earlier run of the same list and do it all again.")
    var restart = false

    /// `--json`.
    @Flag(help: "One JSON object per result, and a summary object last.")
    var json = false

    /// `--no-wait`.
    @Flag(help: "Stop at a rate limit (exit 3, resumable) instead of waiting for it to reset.")
    var noWait = false

    /// What it may spend.
    @OptionGroup var cost: CostOptions

    /// Parsed.
    public init() {}

    /// Checks the options.
    public func validate() throws {
        if resume && restart { throw ValidationError("Choose one of --resume and --restart.") }
    }

    /// The one-line help of an action: "within X's daily caps" only when the spec gives it some.
    static func abstract(_ action: BulkAction) -> String {
        "\(action.verb.prefix(1).uppercased())\(action.verb.dropFirst()) accounts in bulk"
            + (action.operation.dailyCaps.isEmpty ? "" : ", within X's daily caps") + " (resumable)."
    }

    /// The examples for an action's help.
    static func discussion(_ action: BulkAction) -> String {
        return """
            One account at a time through the generated client. \(capsText(action)) \
            \(action == .follow ? "A protected account gets a follow request, reported as pending. " : "")\
            Each result is one line, or one JSON object with --json. Without arguments or --file, accounts \
            are read from standard input.

            Examples:
              xfollows \(action.rawValue) @XDevelopers 783214
              xfollows \(action.rawValue) --file accounts.txt --dry-run
              xfollows \(action.rawValue) --file accounts.txt
              xfollows \(action.rawValue) --file accounts.txt --resume
              xfollows \(action.rawValue) --file followers.csv --json
              cat accounts.txt | xfollows \(action.rawValue)
            """
    }

    /// What the help says of the action's daily caps, from the spec (`x-daily-caps`): X's
    /// 400 follows per user today, and none on unfollows.
    static func capsText(_ action: BulkAction) -> String {
        let caps = action.operation.dailyCaps.map { cap in
            "\(Formatting.count(cap.limit)) \(action.verb)s per \(cap.scope == .user ? "user" : "App")"
        }
        guard !caps.isEmpty else {
            return "X sets no daily cap on \(action.verb)s; a run stopped early (a rate limit with --no-wait, Ctrl-C) goes on "
                + "with --resume, skipping what was done."
        }
        return "X's daily caps (\(caps.joined(separator: " and ")), over a rolling 24 hours) are counted in a ledger that "
            + "every run and process shares, so the run stops before a cap with \"N done, M left, next slot at T\" (exit 3); "
            + "the same command with --resume goes on with what is left, skipping what was done."
    }

    /// The accounts from the arguments, the file or standard input.
    ///
    /// - Throws: ``CLIFailure`` for an unreadable file or an entry that is not an account
    ///   (naming `file:line`).
    func targets(readStandardInput: () -> String) throws -> [FollowTarget] {
        var lines: [(source: String, text: String)] = []
        var fromExport: [FollowTarget] = []
        if let file {
            if file == "-" {
                lines.append(("standard input", readStandardInput()))
            } else {
                let url = URL(fileURLWithPath: file)
                if ["csv", "jsonl"].contains(url.pathExtension.lowercased()) {
                    fromExport = try FollowTarget.fromExport(url)
                } else {
                    do {
                        lines.append((file, try String(contentsOf: url, encoding: .utf8)))
                    } catch {
                        throw CLIFailure.failure("Cannot read \(file): \(error.localizedDescription)")
                    }
                }
            }
        } else if users.isEmpty {
            lines.append(("standard input", readStandardInput()))
        }
        let parsed = try FollowTarget.parse(arguments: users, lines: lines)
        let seen = Set(parsed.map(\.key))
        let targets = parsed + fromExport.filter { !seen.contains($0.key) }
        guard !targets.isEmpty else { throw CLIFailure.usage("No accounts given: pass them as arguments, with --file, or on standard input.") }
        return targets
    }
}
