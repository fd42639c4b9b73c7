import CSV
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import XFollows
import XSandbox

/// Exports as processes, checked against the sandbox's graph read through the generated client.
///
/// Processes and 10,000-user exports, each up to about 20 s alone and more beside the other suites; the
/// SIGKILL test waits up to two minutes for its kill, so the limit is above that.
@Suite("xfollows end to end: exports", .timeLimit(.minutes(3)))
struct ExportEndToEndTests {
    static let fields: Set<User.Field> = [.createdAt, .description, .location, .protected, .publicMetrics, .url, .verified, .verifiedType]

    @Test("10,000 followers in JSON Lines and in CSV hold exactly the sandbox's followers, with their fields")
    func bothFormats() async throws {
        let sandbox = try await Sandbox()
        let workspace = try Workspace(sandbox: sandbox)
        let expected = try await sandbox.followers(of: SandboxAccounts.tenThousandClub, fields: Self.fields)
        #expect(expected.count == 10_000)
        let environment = ["BEARER_TOKEN": sandbox.bearerToken]

        let jsonl = try await workspace.run(["followers", "@tenk_club", "--yes"], environment: environment)
        // What it will cost, then what it cost: the lookup of @tenk_club and 10,000 users at $0.010.
        #expect(jsonl.status == 0)
        #expect(jsonl.errors == "Exporting the followers of @tenk_club will cost up to $100.00 (10,000 users at $0.010, "
            + "those X already charged today free).\nWrote 10,000 followers of @tenk_club; this run spent $100.01: "
            + "10,000 users charged.\n")
        let decoder = XAPIJSON.makeDecoder()
        let exported = try jsonl.output.split(separator: "\n").map { try decoder.decode(User.self, from: Data($0.utf8)) }
        #expect(exported == expected)

