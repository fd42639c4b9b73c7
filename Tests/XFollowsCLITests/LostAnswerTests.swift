import Foundation
import Testing
import XFollows
import XSandbox
@testable import XFollowsCLI

/// Bulk follows whose answers the sandbox loses (``SandboxFaults`` on `usersIdFollow` only):
/// each is looked up, never sent blindly twice, and counted and charged once or not at all.
@Suite("Bulk follows through lost answers", .timeLimit(.minutes(3)))
struct LostAnswerTests {
    private func follows(of setup: BulkActionRunnerTests.Setup) -> Int {
        setup.fake.requests.filter { $0.hasPrefix("POST ") }.count
    }

    private func followCharges(_ setup: BulkActionRunnerTests.Setup) async -> Int {
        await setup.fake.server.bill().apps[0].charges.filter { $0.operationID == "usersIdFollow" }.count
    }

    @Test("A follow that ran and lost its answer is confirmed by a lookup: sent once, charged once, counted once")
    func lostAfterItRan() async throws {
        let faults = SandboxFaults(rate: 1, kinds: [.resetMidBody, .truncatedBody], operations: ["usersIdFollow"])
        let setup = try await BulkActionRunnerTests().setup(faults: faults)
        let targets = BulkActionRunnerTests().targets(Array(0..<4))
        let summary = try await setup.runner().run(BulkRequest(action: .follow, targets: targets))
        #expect(summary.followed == 4 && summary.unconfirmed == 0 && summary.status == .success)
        #expect(await setup.fake.follows().count == 4)
        #expect(follows(of: setup) == 4)
        #expect(await followCharges(setup) == 4)
        let ledger = try setup.context.dailyCapLedger()
        let usage: [DailyCapUsage] = try await ledger.usage(of: OperationDescriptor.usersIdFollow, userID: "42")
        #expect(usage.map(\.committed) == [4])
        #expect(usage.map(\.inFlight) == [0])
        #expect(setup.environment.output.text().split(separator: "\n").allSatisfy { $0.hasPrefix("followed @person_") })
    }

    @Test("A follow refused with 503 each time is sent again only after a lookup says it did not happen, then reported unconfirmed")
    func neverAnswered() async throws {
        let faults = SandboxFaults(rate: 1, kinds: [.unavailable], operations: ["usersIdFollow"])
        let setup = try await BulkActionRunnerTests().setup(faults: faults)
        let summary = try await setup.runner().run(BulkRequest(action: .follow, targets: BulkActionRunnerTests().targets([0])))
        #expect(summary.unconfirmed == 1 && summary.followed == 0 && summary.status == .partial)
        #expect(summary.line().contains("1 unconfirmed"))
        #expect(follows(of: setup) == BulkActionRunner.maximumSends)
        #expect(setup.fake.requests.filter { $0.hasPrefix("GET /2/users/42/following") }.count == BulkActionRunner.maximumSends)
        #expect(await setup.fake.follows().isEmpty)
        #expect(await followCharges(setup) == 0)
        let ledger = try setup.context.dailyCapLedger()
        let usage: [DailyCapUsage] = try await ledger.usage(of: OperationDescriptor.usersIdFollow, userID: "42")
        #expect(usage.map(\.committed) == [0])
        #expect(usage.map(\.inFlight) == [0])
        #expect(setup.environment.output.text().contains("unconfirmed @person_0"))
    }
}
