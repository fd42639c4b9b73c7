import ArgumentParser
import Foundation
import XFollows

/// `xfollows diff OLD NEW`: who appeared and who disappeared.
public struct DiffCommand: AsyncParsableCommand {
    /// Help and examples.
    public static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show who appeared and who disappeared between two exports (JSON Lines or CSV).",
        discussion: """
            Compares users by ID. Prints "+ @handle (id)" for each user only in NEW and "- @handle (id)" \
            for each user only in OLD, in ID order, then a summary on standard error. Both files are \
            streamed and sorted in bounded memory (runs on disk), so exports of any size compare. The \
            formats may differ; each is known by its extension (.csv, else JSON Lines) unless --format.

            What it costs: nothing itself, but each export it compares read every user at X's $0.010 \
            (pay-per-usage). To see changes as they happen at $0.010 per change instead, `xfollows \
            watch` subscribes to X's follow events: cheaper whenever an account has more followers than \
            changes between two exports.

            Examples:
              xfollows diff followers-monday.csv followers-today.csv
              xfollows diff old.jsonl new.csv --json
              xfollows diff old.jsonl new.jsonl | grep '^-'     # who unfollowed
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The earlier export.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The later export.", valueName: "new"))
    var new: String

    @Option(help: ArgumentHelp("Read both files as jsonl or csv, whatever their extensions.", valueName: "format"))
    var format: ExportFormat?

    @Flag(help: "One JSON object per change ({\"change\":\"appeared\",\"id\":…,\"username\":…}).")
    var json = false

    /// Parsed.
    public init() {}

    /// Compares.
    public func run() async throws {
        let (old, new, format, json) = (self.old, self.new, self.format, self.json)
        try await CommandRunner.run(global) { context in
            let before = try ExportReader(url: URL(fileURLWithPath: old), format: format)
            let after = try ExportReader(url: URL(fileURLWithPath: new), format: format)
            let encoder = XAPIJSON.makeEncoder()
            let summary = try DiffRunner().compare(old: before, new: after) { change, record in
                try Task.checkCancellation()
                if json {
                    let object = DiffLine(change: change, id: String(record.id), username: record.username.isEmpty ? nil : record.username)
                    context.output.line(String(decoding: try encoder.encode(object), as: UTF8.self))
                } else {
                    context.output.line("\(change == .appeared ? "+" : "-") \(record.label)")
                }
            }
            context.errors.line("\(Formatting.count(summary.appeared)) appeared, \(Formatting.count(summary.disappeared)) disappeared "
                + "(\(Formatting.count(summary.oldCount)) in \(old), \(Formatting.count(summary.newCount)) in \(new)).")
            return .success
        }
    }
}

/// One change, for `--json`.
struct DiffLine: Encodable {
    var change: DiffRunner.Change
    var id: String
    var username: String?
}
