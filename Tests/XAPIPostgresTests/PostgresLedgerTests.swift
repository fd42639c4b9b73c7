import Foundation
import PostgresNIO
import Testing
import XAPIPostgres
import XAPIRuntime

/// The daily-cap and spend ledgers over PostgreSQL, from eight storages with connection pools
/// of their own (as eight processes on several machines have): reservations made at once never
/// pass a cap or a budget, and each sees what the others recorded.
@Suite("PostgreSQL: shared ledgers", .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason), .timeLimit(.minutes(2)))
struct PostgresLedgerTests {
    static let follow = OperationDescriptor(
        id: "usersIdFollow", method: .post, path: "/2/users/{id}/following", security: [.oauth1UserContext],
        dailyCaps: [DailyCapRule(scope: .user, limit: 25)], isIdempotent: true)
    static let followers = OperationDescriptor(
        id: "usersIdFollowers", method: .get, path: "/2/users/{id}/followers", security: [.appOnly], isIdempotent: true)
    static let pricing = OperationPricing(category: "Following/Followers: Read", unit: .resource(kind: "user"),
                                          price: USD(significand: 10, scale: 3))

    @Test("80 reservations at once from 8 storages on a cap of 25: exactly 25 granted, the rest refused, and commits count")
    func dailyCapHoldsAcrossStorages() async throws {
        try await TestDatabase.withFreshDatabase { url in
            try await TestDatabase.withStorages(8, url: url) { storages in
                let ledgers = storages.map { DailyCapLedger(store: $0.dailyCapStore(ledger: "127.0.0.1-8080")) }
                let outcomes = await withTaskGroup(of: Result<DailyCapReservation?, any Error>.self) { group in
                    for index in 0..<80 {
                        group.addTask {
                            do { return .success(try await ledgers[index % 8].reserve(Self.follow, userID: "2244994945")) } catch {
                                return .failure(error)
                            }
                        }
                    }
                    return await group.reduce(into: []) { $0.append($1) }
                }
                let granted = outcomes.compactMap { try? $0.get() }
                #expect(granted.count == 25)
                let refusals = outcomes.compactMap { outcome -> XAPIError.Code? in
                    if case .failure(let error) = outcome { return (error as? XAPIError)?.code ?? .transport }
                    return nil
                }
                #expect(refusals == Array(repeating: .dailyCapExhausted, count: 55))
                for (index, reservation) in granted.enumerated() { try await ledgers[index % 8].commit(reservation) }
                let usage = try await ledgers[3].usage(of: Self.follow, userID: "2244994945")
                #expect(usage.map(\.committed) == [25] && usage.map(\.inFlight) == [0])
                // Another ledger name counts apart.
                let other = DailyCapLedger(store: storages[0].dailyCapStore(ledger: "api.x.com"))
                #expect(try await other.reserve(Self.follow, userID: "2244994945") != nil)
            }
        }
    }

    @Test("Concurrent reservations from 8 storages never pass the daily budget; settled charges add up to the cent")
    func dailyBudgetHoldsAcrossStorages() async throws {
        try await TestDatabase.withFreshDatabase { url in
            try await TestDatabase.withStorages(8, url: url) { storages in
                let ledgers = storages.map { SpendLedger(app: "app", store: $0.spendStore(ledger: "ledger")) }
                let budget = SpendBudget(perDay: USD("1.00"))
                // Each request may cost $0.07; 14 fit in $1.00 ($0.98), the 15th would pass it.
                let outcomes = await withTaskGroup(of: Result<SpendReservation, any Error>.self) { group in
                    for index in 0..<40 {
                        group.addTask {
                            do {
                                return .success(try await ledgers[index % 8].reserve(USD("0.07")!, budget: budget, operation: Self.followers))
                            } catch {
                                return .failure(error)
                            }
                        }
                    }
                    return await group.reduce(into: []) { $0.append($1) }
                }
                let granted = outcomes.compactMap { try? $0.get() }
                #expect(granted.count == 14)
                // Every other one was refused by the budget, none failed in the database.
                let refusals = outcomes.compactMap { outcome -> XAPIError.Code? in
                    if case .failure(let error) = outcome { return (error as? XAPIError)?.code ?? .transport }
                    return nil
                }
                #expect(refusals == Array(repeating: .budgetExceeded, count: 26))
                // Each settles with 7 users, the first 3 the same for everyone: charged once a day.
                for (index, reservation) in granted.enumerated() {
                    let ids = ["1", "2", "3"] + (0..<4).map { "user-\(index)-\($0)" }
                    _ = try await ledgers[index % 8].settle(reservation, pricing: Self.pricing, resourceIDs: ids, ownedRead: false)
                }
                let expected = USD("0.03")! + USD("0.04")! * 14
                // The three shared users once, and each request's four of its own.
                let expectedResources: Int = 3 + 4 * 14
                for ledger in ledgers {
                    let today = try await ledger.today()
                    #expect(today.spent == expected && today.charges == 14 && today.chargedResources == expectedResources && today.reserved == .zero)
                }
                // A process started later reads the whole day back.
                let late = SpendLedger(app: "app", store: storages[0].spendStore(ledger: "ledger"))
                #expect(try await late.today().spent == expected)
                #expect(try await storages[0].spendStore(ledger: "ledger").apps() == ["app"])
            }
        }
    }

    @Test("Eight storages migrating one empty database at once create the tables once")
    func concurrentMigrations() async throws {
        try await TestDatabase.withFreshDatabase { url in
            try await TestDatabase.withStorages(8, url: url) { storages in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for storage in storages {
                        group.addTask { _ = try await storage.dailyCapStore(ledger: "x").snapshot() }
                    }
                    try await group.waitForAll()
                }
                let rows = try await storages[0].client.query("SELECT version FROM xapi_schema_migrations")
                var versions: [Int] = []
                for try await version in rows.decode(Int.self) { versions.append(version) }
                #expect(versions == [1])
            }
        }
    }

    @Test("A database that refuses the password is an error naming it without the password")
    func refusedPasswordIsNamedWithoutIt() async throws {
        var url = try PostgresURL(try #require(TestDatabase.text))
        url.password = "not-the-password-\(UUID().uuidString)"
        let secret = try #require(url.password)
        let storage = PostgresStorage(url: url, logger: TestDatabase.quietLogger)
        let ledger = DailyCapLedger(store: storage.dailyCapStore(ledger: "x"))
        let error = await #expect(throws: XAPIError.self) { try await ledger.reserve(Self.follow, userID: "1") }
        await storage.shutdown()
        let text = [error?.description, error?.debugDescription, error.map { String(reflecting: $0) }].compactMap { $0 }
        #expect(error?.code == .dailyCapStorage)
        #expect(text.allSatisfy { !$0.contains(secret) })
        #expect(error?.message.contains("The daily-cap ledger \"x\" in \(url.description) (preparing its tables): the server said: password authentication failed") == true,
                "\(error?.message ?? "")")
    }
}
