import Foundation
import Testing
import XFollows
import XSandbox

/// 1,000 calls take about 10 s alone and several times that under ThreadSanitizer (CI runs this suite
/// under it): the limit only turns a hang into a failure.
@Suite("End to end: concurrency and daily caps", .timeLimit(.minutes(5)))
struct ConcurrencyEndToEndTests {
    /// What one concurrent call ended with.
    enum Outcome: Sendable, Equatable {
        case followed(user: String, target: String)
        case unfollowed(user: String, target: String)
        case lookedUp(count: Int)
        case refusedLocally(user: String)
        case refusedBySandbox(user: String)
        case failed(String)
    }

    /// Public population users (they all follow @XDevelopers) that `user` does not follow yet.
    private static func freshTargets(for user: String, count: Int, skipping: Int, server: SandboxServer) async -> [String] {
        let following = Set(await server.followingIDs(of: user))
        let candidates = await server.followerIDs(of: SandboxAccounts.xDevelopers)
        return Array(candidates.dropFirst(skipping).lazy.filter { id in
            !following.contains(id) && !SandboxAccounts.demoUsers.contains(id)
                && server.directory.user(withID: UInt64(id)!)?.protected == false
        }.prefix(count))
    }

    private static func run(_ call: @Sendable () async throws -> Outcome, user: String) async -> Outcome {
        do {
            return try await call()
        } catch let error as XAPIError where error.code == .dailyCapExhausted {
            return .refusedLocally(user: user)
        } catch let error as XAPIError where error.code == .rateLimited {
            return .refusedBySandbox(user: user)
        } catch {
            return .failed(String(describing: error))
        }
    }

    @Test("1,000 concurrent lookups, follows and unfollows: exact ledger counts and a consistent graph")
    func thousandConcurrentCalls() async throws {
        try await withSandbox(limits: roomyLimits) { server in
            let ledger = DailyCapLedger()
            let configuration = server.clientConfiguration(dailyCaps: ledger)
            let alice = server.oauth1Client(SandboxAccounts.alice, configuration)
            let bob = server.oauth2Client(SandboxAccounts.bob, scopes: SandboxCredentials.allFollowsScopes, configuration)
            let carol = server.oauth1Client(SandboxAccounts.carol, configuration)
            let app = server.appClient(configuration)

            let aliceTargets = await Self.freshTargets(for: SandboxAccounts.alice, count: 450, skipping: 0, server: server)
            let bobTargets = await Self.freshTargets(for: SandboxAccounts.bob, count: 250, skipping: 1000, server: server)
            let carolInitial = await server.followingIDs(of: SandboxAccounts.carol)
            let carolTargets = Array(carolInitial.prefix(20)) + (await Self.freshTargets(
                for: SandboxAccounts.carol, count: 130, skipping: 2000, server: server))
            let aliceInitial = Set(await server.followingIDs(of: SandboxAccounts.alice))
            let bobInitial = Set(await server.followingIDs(of: SandboxAccounts.bob))
            #expect(aliceTargets.count == 450 && bobTargets.count == 250 && carolTargets.count == 150)
            await server.clearRequests()

            var calls: [@Sendable () async -> Outcome] = []
            for target in aliceTargets {
                calls.append { await Self.run({ _ = try await alice.follow(target); return .followed(user: SandboxAccounts.alice, target: target) }, user: SandboxAccounts.alice) }
            }
            for target in bobTargets {
                calls.append { await Self.run({ _ = try await bob.follow(target); return .followed(user: SandboxAccounts.bob, target: target) }, user: SandboxAccounts.bob) }
            }
            for target in carolTargets {
                calls.append { await Self.run({ _ = try await carol.unfollow(target); return .unfollowed(user: SandboxAccounts.carol, target: target) }, user: SandboxAccounts.carol) }
            }
            for _ in 0..<150 {
                calls.append { await Self.run({ .lookedUp(count: try await app.followers(of: SandboxAccounts.tenThousandClub, maxResults: 5).body.items.count) }, user: "app") }
            }
            #expect(calls.count == 1000)

            let outcomes = await withTaskGroup(of: Outcome.self) { group in
                for call in calls { group.addTask(operation: call) }
                var outcomes: [Outcome] = []
                for await outcome in group { outcomes.append(outcome) }
                return outcomes
            }

            let failures = outcomes.compactMap { if case .failed(let text) = $0 { text } else { nil } }
            #expect(failures.isEmpty, "\(failures.prefix(3))")
            let aliceFollowed = outcomes.compactMap { if case .followed(SandboxAccounts.alice, let target) = $0 { target } else { nil } }
            let bobFollowed = outcomes.compactMap { if case .followed(SandboxAccounts.bob, let target) = $0 { target } else { nil } }
            let carolUnfollowed = outcomes.filter { if case .unfollowed = $0 { true } else { false } }.count
            let lookups = outcomes.filter { $0 == .lookedUp(count: 5) }.count
            #expect(aliceFollowed.count == 400)
            #expect(outcomes.filter { $0 == .refusedLocally(user: SandboxAccounts.alice) }.count == 50)
            #expect(bobFollowed.count == 250)
            #expect(carolUnfollowed == 150)
            #expect(lookups == 150)
            #expect(!outcomes.contains { if case .refusedBySandbox = $0 { true } else { false } })

            let aliceUsage = try await ledger.usage(of: .usersIdFollow, userID: SandboxAccounts.alice)
            #expect(aliceUsage.first { $0.scope == .user }?.committed == 400)
            #expect(aliceUsage.allSatisfy { $0.inFlight == 0 })
            let bobUsage = try await ledger.usage(of: .usersIdFollow, userID: SandboxAccounts.bob)
            #expect(bobUsage.first { $0.scope == .user }?.committed == 250)
            // X's help centre caps follows per account; X lists no App cap and no unfollow cap today.
            #expect(aliceUsage.map(\.scope) == [.user] && bobUsage.map(\.scope) == [.user])
            #expect(try await ledger.usage(of: .usersIdUnfollow, userID: SandboxAccounts.carol).isEmpty)

            #expect(await server.dailyActionCount(of: .usersIdFollow, scope: .user, subject: SandboxAccounts.alice) == 400)
            #expect(await server.dailyActionCount(of: .usersIdFollow, scope: .user, subject: SandboxAccounts.bob) == 250)

            #expect(Set(await server.followingIDs(of: SandboxAccounts.alice)) == aliceInitial.union(aliceFollowed))
            #expect(Set(await server.followingIDs(of: SandboxAccounts.bob)) == bobInitial.union(bobFollowed))
            #expect(Set(await server.followingIDs(of: SandboxAccounts.carol)) == Set(carolInitial).subtracting(carolTargets))
            for target in aliceFollowed.prefix(50) {
                #expect(await server.followerIDs(of: target).contains(SandboxAccounts.alice))
            }
            let received = await server.requests()
            #expect(received.count == 950)
            #expect(received.filter { $0.operationID == "usersIdFollow" && $0.userID == SandboxAccounts.alice }.count == 400)
            #expect(received.allSatisfy { $0.status == 200 })
        }
    }