        let csv = try await workspace.run(["followers", "1497258931620306945", "--output", "followers.csv", "--yes"], environment: environment)
        #expect(csv.status == 0 && csv.output.isEmpty)
        // The same users the same UTC day: X charges each once, so the second export is free.
        #expect(csv.errors.hasSuffix("this run spent $0.00: 0 users charged, 10,000 free (read already today).\n"), "\(csv.errors)")
        let bill = try await sandbox.bill()
        #expect(bill.apps[0].spentToday == USD("100.01"))
        let reader = try CSVReader(string: try String(contentsOf: workspace.file("followers.csv"), encoding: .utf8), hasHeaderRow: true)
        let header = try #require(reader.headerRow)
        var rows: [[String: String]] = []
        while let row = reader.next() { rows.append(Dictionary(uniqueKeysWithValues: zip(header, row))) }
        #expect(rows.count == 10_000)
        #expect(rows.map { $0["id"] ?? "" } == expected.map(\.id))
        for (row, user) in zip(rows, expected) {
            #expect(row["username"] == user.username && row["name"] == user.name && row["description"] == (user.description ?? ""))
            #expect(row["created_at"] == user.createdAt.map(XAPIJSON.string(from:)))
            #expect(row["public_metrics.followers_count"] == user.publicMetrics.map { String($0.followersCount) })
            #expect(row["protected"] == user.protected.map { String($0) })
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.file("followers.csv.xfollows-checkpoint").path))
    }

    @Test("Killed with SIGKILL mid-export, resumed: every follower exactly once, in the API's order")
    func resumeAfterSIGKILL() async throws {
        let sandbox = try await Sandbox()
        let workspace = try Workspace(sandbox: sandbox)
        let environment = ["BEARER_TOKEN": sandbox.bearerToken]
        let output = workspace.file("followers.jsonl")
        let checkpoint = workspace.file("followers.jsonl.xfollows-checkpoint")
        // Small pages make the export long (400 checkpoints), and a thread of its own watches the
        // checkpoint and kills the process, so a busy test pool cannot make it miss the moment.
        let export = try workspace.start(["followers", "@tenk_club", "-o", output.path, "--page-size", "25", "--fields", "public_metrics", "--yes"],
                                         environment: environment)
        let killedAt = CheckpointKiller.killWhen(checkpoint, reaches: 2000, process: export)
        try await export.wait(for: "the kill", timeout: .seconds(120)) { !export.isRunning }
        #expect(killedAt.current > 0, "xfollows ended before it was killed: \(export.standardError)")
        #expect(try await export.exitStatus() == 128 + SIGKILL)
        #expect(killedAt.current >= 2000 && killedAt.current < 10_000)

        let again = try await workspace.run(["followers", "@tenk_club", "-o", output.path, "--fields", "public_metrics", "--yes"], environment: environment)
        #expect(again.status == 64 && again.errors.contains("--resume"))
        let resumed = try await workspace.run(["followers", "@tenk_club", "-o", output.path, "--fields", "public_metrics", "--resume", "--yes"],
                                              environment: environment)
        #expect(resumed.status == 0, "\(resumed.errors)")
        let ids = try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map { line in
            try XAPIJSON.makeDecoder().decode(User.self, from: Data(line.utf8)).id
        }
        let expected = try await sandbox.followers(of: SandboxAccounts.tenThousandClub, fields: []).map(\.id)
        #expect(ids.count == 10_000 && Set(ids).count == 10_000)
        #expect(ids == expected)
        #expect(!FileManager.default.fileExists(atPath: checkpoint.path))
    }

    @Test("diff of two exports (JSON Lines, then CSV) names who appeared and who disappeared")
    func diff() async throws {
        let sandbox = try await Sandbox()
        let workspace = try Workspace(sandbox: sandbox)
        let alice = sandbox.oauth1Environment(0)
        let bob = sandbox.oauth1Environment(1)
        let before = try await sandbox.followers(of: SandboxAccounts.tenThousandClub, fields: []).map(\.id)
        try #require(!before.contains(SandboxAccounts.bob))
        #expect(try await workspace.run(["follow", "@tenk_club"], environment: alice).status == 0)
        #expect(try await workspace.run(["followers", "@tenk_club", "-o", "old.jsonl", "--yes"], environment: alice).status == 0)
        #expect(try await workspace.run(["unfollow", "@tenk_club"], environment: alice).status == 0)
        #expect(try await workspace.run(["follow", "@tenk_club"], environment: bob).status == 0)
        #expect(try await workspace.run(["followers", "@tenk_club", "-o", "new.csv", "--yes"], environment: bob).status == 0)

        let diff = try await workspace.run(["diff", "old.jsonl", "new.csv"])
        #expect(diff.status == 0)
        #expect(diff.output == "- @sandbox_alice (\(SandboxAccounts.alice))\n+ @sandbox_bob (\(SandboxAccounts.bob))\n")
        let count = before.contains(SandboxAccounts.alice) ? before.count : before.count + 1
        let grouped = "\(count / 1000),\(String(count % 1000 + 1000).dropFirst())"
        #expect(diff.errors == "1 appeared, 1 disappeared (\(grouped) in old.jsonl, \(grouped) in new.csv).\n")
        let json = try await workspace.run(["diff", "old.jsonl", "new.csv", "--json"])
        #expect(json.output.split(separator: "\n") == [
            #"{"change":"disappeared","id":"\#(SandboxAccounts.alice)","username":"sandbox_alice"}"#,
            #"{"change":"appeared","id":"\#(SandboxAccounts.bob)","username":"sandbox_bob"}"#,
        ])
    }
}

/// Watches an export's checkpoint from a thread of its own and sends SIGKILL once it counts
/// enough users.
enum CheckpointKiller {
    final class Count: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        var current: Int { lock.withLock { value } }
        func set(_ new: Int) { lock.withLock { value = new } }
    }

    static func killWhen(_ checkpoint: URL, reaches users: Int, process: RunningProcess) -> Count {
        let count = Count()
        let thread = Thread {
            while process.isRunning {
                if let data = try? Data(contentsOf: checkpoint),
                   let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                   let written = object["user_count"] as? Int, written >= users {
                    count.set(written)
                    process.signal(SIGKILL)
                    return
                }
                usleep(2000)
            }
        }
        thread.start()
        return count
    }
}
