import Foundation
import Testing
import XFollows
import XSandbox

/// What xfollows spends, as processes against an x-sandbox that bills like X: estimates before
/// spending, --max-cost, X's refusals that waiting cannot fix, the bill and the ledger agreeing,
/// and a resume the restarted server no longer accepts.
@Suite("xfollows end to end: costs")
struct SpendingEndToEndTests {
    /// The IDs of an export in JSON Lines.
    static func ids(in file: URL) throws -> [String] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { line in
            try XAPIJSON.makeDecoder().decode(User.self, from: Data(line.utf8)).id
        }
    }

    @Test("Off a terminal an export above $1.00 sends nothing without --yes or --max-cost; on one, the person is asked")
    func approval() async throws {
        let sandbox = try await Sandbox()
        let workspace = try Workspace(sandbox: sandbox)
        let bearer = ["BEARER_TOKEN": sandbox.bearerToken]
        let refused = try await workspace.run(["followers", "@tenk_club", "-o", "f.jsonl"], environment: bearer)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("will cost up to $100.00 (10,000 users at $0.010"))
        #expect(refused.errors.contains("xfollows: This can cost up to $100.00, more than $1.00 (--confirm-above); nothing was sent. "
            + "Pass --yes to spend it, or --max-cost DOLLARS to cap the run."))
        // Only the account lookup was billed; no page was read.
        #expect(try await sandbox.bill().apps[0].charges.map(\.operationID) == ["getUsersByUsername"])

        let declined = try await TerminalEndToEndTests.runOnTerminal(["followers", "@tenk_club", "-o", "g.jsonl"], workspace: workspace,
                                                                     environment: bearer, answer: (on: "[y/N]", reply: "n"))
        #expect(declined.status == 1 && declined.screen.contains("Spend up to $100.00? [y/N]"))
        #expect(declined.screen.contains("Nothing was sent, nothing spent."))
        let accepted = try await TerminalEndToEndTests.runOnTerminal(["followers", "@sandbox_bob", "-o", "h.jsonl", "--confirm-above", "0.05"],
                                                                     workspace: workspace, environment: bearer, answer: (on: "[y/N]", reply: "y"))
        #expect(accepted.status == 0, "\(accepted.screen)")
        #expect(try Self.ids(in: workspace.file("h.jsonl")) == (try await sandbox.followers(of: SandboxAccounts.bob, fields: []).map(\.id)))
    }

    @Test("--max-cost 1.00 stops at exactly what $1.00 buys (the last page shrinks), exit 3, and --resume goes on")
    func maxCost() async throws {
        let sandbox = try await Sandbox()
        let workspace = try Workspace(sandbox: sandbox)
        let bearer = ["BEARER_TOKEN": sandbox.bearerToken]
        let first = try await workspace.run(["followers", "@tenk_club", "-o", "f.jsonl", "--max-cost", "1.00"], environment: bearer)
        #expect(first.status == 3, "\(first.errors)")
        // $0.010 for the lookup of @tenk_club, then 99 users at $0.010: $1.00 exactly.
        #expect(first.errors.contains("Stopped before spending more than $1.00 (--max-cost): this run spent $1.00"), "\(first.errors)")
        let expected = try await sandbox.followers(of: SandboxAccounts.tenThousandClub, fields: []).map(\.id)
        #expect(try Self.ids(in: workspace.file("f.jsonl")) == Array(expected.prefix(99)))
        let sizes = try await sandbox.bill().apps[0].charges.map(\.units)
        #expect(sizes == [1, 99])

        let second = try await workspace.run(["followers", "@tenk_club", "-o", "f.jsonl", "--max-cost", "1.00", "--resume"], environment: bearer)
        #expect(second.status == 3)
        #expect(try Self.ids(in: workspace.file("f.jsonl")) == Array(expected.prefix(199)))
        let bill = try await sandbox.bill().apps[0]
        #expect(bill.spentToday == USD("2.00"))
        #expect(bill.charges.map(\.units) == [1, 99, 100])
    }

    @Test("Out of credits mid-export: X's 402 stops it at once (exit 3, checkpoint kept); after credits are added --resume finishes, every user once")
    func creditsRunOut() async throws {
        let sandbox = try await Sandbox(arguments: ["--credits", "5.00"])
        let workspace = try Workspace(sandbox: sandbox)
        let bearer = ["BEARER_TOKEN": sandbox.bearerToken]
        // The tests' own reads go through the second App: enough credits there.
        try await sandbox.addCredits("1000.00", toApp: SandboxAccounts.selfServeAppID)
        let first = try await workspace.run(["followers", "@tenk_club", "-o", "f.jsonl", "--yes"], environment: bearer, timeout: .seconds(60))
        #expect(first.status == 3)
        #expect(first.errors.contains("xfollows: Out of credits (usersIdFollowers, HTTP 402): add credits (x-sandbox: POST "
            + "\(sandbox.url.absoluteString)/_sandbox/credits"), "\(first.errors)")
        #expect(first.errors.contains("1,000 of 10,000 followers of @tenk_club are in f.jsonl"))
        #expect(FileManager.default.fileExists(atPath: workspace.file("f.jsonl.xfollows-checkpoint").path))
        // The first page ($10.00) took the $4.99 left below zero, as X allows; then nothing more was served.
        #expect(try await sandbox.bill().apps[0].balance == .zero - USD("5.01")!)

        try await sandbox.addCredits("100.00", toApp: SandboxAccounts.enterpriseAppID)
        let resumed = try await workspace.run(["followers", "@tenk_club", "-o", "f.jsonl", "--yes", "--resume"], environment: bearer)
        #expect(resumed.status == 0, "\(resumed.errors)")
        let expected = try await sandbox.followers(of: SandboxAccounts.tenThousandClub, fields: []).map(\.id)
        #expect(try Self.ids(in: workspace.file("f.jsonl")) == expected)
        #expect(try await sandbox.bill().apps[0].balance == USD("4.99"))
    }

    @Test("A usage-capped 429 with healthy rate-limit headers ends the export at once instead of waiting for a reset")
    func usageCap() async throws {
        let sandbox = try await Sandbox(limits: true, arguments: ["--usage-cap", "1500"])
        let workspace = try Workspace(sandbox: sandbox)
        // The default waits out rate limits for up to 16 minutes; a usage cap must not be waited on.
        let run = try await workspace.run(["followers", "@tenk_club", "-o", "f.jsonl", "--yes"],
                                          environment: ["BEARER_TOKEN": sandbox.bearerToken], timeout: .seconds(60))
        #expect(run.status == 3)
        #expect(run.errors.contains("A usage cap of the App's plan is reached (Monthly, Product, enterprise); it is not a rate limit"),
                "\(run.errors)")
        #expect(try Self.ids(in: workspace.file("f.jsonl")).count == 2000)
    }

    @Test("Following on a pay-per-use App gets X's plan refusal in one line; the same follow on the enterprise App works")
    func planRefusal() async throws {
        let sandbox = try await Sandbox()
        let workspace = try Workspace(sandbox: sandbox)
        let refused = try await workspace.run(["follow", "@tenk_club"], environment: sandbox.selfServeEnvironment(0))
        #expect(refused.status == 1)
        #expect(refused.errors.contains("xfollows: Your App's plan does not include usersIdFollow (client-not-enrolled; required "
            + "enrollment: Appropriate Level of API Access). Since 2026-04-20 following through the API is part of no self-serve "
            + "plan (X's changelog); it needs Enterprise access. (usersIdFollow, HTTP 403 client-forbidden)"), "\(refused.errors)")
        #expect(!(try await sandbox.following(of: SandboxAccounts.alice).contains(SandboxAccounts.tenThousandClub)))

        let followed = try await workspace.run(["follow", "@tenk_club"], environment: sandbox.oauth1Environment(0))
        #expect(followed.status == 0, "\(followed.errors)")
        #expect(followed.output.hasPrefix("followed @tenk_club"))
        #expect(try await sandbox.following(of: SandboxAccounts.alice).contains(SandboxAccounts.tenThousandClub))
    }

    @Test("Over a mixed session (exports, a same-day re-read, an Owned Read, follows, unfollows) xfollows usage and the sandbox's bill agree to the cent")
    func billAgrees() async throws {
        let sandbox = try await Sandbox()
        let workspace = try Workspace(sandbox: sandbox)
        let alice = sandbox.oauth1Environment(0)
        for arguments in [
            ["followers", "@tenk_club", "-o", "a.jsonl", "--max-cost", "25.00"],
            ["followers", "@tenk_club", "-o", "b.jsonl", "--max-cost", "30.00"],
            ["following", "@XDevelopers", "-o", "c.jsonl", "--yes"],
            ["followers", "@sandbox_alice", "-o", "d.jsonl", "--app-owner", "me", "--yes"],
            ["follow", "@tenk_club", "@every_field", "@locked_lucy"],
            ["unfollow", "@tenk_club"],
        ] {
            let run = try await workspace.run(arguments, environment: alice)
            #expect([0, 3].contains(run.status), "\(arguments): \(run.errors)")
        }
        let bill = try #require(try await sandbox.bill().app(SandboxAccounts.enterpriseAppID))
        // Alice owns the enterprise App: her own followers were Owned Reads at $0.001.
        #expect(bill.charges.contains { $0.operationID == "usersIdFollowers" && $0.isOwnedRead && $0.unitPrice == USD("0.001") })
        #expect(bill.charges.filter { $0.operationID == "usersIdFollow" }.map(\.amount) == Array(repeating: USD("0.015")!, count: 3))
        let usage = try await workspace.run(["usage", "--json"], environment: alice)
        #expect(usage.status == 0)
        let lines = usage.output.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(object?["app"] as? String == alice["API_KEY"])
        #expect((object?["spent"] as? String).flatMap(USD.init) == bill.spentToday, "\(usage.output) vs \(bill.spentToday)")
        #expect(bill.spentToday > USD("30.00")!)
    }

    @Test("Resumed after the sandbox restarted, the refused page token is said in one line; walking again finishes every user exactly once, the re-read free today")
    func resumeAfterRestart() async throws {
        let first = try await Sandbox()
        let port = try #require(first.url.port)
        let workspace = try Workspace(sandbox: first)
        let bearer = ["BEARER_TOKEN": first.bearerToken]
        let partial = try await workspace.run(["followers", "@tenk_club", "-o", "f.jsonl", "--max-cost", "30.00"], environment: bearer)
        #expect(partial.status == 3)
        #expect(try Self.ids(in: workspace.file("f.jsonl")).count == 2999)
        try await first.stop()

        let second = try await Sandbox(port: port)
        // The rest ($70.01) is approved; walking again from the first page is another thing to agree to.
        let refused = try await workspace.run(["followers", "@tenk_club", "-o", "f.jsonl", "--resume", "--confirm-above", "75"],
                                              environment: bearer)
        #expect(refused.status == 3)
        #expect(refused.errors.contains("refused the checkpoint's page token (it was restarted, or the token expired)"))
        #expect(refused.errors.contains("re-reading its 2,999 users costs $0.00 (2,999 read today are free"), "\(refused.errors)")
        #expect(refused.errors.contains("--resume --yes"))

        let walked = try await workspace.run(["followers", "@tenk_club", "-o", "f.jsonl", "--resume", "--yes"], environment: bearer)
        #expect(walked.status == 0, "\(walked.errors)")
        let expected = try await second.followers(of: SandboxAccounts.tenThousandClub, fields: []).map(\.id)
        let exported = try Self.ids(in: workspace.file("f.jsonl"))
        #expect(exported == expected)
        #expect(Set(exported).count == 10_000)
    }
}
