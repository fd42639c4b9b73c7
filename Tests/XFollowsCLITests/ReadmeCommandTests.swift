import ArgumentParser
import Foundation
import Testing
@testable import XFollowsCLI

/// The README's xfollows section is what a person copies: every command in it must parse.
@Suite("README: the xfollows commands")
struct ReadmeCommandTests {
    static let section: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let readme = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        guard let start = readme.range(of: "## xfollows: the command-line tool"),
              let end = readme.range(of: "\n## ", range: start.upperBound..<readme.endIndex) else { return "" }
        return String(readme[start.lowerBound..<end.lowerBound])
    }()

    @Test("Every `swift run xfollows …` line of the README parses into its command")
    func commandsParse() throws {
        let lines = Self.section.split(separator: "\n").filter { $0.hasPrefix("swift run xfollows ") }
        #expect(lines.count >= 10)
        for line in lines {
            let arguments = line.dropFirst("swift run xfollows ".count).split(separator: " ").map(String.init)
            #expect(throws: Never.self, "\(line)") { _ = try XFollowsCommand.parseAsRoot(arguments) }
        }
    }

    @Test("The README's exit-status table is the tool's")
    func exitStatuses() {
        for status in ExitStatus.allCases {
            #expect(Self.section.contains("| \(status.rawValue) | "), "\(status)")
        }
    }
}
