import ArgumentParser
import Foundation
import Testing
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
}
