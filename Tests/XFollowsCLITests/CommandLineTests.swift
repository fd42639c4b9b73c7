import ArgumentParser
import Foundation
import Testing
import XFollows
@testable import XFollowsCLI

@Suite("The command line: help with examples, parsing, validation")
struct CommandLineTests {
    static let commands: [any ParsableCommand.Type] = [
        LoginCommand.self, LogoutCommand.self, WhoamiCommand.self, FollowersCommand.self, FollowingCommand.self,
        FollowCommand.self, UnfollowCommand.self, DiffCommand.self,
    ]

    @Test("Every command's --help has examples; the root's lists every command and the exit statuses")
    func help() {
        for command in Self.commands {
            let help = XFollowsCommand.helpMessage(for: command)
            #expect(help.contains("Examples:"), "\(command)")
            #expect(help.contains("xfollows \(command.configuration.commandName!)"), "\(command)")
        }
        let root = XFollowsCommand.helpMessage()
        for command in Self.commands { #expect(root.contains(command.configuration.commandName!)) }
        for status in ExitStatus.allCases { #expect(root.contains("  \(status.rawValue) ")) }
    }

    /// What a command line that does not parse is refused with: the one line shown and the
    /// exit status.
    struct Refusal: Equatable, CustomStringConvertible {
        var message: String
        var status: Int32

        /// A usage error (exit 64) with its message.
        static func usage(_ message: String) -> Refusal { Refusal(message: message, status: ExitStatus.usage.rawValue) }

        var description: String { "\(status): \(message)" }
    }

    /// How `arguments` are refused, or `nil` when they parse.
    func refusal(_ arguments: [String]) -> Refusal? {
        do {
            _ = try XFollowsCommand.parseAsRoot(arguments)
            return nil
        } catch {
            return Refusal(message: XFollowsCommand.message(for: error), status: XFollowsCommand.exitCode(for: error).rawValue)
        }
    }

    @Test("Options parse into commands; bad combinations are usage errors that say what is wrong")
    func parsing() throws {
        let followers = try XFollowsCommand.parseAsRoot(["followers", "@XDevelopers", "-o", "f.csv", "--resume", "--server", "http://127.0.0.1:8080"])
        #expect(followers is FollowersCommand)
        #expect(refusal(["followers", "@x", "--resume"]) == .usage("--resume needs --output FILE: standard output cannot be resumed."))
        #expect(refusal(["followers", "@x", "--page-size", "5000"]) == .usage("--page-size must be between 1 and 1000, not 5000."))
        #expect(refusal(["follow", "@x", "--resume", "--restart"]) == .usage("Choose one of --resume and --restart."))
        #expect(refusal(["login", "--pin", "--app"]) == .usage("Choose one of --pin and --app."))
        #expect(try XFollowsCommand.parseAsRoot(["diff", "a.csv", "b.jsonl", "--json"]) is DiffCommand)
    }

    @Test("Global options build the context: server, profile, configuration directory")
    func context() throws {
        let options = try GlobalOptions.parse(["--server", "http://127.0.0.1:8080", "--profile", "work", "--verbose"])
        let context = try options.context(environment: ["XFOLLOWS_CONFIG_DIR": "/tmp/x", "HOME": "/h"])
        #expect(context.server.url.absoluteString == "http://127.0.0.1:8080")
        #expect(context.profileName == "work" && context.isProfileExplicit && context.verbose)
        #expect(context.directory.url.path == "/tmp/x")
        let bad = try GlobalOptions.parse(["--profile", "../etc"])
        #expect(#expect(throws: CLIFailure.self) { try bad.context(environment: ["HOME": "/h"]) }?.status == .usage)
    }

    @Test("Page sizes, lookup batches, waits and the caps in the help come from the spec")
    func rulesFromTheSpec() throws {
        #expect(ExportOptions.pageSizes == 1...1000)
        #expect(ExportOptions.pageSizes == OperationParameter.UsersIDFollowers.maxResults.range)
        #expect(XFollowsCommand.helpMessage(for: FollowersCommand.self).contains("Users per request, 1–1000."))
        #expect(throws: (any Error).self) { try XFollowsCommand.parseAsRoot(["followers", "@x", "--page-size", "1001"]) }
        #expect(try XFollowsCommand.parseAsRoot(["followers", "@x", "--page-size", "1000"]) is FollowersCommand)
        #expect(TargetResolver.idBatchSize == 100 && TargetResolver.usernameBatchSize == 100)
        #expect(ExportOptions.maximumWait == .seconds(16 * 60))
        // X's help centre today: 400 follows a day per account, no App cap, none on unfollows.
        #expect(BulkActionOptions.capsText(.follow).contains("X's daily caps (400 follows per user, over a rolling 24 hours)"))
        #expect(BulkActionOptions.capsText(.unfollow).hasPrefix("X sets no daily cap on unfollows;"))
        #expect(FollowCommand.configuration.abstract == "Follow accounts in bulk, within X's daily caps (resumable).")
        #expect(UnfollowCommand.configuration.abstract == "Unfollow accounts in bulk (resumable).")
    }
}
