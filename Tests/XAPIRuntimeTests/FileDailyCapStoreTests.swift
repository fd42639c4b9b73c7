import Foundation
import Testing
@testable import XAPIRuntime

@Suite("File daily-cap store", .timeLimit(.minutes(3)))
struct FileDailyCapStoreTests {
    static func temporaryFile() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("xapi-caps-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("caps.json")
    }

    static let capped = OperationDescriptor(
        id: "usersIdFollow", method: .post, path: "/2/users/{id}/following", security: [],
        dailyCaps: [DailyCapRule(scope: .app, limit: 150)], isIdempotent: true
    )

    @Test func countsSurviveARestart() async throws {
        let url = try Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let clock = VirtualClock()
        let before = DailyCapLedger(store: try FileDailyCapStore(url: url), clock: clock.clock)
        for _ in 0..<3 { try await before.commit(try #require(try await before.reserve(Self.capped, userID: nil))) }
        let after = DailyCapLedger(store: try FileDailyCapStore(url: url), clock: clock.clock)
        #expect(try await after.usage(of: Self.capped, userID: nil).first?.committed == 3)
    }

    @Test func twoStoresOnOneFileInterleaveWithoutLosingCounts() async throws {
        let url = try Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let clock = VirtualClock()
        let ledgers = [
            DailyCapLedger(store: try FileDailyCapStore(url: url), clock: clock.clock),
            DailyCapLedger(store: try FileDailyCapStore(url: url), clock: clock.clock),
        ]
        let granted = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<200 {
                let ledger = ledgers[index % 2]
                group.addTask {
                    guard let reservation = try? await ledger.reserve(Self.capped, userID: nil) else { return false }
                    if index % 10 == 0 {
                        try? await ledger.release(reservation)
                        return false
                    }
                    do {
                        try await ledger.commit(reservation)
                        return true
                    } catch {
                        return false
                    }
                }
            }
            var count = 0
            for await ok in group where ok { count += 1 }
            return count
        }
        let state = try FileDailyCapStore(url: url).snapshot()
        let entries = state.counters["usersIdFollow app"] ?? []
        #expect(entries.count == granted)
        #expect(entries.allSatisfy { $0.isCommitted })
        #expect(granted <= 150)
        #expect(granted >= 130)
        #expect(Set(entries.map(\.reservationID)).count == entries.count)
        for ledger in ledgers {
            #expect(try await ledger.usage(of: Self.capped, userID: nil).first?.committed == granted)
        }
    }

    @Test func fillingTheCapFromTwoStoresStopsAtExactlyTheLimit() async throws {
        let url = try Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let clock = VirtualClock()
        let ledgers = [
            DailyCapLedger(store: try FileDailyCapStore(url: url), clock: clock.clock),
            DailyCapLedger(store: try FileDailyCapStore(url: url), clock: clock.clock),
        ]
        let granted = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<200 {
                let ledger = ledgers[index % 2]
                group.addTask {
                    guard let reservation = try? await ledger.reserve(Self.capped, userID: nil) else { return false }
                    return (try? await ledger.commit(reservation)) != nil
                }
            }
            var count = 0
            for await ok in group where ok { count += 1 }
            return count
        }
        #expect(granted == 150)
        #expect(try FileDailyCapStore(url: url).snapshot().counters["usersIdFollow app"]?.count == 150)
    }

    @Test func aTornTemporaryFileIsIgnoredAndCleanedUp() async throws {
        let url = try Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let clock = VirtualClock()
        let ledger = DailyCapLedger(store: try FileDailyCapStore(url: url), clock: clock.clock)
        try await ledger.commit(try #require(try await ledger.reserve(Self.capped, userID: nil)))
        let intact = try Data(contentsOf: url)

        // A writer crashed halfway through replacing the file.
        let torn = url.deletingLastPathComponent().appendingPathComponent(".caps.json.tmp-99999-1")
        try Data(intact.prefix(intact.count / 2)).write(to: torn)
        #expect(try Data(contentsOf: url) == intact)

        let restarted = DailyCapLedger(store: try FileDailyCapStore(url: url), clock: clock.clock)
        #expect(try await restarted.usage(of: Self.capped, userID: nil).first?.committed == 1)
        try await restarted.commit(try #require(try await restarted.reserve(Self.capped, userID: nil)))
        #expect(try await restarted.usage(of: Self.capped, userID: nil).first?.committed == 2)
        #expect(!FileManager.default.fileExists(atPath: torn.path))
        let names = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(Set(names) == ["caps.json", "caps.json.lock"])
    }

    @Test func aCorruptStateFileIsAStorageErrorNotAReset() async throws {
        let url = try Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try Data("{\"version\":1,\"coun".utf8).write(to: url)
        let ledger = DailyCapLedger(store: try FileDailyCapStore(url: url))
        let error = await #expect(throws: XAPIError.self) { _ = try await ledger.reserve(Self.capped, userID: nil) }
        #expect(error?.code == .dailyCapStorage)
        #expect(error?.message.contains(url.lastPathComponent) == true)
    }

    @Test func theStoreRoundTripsState() async throws {
        let url = try Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let store = try FileDailyCapStore(url: url)
        let entry = DailyCapState.Entry(reservationID: "r", date: Date(timeIntervalSince1970: 1_700_000_000.5), isCommitted: true)
        try await store.update { $0.counters["k"] = [entry] }
        #expect(try store.snapshot() == DailyCapState(counters: ["k": [entry]]))
        #expect(try FileDailyCapStore(url: url).snapshot().counters["k"] == [entry])
    }
}
