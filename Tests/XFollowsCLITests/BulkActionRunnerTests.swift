import Foundation
import Testing
import XFollows
import XSandbox
@testable import XFollowsCLI

@Suite("Bulk follow and unfollow within the daily caps", .timeLimit(.minutes(3)))
struct BulkActionRunnerTests {
    static let me = SandboxX.Account(id: "42", username: "alice")
    static let target = SandboxX.Account(id: "7", username: "hub")

    struct Setup {
        let environment: TestEnvironment
        let fake: SandboxX
        let context: CommandContext
        let ledgerFile: URL

        func runner() throws -> BulkActionRunner {
            let ledger = try context.dailyCapLedger()
            var configuration = context.configuration(dailyCaps: ledger)
            configuration.retryPolicy = .none
            let client = UserClient(credentials: fake.oauth1, configuration: configuration)
            return BulkActionRunner(context: context, client: client, ledger: ledger, actor: Account(id: "42", username: "alice"), monitor: nil)
        }

        /// Uses up `count` follow slots of alice's, `hoursAgo` hours ago: counted by a ledger in
        /// memory, then added to the ledger file in one update (a file update per slot took
        /// most of this suite's time).
        func spend(_ count: Int, hoursAgo: Double) async throws {
            let memory = InMemoryDailyCapStore()
            let ledger = DailyCapLedger(store: memory,
                                        clock: ClientClock(now: { Date().addingTimeInterval(-hoursAgo * 3600) }, sleep: { _ in }))
            for _ in 0..<count { try await ledger.commit(try #require(try await ledger.reserve(.usersIdFollow, userID: "42"))) }
            let spent = try await memory.update { $0 }
            try await FileDailyCapStore(url: ledgerFile).update { state in
                state.counters.merge(spent.counters, uniquingKeysWith: +)
            }
        }

        /// Moves every ledger entry back a day, as if 24 hours had passed.
        func passADay() async throws {
            try await FileDailyCapStore(url: ledgerFile).update { state in
                for key in state.counters.keys {
                    state.counters[key] = state.counters[key]?.map { entry in
                        var entry = entry
                        entry.date = entry.date.addingTimeInterval(-86_401)
                        return entry
                    }
                }
            }
        }
    }

    func setup(people: Int = 10, protected: Set<String> = [], faults: SandboxFaults = .none) async throws -> Setup {
        let environment = try TestEnvironment()
        let fake = try await SandboxX.withFollowers(people, of: Self.target, me: Self.me, protected: protected, faults: faults)
        let context = environment.context(fake)
        return Setup(environment: environment, fake: fake, context: context,
                     ledgerFile: context.directory.dailyCapsFile(for: context.server))
    }

    func targets(_ ids: [Int]) -> [FollowTarget] {
        ids.map { FollowTarget(reference: .id(String(1_000_000 + $0)), place: "list.txt:\($0 + 1)") }
    }

    @Test("Stops before the cap with N done, M left and the next slot; --resume goes on once a slot frees, never twice")
    func capAndResume() async throws {
        let setup = try await setup()
        try await setup.spend(397, hoursAgo: 2)
        let request = BulkRequest(action: .follow, targets: targets(Array(0..<5)))
        let first = try await setup.runner().run(request)
        #expect(first.done == 3 && first.left == 2 && first.stoppedBy == "daily cap" && first.status == .stopped)
        let next = try #require(first.nextSlotAt)
        #expect(abs(next.timeIntervalSinceNow - 22 * 3600) < 60)
        #expect(first.line().hasPrefix("3 done, 2 left, next slot at "))
        #expect(await setup.fake.follows().count == 3)
        #expect(setup.environment.output.text().split(separator: "\n").count == 3)

        // Without --resume the list is not started again.
        let again = await #expect(throws: CLIFailure.self) { try await setup.runner().run(request) }
        #expect(again?.message.contains("--resume") == true && again?.message.contains("3 of 5 done") == true)

        // With --resume but no slot, nothing is sent.
        var resume = request
        resume.resume = true
        let blocked = try await setup.runner().run(resume)
        #expect(blocked.done == 3 && blocked.left == 2)
        #expect(await setup.fake.follows().count == 3)

        try await setup.passADay()
        let done = try await setup.runner().run(resume)
        #expect(done.done == 5 && done.left == 0 && done.status == .success)
        #expect(await setup.fake.follows() == (0..<5).map { String(1_000_000 + $0) })
    }

    @Test("Protected accounts are pending; unknown ones are reported and the rest goes on (exit 2)")
    func pendingAndUnknown() async throws {
        let setup = try await setup(protected: ["1000001"])
        let list = targets([0, 1]) + [FollowTarget(reference: .username("nobody_here"), place: "list.txt:3"),
                                      FollowTarget(reference: .id("99"), place: "list.txt:4")]
        let summary = try await setup.runner().run(BulkRequest(action: .follow, targets: list, json: true))
        #expect(summary.followed == 1 && summary.pending == 1 && summary.notFound == 2 && summary.status == .partial)
        let lines = setup.environment.output.text().split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[1].contains(#""result":"pending""#) && lines[1].contains(#""protected":true"#))
        #expect(lines[2].contains(#""result":"not_found""#) && lines[2].contains("Could not find user"))
    }

    @Test("--dry-run sends nothing that changes anything and says what fits today's cap")
    func dryRun() async throws {
        let setup = try await setup()
        try await setup.spend(399, hoursAgo: 1)
        let summary = try await setup.runner().run(BulkRequest(action: .follow, targets: targets([0, 1]), dryRun: true))
        #expect(summary.done == 0)
        #expect(await setup.fake.follows().isEmpty)
        #expect(!setup.fake.requests.contains { $0.hasPrefix("POST") })
        let text = setup.environment.output.text()
        #expect(text.contains("would follow @person_0 (1000000)\n"))
        #expect(text.contains("would follow @person_1 (1000001) — after the daily cap frees a slot"))
        #expect(setup.environment.errors.text().contains("1 follow left in the rolling 24 hours"))
    }

    @Test("Unfollow has no daily cap today (X's 2023 documentation had 500 a day per App): nothing counted")
    func unfollow() async throws {
        let setup = try await setup()
        let summary = try await setup.runner().run(BulkRequest(action: .unfollow, targets: targets([0, 1, 2])))
        #expect(summary.unfollowed == 3 && summary.status == .success)
        let usage = try await setup.context.dailyCapLedger().usage(of: .usersIdUnfollow, userID: "42")
        #expect(usage.isEmpty)
        #expect(setup.environment.output.text().contains("unfollowed @person_2 (1000002)"))
    }
}
