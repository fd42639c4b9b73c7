import ArgumentParser
import Foundation
import Testing
@testable import XFollowsCLI

/// The article on xfollows is what a person copies: every command in it must parse.
@Suite("Article: the xfollows commands")
struct ReadmeCommandTests {
    static let section: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/XFollows/XFollows.docc/TheXFollowsTool.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    @Test("Every `swift run xfollows …` line of the article parses into its command")
    func commandsParse() throws {
        let lines = Self.section.split(separator: "\n").filter { $0.hasPrefix("swift run xfollows ") }
        #expect(lines.count >= 10)
        for line in lines {
            let arguments = line.dropFirst("swift run xfollows ".count).split(separator: " ").map(String.init)
            #expect(throws: Never.self, "\(line)") { _ = try XFollowsCommand.parseAsRoot(arguments) }
        }
    }

    @Test("The article's exit-status table is the tool's")
    func exitStatuses() {
        for status in ExitStatus.allCases {
            #expect(Self.section.contains("| \(status.rawValue) | "), "\(status)")
        }
    }
}
