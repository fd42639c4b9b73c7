import Foundation
import Testing
@testable import XFollowsCLI

@Suite("Reading the accounts to follow")
struct FollowTargetTests {
    @Test("Arguments and lines: handles, IDs, links, comments, blank lines, repeats dropped")
    func parsing() throws {
        let targets = try FollowTarget.parse(arguments: ["@XDevelopers", "783214"], lines: [("list.txt", """
            # people to follow
            sandbox_bob
            https://x.com/Sandbox_Carol
              2244994945   # XDevelopers again, by ID
            @xdevelopers

            """)])
        #expect(targets.map(\.key) == ["@xdevelopers", "783214", "@sandbox_bob", "@sandbox_carol", "2244994945"])
        #expect(targets.map(\.place) == ["argument 1", "argument 2", "list.txt:2", "list.txt:3", "list.txt:4"])
    }

    @Test("An entry that is not an account is named by place", arguments: [
        ("not a handle", "list.txt:2"), ("@way_too_long_for_x_handles", "list.txt:2"), ("12345678901234567890", "list.txt:2"),
    ])
    func invalid(_ input: (String, String)) {
        let error = #expect(throws: CLIFailure.self) {
            try FollowTarget.parse(arguments: [], lines: [("list.txt", "ok\n\(input.0)\n")])
        }
        #expect(error?.message.hasPrefix(input.1) == true)
        #expect(error?.status == .usage)
    }

    @Test("A handle of digits needs its @")
    func digits() throws {
        #expect(try UserReference(parsing: "12345") == .id("12345"))
        #expect(try UserReference(parsing: "@12345") == .username("12345"))
        #expect(try UserReference(parsing: "@Bob").matches(Account(id: "1", username: "bob")))
    }
}
