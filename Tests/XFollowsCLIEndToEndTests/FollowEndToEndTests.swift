import Foundation
import Testing
import XFollows
import XSandbox

/// Bulk follows as processes, within the daily cap kept in the ledger file.
@Suite("xfollows end to end: following in bulk", .timeLimit(.minutes(3)))
struct FollowEndToEndTests {
    @Test("450 accounts from a file under the 400 cap: 400 done, 50 left, resumable, never over the cap")
    func followUnderTheCap() async throws {
        let sandbox = try await Sandbox()
        let workspace = try Workspace(sandbox: sandbox)
        let alice = sandbox.oauth1Environment(0)
        let startFollowing = Set(try await sandbox.following(of: SandboxAccounts.alice))
        let candidates = try await sandbox.followers(of: SandboxAccounts.tenThousandClub, fields: [.protected])
            .filter { !startFollowing.contains($0.id) && $0.id != SandboxAccounts.alice && $0.protected != true }
        let people = Array(candidates.prefix(448))
        // Two protected accounts, by handle; the rest by ID and by handle, with comments.
        var lines = ["# accounts to follow", "@locked_lucy", "private_pete"]
        lines += people.enumerated().map { index, user in index % 2 == 0 ? user.id : "@\(user.username)  # \(user.name)" }
        try lines.joined(separator: "\n").write(to: workspace.file("accounts.txt"), atomically: true, encoding: .utf8)

        let dry = try await workspace.run(["follow", "--file", "accounts.txt", "--dry-run", "--yes"], environment: alice)
        #expect(dry.status == 0)
        #expect(dry.output.split(separator: "\n").count == 450)
        #expect(dry.output.contains("would follow @locked_lucy (\(SandboxAccounts.lockedLucy)): protected"))
        #expect(dry.output.split(separator: "\n").filter { $0.hasSuffix("after the daily cap frees a slot") }.count == 50)
        #expect(try await sandbox.following(of: SandboxAccounts.alice).count == startFollowing.count)

        let first = try await workspace.run(["follow", "--file", "accounts.txt", "--yes"], environment: alice)
        #expect(first.status == 3, "\(first.errors)")
        let results = first.output.split(separator: "\n")
        #expect(results.count == 401)
        #expect(results[0] == "pending @locked_lucy (\(SandboxAccounts.lockedLucy)): protected account; the follow request waits for their approval")
        #expect(results.prefix(400).allSatisfy { $0.hasPrefix("followed @") || $0.hasPrefix("pending @") })
        let summary = String(results[400])
        #expect(summary.hasPrefix("400 done (398 followed, 2 pending approval), 50 left, next slot at "), "\(summary)")
        #expect(summary.hasSuffix("Stopped by the daily cap; run the same command with --resume then to go on."))
        let following = Set(try await sandbox.following(of: SandboxAccounts.alice))
        #expect(following.symmetricDifference(startFollowing.union(people.prefix(398).map(\.id))).isEmpty)

        let again = try await workspace.run(["follow", "--file", "accounts.txt", "--yes"], environment: alice)
        #expect(again.status == 64 && again.errors.contains("400 of 450 done") && again.errors.contains("--resume"))
        let blocked = try await workspace.run(["follow", "--file", "accounts.txt", "--resume", "--json", "--yes"], environment: alice)
        #expect(blocked.status == 3)
        #expect(blocked.output.contains(#""done":400"#) && blocked.output.contains(#""left":50"#) && blocked.output.contains(#""stopped_by":"daily cap""#))
        #expect(Set(try await sandbox.following(of: SandboxAccounts.alice)).symmetricDifference(following).isEmpty)

        // A day later (the shared ledger's entries moved back 24 hours), --resume does the 50 left.
        let ledger = workspace.configDirectory.appendingPathComponent("daily-caps/127.0.0.1-\(sandbox.url.port!).json")
        try await FileDailyCapStore(url: ledger).update { state in
            for key in state.counters.keys {
                state.counters[key] = state.counters[key]?.map { entry in
                    var entry = entry
                    entry.date = entry.date.addingTimeInterval(-86_401)
                    return entry
                }
            }
        }
        let last = try await workspace.run(["follow", "--file", "accounts.txt", "--resume", "--json", "--yes"], environment: alice)
        #expect(last.status == 0, "\(last.errors)")
        let objects = last.output.split(separator: "\n")
        #expect(objects.count == 51)
        #expect(objects.prefix(50).allSatisfy { $0.contains(#""result":"followed""#) })
        #expect(objects[50].contains(#""done":450"#) && objects[50].contains(#""left":0"#) && objects[50].contains(#""exit_status":0"#))
        let final = Set(try await sandbox.following(of: SandboxAccounts.alice))
        #expect(final.symmetricDifference(startFollowing.union(people.map(\.id))).isEmpty)
    }
}
