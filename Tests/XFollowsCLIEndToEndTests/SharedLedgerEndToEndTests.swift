import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import XAPIPostgres
import XFollows
import XSandbox
import XSandboxTesting

/// Eight xfollows processes from two configuration directories (two "machines") following
/// from one list through one App, their daily caps, spend and OAuth 2.0 token shared in
/// PostgreSQL (`XFOLLOWS_LEDGER`): the cap holds exactly, the budget to the cent, and the
/// token is refreshed once per expiry between them, nobody logged out.
@Suite("xfollows end to end: ledgers shared by machines in PostgreSQL",
       .enabled(if: SharedLedgerDatabase.isConfigured, SharedLedgerDatabase.skipReason), .timeLimit(.minutes(3)),
       // One phase of eight processes at a time: two would double the load on a two-core machine.
       .serialized)
struct SharedLedgerEndToEndTests {
    /// The sandbox's limits with X's daily caps and windows too wide to be met.
    static let capsOnly: SandboxLimits = {
        var limits = SandboxLimits.documented
        for operation in SandboxLimits.operations {
            limits.setRateLimits(operation.rateLimits.map { RateLimitRule(scope: $0.scope, requests: 100_000, windowSeconds: 900) },
                                 for: operation)
        }
        return limits
    }()

    /// 60 accounts each for 8 processes: 480 from one list of @tenk_club's followers.
    static func shards(of list: [String]) -> [[String]] {
        (0..<8).map { Array(list[($0 * 60)..<($0 * 60 + 60)]) }
    }

    /// Runs `xfollows arguments` once per shard, four processes on each machine, all at once.
    static func runEverywhere(_ machines: [Machine], shards: [[String]], _ arguments: [String],
                              environment: [String: String] = [:]) async throws -> [(status: Int32, output: String, errors: String)] {
        var processes: [RunningProcess] = []
        for (index, shard) in shards.enumerated() {
            let machine = machines[index % 2]
            let file = try machine.list("shard-\(index).txt", shard)
            let process = try machine.start(arguments + ["--file", file], environment: environment)
            process.closeInput()
            processes.append(process)
        }
        var results: [(Int32, String, String)] = []
        for process in processes {
            results.append((try await process.exitStatus(timeout: .seconds(150)), process.standardOutput, process.standardError))
        }
        return results
    }

