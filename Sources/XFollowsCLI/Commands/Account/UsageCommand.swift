import ArgumentParser
import Foundation
import XFollows

/// `xfollows usage`: what this machine spent today, per server and App.
public struct UsageCommand: AsyncParsableCommand {
    /// Help and examples.
    public static let configuration = CommandConfiguration(
        commandName: "usage",
        abstract: "Show what xfollows spent today (UTC) on this machine, per server and App.",
        discussion: """
            Every run records each charge in a ledger beside the credentials (spend/<server>/<App>/<day>.jsonl), \
            shared by every process (with --ledger postgres://…, in a database every machine shares): X's pay-per-usage prices, with a user X already charged the App for today \
            counted once, as X counts it. The Developer Console (https://console.x.com) has X's own figures; \
            x-sandbox's are at /_sandbox/bill.

            Examples:
              xfollows usage
              xfollows usage --day 2026-12-03
              xfollows usage --json
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The UTC day, YYYY-MM-DD (default: today).", valueName: "day"))
    var day: String?

    @Flag(help: "One JSON object per App.")
    var json = false

    /// Parsed.
    public init() {}

    /// Checks the day.
    public func validate() throws {
        if let day, day.count != 10 || day.split(separator: "-").map(\.count) != [4, 2, 2]
            || !day.replacingOccurrences(of: "-", with: "").allSatisfy(\.isNumber) {
            throw ValidationError("--day takes a UTC day such as 2026-12-04, not \"\(day)\".")
        }
    }

    /// Prints the report.
    public func run() async throws {
        let day = self.day
        let json = self.json
        try await CommandRunner.run(global) { context in
            let day = day ?? SpendDay.key(for: Date())
            let report = if let postgres = context.postgres {
                try await UsageReport.read(storage: postgres, day: day)
            } else {
                try await UsageReport.read(directory: context.directory, day: day)
            }
            let place = context.ledger == .files ? "on this machine" : "by every machine sharing \(context.ledger)"
            if json {
                for entry in report.entries {
                    let object: [String: JSONValue] = [
                        "day": .string(report.day), "server": .string(entry.server), "app": .string(entry.app),
                        "spent": .string(entry.summary.spent.plainText), "charges": .number(Double(entry.summary.charges)),
                        "charged_resources": .number(Double(entry.summary.chargedResources)),
                    ]
                    let data = try XAPIJSON.makeEncoder().encode(JSONValue.object(object))
                    context.output.line(String(decoding: data, as: UTF8.self))
                }
                return .success
            }
            guard !report.entries.isEmpty else {
                context.output.line("Nothing spent on \(report.day) (UTC) \(place).")
                return .success
            }
            context.output.line("Spent on \(report.day) (UTC) \(place): \(report.total)")
            for line in report.lines() { context.output.line("  " + line) }
            return .success
        }
    }
}