    @Test("When the sandbox's cap is lower than the client's, exactly the cap succeeds and the ledger agrees")
    func sandboxCapBelowLedger() async throws {
        var limits = roomyLimits
        limits.setDailyCaps([DailyCapRule(scope: .user, limit: 150)], for: .usersIdFollow)
        try await withSandbox(limits: limits) { server in
            let ledger = DailyCapLedger()
            let configuration = server.clientConfiguration(dailyCaps: ledger)
            let clients = [
                (SandboxAccounts.alice, server.oauth1Client(SandboxAccounts.alice, configuration)),
                (SandboxAccounts.carol, server.oauth2Client(SandboxAccounts.carol, scopes: SandboxCredentials.allFollowsScopes, configuration)),
            ]
            var targets: [String: [String]] = [:]
            for (index, (user, _)) in clients.enumerated() {
                targets[user] = await Self.freshTargets(for: user, count: 200, skipping: index * 5000, server: server)
            }
            let before = await server.followTotals().follows

            let outcomes = await withTaskGroup(of: Outcome.self) { group in
                for (user, client) in clients {
                    for target in targets[user] ?? [] {
                        group.addTask {
                            await Self.run({ _ = try await client.follow(target); return .followed(user: user, target: target) }, user: user)
                        }
                    }
                }
                var outcomes: [Outcome] = []
                for await outcome in group { outcomes.append(outcome) }
                return outcomes
            }

            let followed = outcomes.filter { if case .followed = $0 { true } else { false } }.count
            let refused = outcomes.filter { if case .refusedBySandbox = $0 { true } else { false } }.count
            #expect(outcomes.count == 400)
            #expect(followed == 300)
            #expect(refused == 100)
            for (user, _) in clients {
                let usage = try await ledger.usage(of: .usersIdFollow, userID: user)
                #expect(usage.first { $0.scope == .user }?.committed == 150)
                #expect(usage.allSatisfy { $0.inFlight == 0 })
                #expect(await server.dailyActionCount(of: .usersIdFollow, scope: .user, subject: user) == 150)
            }
            #expect(await server.followTotals().follows == before + 300)
        }
    }
}