    @Test("8 processes on 2 machines, one OAuth 2.0 token: exactly the 400 follows of the cap, one refresh per expiry, none refused")
    func capAndRefresh() async throws {
        let server = try await SandboxServer.start(SandboxConfiguration(limits: Self.capsOnly, accessTokenLifetime: 61))
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("xfollows-shared-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        do {
            try await SharedLedgerDatabase.withFreshDatabase { url, ledger in
                let machines = try ["machine-a", "machine-b"].map { try Machine(name: $0, root: root, server: server.baseURL, ledger: ledger) }
                // Alice logs in on the first machine; the second gets a copy of its credentials.
                let clientID = try #require(server.credentials.publicOAuth2Client?.clientID)
                let login = try machines[0].start(["login", "--client-id", clientID, "--no-browser"])
                try await login.wait(for: "the authorization URL") { login.standardError.contains("/i/oauth2/authorize?") }
                let line = try #require(login.standardError.split(separator: "\n").first { $0.contains("/i/oauth2/authorize?") })
                guard case .redirect(let callback) = try await SandboxBrowser().approve(
                    try #require(URL(string: line.trimmingCharacters(in: .whitespaces))), as: SandboxAccounts.alice) else {
                    Issue.record("the authorization page did not redirect")
                    return
                }
                _ = try? await URLSession.shared.data(from: callback)
                #expect(try await login.exitStatus() == 0, "\(login.standardError)")
                try FileManager.default.copyItem(at: machines[0].credentialsFile, to: machines[1].credentialsFile)
                // The token is due a second after it was issued (61 s, refreshed a minute early):
                // all eight processes meet an expired token at once.
                try await Task.sleep(for: .seconds(1.5))
                await server.clearRequests()

                let before = Set(await server.followingIDs(of: SandboxAccounts.alice))
                let list = await server.followerIDs(of: SandboxAccounts.tenThousandClub).filter { !before.contains($0) && $0 != SandboxAccounts.alice }
                let started = Date()
                let results = try await Self.runEverywhere(machines, shards: Self.shards(of: list), ["follow", "--yes", "--json"])
                let elapsed = Date().timeIntervalSince(started)

                for result in results {
                    #expect([0, 3].contains(result.status), "\(result.errors)")
                    #expect(!result.errors.contains("login"), "\(result.errors)")
                }
                // Every process says what it did; together, exactly the cap.
                let summaries = results.compactMap { $0.output.split(separator: "\n").last }
                let done = summaries.compactMap { Self.number(after: #""done":"#, in: String($0)) }
                #expect(done.count == 8 && done.reduce(0, +) == 400, "\(summaries)")
                #expect(results.filter { $0.status == 3 }.allSatisfy { $0.output.contains(#""stopped_by":"daily cap""#) })

                // The sandbox agrees: 400 follow actions counted, 400 follow requests, none refused.
                #expect(await server.dailyActionCount(of: .usersIdFollow, scope: .user, subject: SandboxAccounts.alice) == 400)
                let journal = await server.requests()
                let follows = journal.filter { $0.operationID == "usersIdFollow" }
                #expect(follows.count == 400 && follows.allSatisfy { $0.status == 200 })
                let after = Set(await server.followingIDs(of: SandboxAccounts.alice))
                var pending = 0
                for id in list where await server.hasPendingRequest(from: SandboxAccounts.alice, to: id) { pending += 1 }
                #expect(after.subtracting(before).count + pending == 400)

                // One refresh per expiry. The sandbox accepts only the newest refresh token, so
                // refreshes that all succeeded each used the token the one before issued, once:
                // a second refresher of the same token is refused with 400, logging the others
                // out. And no token was refreshed before it was due (a second after it was
                // issued): at most one refresh per second of the run. (The gaps between the
                // sandbox's stamps are not compared one by one: they are taken when the test
                // process, starved by eight processes starting on two cores, gets to a request.)
                let refreshes = journal.filter { $0.operationID == "oauth2Token" }
                #expect(refreshes.count >= 2 && refreshes.allSatisfy { $0.status == 200 }, "\(refreshes.map(\.status))")
                #expect(refreshes.count <= Int(elapsed) + 1, "\(refreshes.count) refreshes in \(elapsed) s")
                // The login stored its token in the shared row, which rotated once per refresh.
                #expect(try await Self.sharedTokenRows(url) == [refreshes.count], "vs \(refreshes.count) refreshes")

                // Logging out on the second machine revokes the shared token and forgets it:
                // the first machine is logged out too (exit 4), with nothing left to refresh.
                let logout = try machines[1].start(["logout"])
                #expect(try await logout.exitStatus() == 0, "\(logout.standardError)")
                #expect(try await Self.sharedTokenRows(url) == [nil])
                let whoami = try machines[0].start(["whoami"])
                #expect(try await whoami.exitStatus() == 4, "\(whoami.standardOutput) \(whoami.standardError)")
            }
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    @Test("8 processes on 2 machines under one daily budget of $6.00: the App's bill stays within it, to the cent as the shared ledger says")
    func dailyBudget() async throws {
        let server = try await SandboxServer.start(SandboxConfiguration(limits: Self.capsOnly))
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("xfollows-shared-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        do {
            try await SharedLedgerDatabase.withFreshDatabase { url, ledger in
                let machines = try ["machine-a", "machine-b"].map { try Machine(name: $0, root: root, server: server.baseURL, ledger: ledger) }
                // Bob's OAuth 1.0a credentials on the enterprise App, in the environment on both machines.
                let credentials = server.credentials
                let bob = try #require(credentials.accessTokens.first { $0.userID == SandboxAccounts.bob })
                let environment = ["API_KEY": credentials.consumerKey, "API_SECRET": credentials.consumerSecret,
                                   "ACCESS_TOKEN": bob.accessToken, "ACCESS_TOKEN_SECRET": bob.accessTokenSecret]
                let before = Set(await server.followingIDs(of: SandboxAccounts.bob))
                let list = await server.followerIDs(of: SandboxAccounts.tenThousandClub).filter { !before.contains($0) && $0 != SandboxAccounts.bob }
                let results = try await Self.runEverywhere(machines, shards: Self.shards(of: list),
                                                           ["follow", "--yes", "--json", "--daily-budget", "6.00"], environment: environment)
                for result in results { #expect([0, 3].contains(result.status), "\(result.errors)") }
                #expect(results.contains { $0.output.contains(#""stopped_by":"daily budget (--daily-budget $6.00)""#) || $0.status == 3 })

                // 480 lookups at $0.010 and 480 follows at $0.015 would be $12.00: the budget stopped them.
                let bill = try #require(await server.bill().app(SandboxAccounts.enterpriseAppID))
                #expect(bill.spentToday <= USD("6.00")!)
                #expect(bill.spentToday > USD("6.00")! - USD("0.60")!, "\(bill.spentToday)")   // less than one lookup's worst case left
                let storage = PostgresStorage(url: url, logger: SharedLedgerDatabase.quietLogger)
                let summary = try await SpendLedger(app: credentials.consumerKey, store: storage.spendStore(ledger: server.baseURL.fileKey))
                    .today()
                await storage.shutdown()
                #expect(summary.spent == bill.spentToday && summary.reserved == .zero)
                #expect(summary.charges == bill.charges.count)
                // `xfollows usage` on either machine reads the same day from the database.
                let usage = try machines[1].start(["usage", "--json"], environment: environment)
                usage.closeInput()
                #expect(try await usage.exitStatus() == 0, "\(usage.standardError)")
                let object = try JSONSerialization.jsonObject(with: Data(usage.standardOutput.utf8)) as? [String: Any]
                #expect(object?["app"] as? String == credentials.consumerKey)
                #expect((object?["spent"] as? String).flatMap(USD.init) == bill.spentToday, "\(usage.standardOutput)")
                for text in [usage.standardOutput, usage.standardError] + results.flatMap({ [$0.output, $0.errors] }) {
                    #expect(!text.contains(url.password ?? "-"))
                }
            }
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    /// The `refreshes` count of each shared token row, `nil` for a row whose token was removed.
    static func sharedTokenRows(_ url: PostgresURL) async throws -> [Int?] {
        let storage = PostgresStorage(url: url, logger: SharedLedgerDatabase.quietLogger)
        var rows: [Int?] = []
        do {
            for try await (count, present) in try await storage.client.query("SELECT refreshes, token IS NOT NULL FROM xapi_oauth2_tokens")
                .decode((Int, Bool).self) {
                rows.append(present ? count : nil)
            }
        } catch {
            await storage.shutdown()
            throw error
        }
        await storage.shutdown()
        return rows
    }

    static func number(after label: String, in text: String) -> Int? {
        guard let range = text.range(of: label) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }
}

extension URL {
    /// The ledger name xfollows gives a server (`ServerTarget.fileKey`): `127.0.0.1-8080`.
    var fileKey: String { "\(host ?? "server")-\(port ?? 0)" }
}
