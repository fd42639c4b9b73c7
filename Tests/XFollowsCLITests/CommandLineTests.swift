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

    @Test("Options parse into commands; bad combinations are usage errors")
    func parsing() throws {
        let followers = try XFollowsCommand.parseAsRoot(["followers", "@XDevelopers", "-o", "f.csv", "--resume", "--server", "http://127.0.0.1:8080"])
        #expect(followers is FollowersCommand)
        #expect(throws: (any Error).self) { try XFollowsCommand.parseAsRoot(["followers", "@x", "--resume"]) }
        #expect(throws: (any Error).self) { try XFollowsCommand.parseAsRoot(["followers", "@x", "--page-size", "5000"]) }
        #expect(throws: (any Error).self) { try XFollowsCommand.parseAsRoot(["follow", "@x", "--resume", "--restart"]) }
        #expect(throws: (any Error).self) { try XFollowsCommand.parseAsRoot(["login", "--pin", "--app"]) }
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
