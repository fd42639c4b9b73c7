import Foundation
import Testing
@testable import XAPIRuntime

@Suite("Costs: file spend store")
struct FileSpendStoreTests {
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("xapi-spend-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func usd(_ text: String) -> USD { USD(text)! }
    static let day = "2026-12-04"

    /// A ledger on its own store instance, as another process would have.
    static func ledger(_ directory: URL, app: String = "app", clock: VirtualClock) throws -> SpendLedger {
        SpendLedger(app: app, store: try FileSpendStore(directory: directory), clock: clock.clock)
    }

    static func read(_ ids: [String], on ledger: SpendLedger) async throws -> Charge {
        let reservation = try await ledger.reserve(usd("1"), budget: nil, operation: SpendLedgerTests.followers)
        return try await ledger.settle(reservation, pricing: .followersRead, resourceIDs: ids, ownedRead: false)
    }

    static func lines(of url: URL) throws -> [String] {
        String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func twoStoresOnOneDirectoryShareTheDays() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = VirtualClock(now: SpendLedgerTests.lastSecondOfTheDay)
        let first = try Self.ledger(directory, clock: clock)
        let second = try Self.ledger(directory, clock: clock)

        #expect(try await Self.read(SpendLedgerTests.ids(1...10), on: first).chargedUnits == 10)
        let overlap = try await Self.read(SpendLedgerTests.ids(5...15), on: second)
        #expect(overlap.chargedUnits == 5)
        #expect(overlap.amount == Self.usd("0.05"))
        #expect(try await Self.read(SpendLedgerTests.ids(1...15), on: first).chargedUnits == 0)

        let expected = SpendSummary(day: Self.day, spent: Self.usd("0.15"), charges: 3, chargedResources: 15, reserved: .zero)
        #expect(try await first.today() == expected)
        #expect(try await second.today() == expected)
        // A process started later reads the same day back.
        #expect(try await Self.ledger(directory, clock: clock).today() == expected)
        // Another App in the same directory has days of its own.
        #expect(try await Self.ledger(directory, app: "other", clock: clock).today()
            == SpendSummary(day: Self.day, spent: .zero, charges: 0, chargedResources: 0, reserved: .zero))
        #expect(try FileSpendStore(directory: directory).apps() == ["app", "other"])
    }

    @Test func concurrentReservationsFromSeveralStoresNeverPassTheDailyBudget() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = VirtualClock(now: SpendLedgerTests.lastSecondOfTheDay)
        let ledgers = try (0..<4).map { _ in try Self.ledger(directory, clock: clock) }
        let granted = await SpendLedgerTests.reserveConcurrently(
            100, of: Self.usd("0.10"), on: ledgers, budget: SpendBudget(perDay: Self.usd("1.00")))
        #expect(granted.count == 10)
        let journal = try FileSpendStore(directory: directory).journalURL(app: "app", day: Self.day)
        #expect(try Self.lines(of: journal).filter { $0.hasPrefix(#"{"reserve":"#) }.count == 10)

        // Every granted request returns the same 50 users: X charges them once, whoever settles first.
        let charges = await withTaskGroup(of: Charge?.self) { group in
            for (index, reservation) in granted.enumerated() {
                let ledger = ledgers[index % ledgers.count]
                group.addTask {
                    try? await ledger.settle(reservation, pricing: .followersRead, resourceIDs: SpendLedgerTests.ids(1...50), ownedRead: false)
                }
            }
            var charges: [Charge] = []
            for await charge in group { if let charge { charges.append(charge) } }
            return charges
        }
        #expect(charges.count == 10)
        let units: [Int] = charges.map(\.chargedUnits)
        #expect(units.reduce(0, +) == 50)
        #expect(units.sorted() == [0, 0, 0, 0, 0, 0, 0, 0, 0, 50])
        #expect(try await Self.ledger(directory, clock: clock).today()
            == SpendSummary(day: Self.day, spent: Self.usd("0.50"), charges: 10, chargedResources: 50, reserved: .zero))
        #expect(try Self.lines(of: journal).last == "")
        // Ten reservations, their ten releases and ten charges, and the empty line after the last.
        #expect(try Self.lines(of: journal).count == 31)
    }

    @Test func aTornLastLineIsIgnoredAndCutOffByTheNextUpdate() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = VirtualClock(now: SpendLedgerTests.lastSecondOfTheDay)
        let writer = try Self.ledger(directory, clock: clock)
        _ = try await Self.read(SpendLedgerTests.ids(1...3), on: writer)
        let journal = try FileSpendStore(directory: directory).journalURL(app: "app", day: Self.day)
        let intact = try Data(contentsOf: journal)

        // A writer crashed halfway through a line.
        let torn = Data(#"{"charge":"0.5","keys":["user:9"#.utf8)
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: torn)
        try handle.close()

        let restarted = try Self.ledger(directory, clock: clock)
        let before = SpendSummary(day: Self.day, spent: Self.usd("0.03"), charges: 1, chargedResources: 3, reserved: .zero)
        #expect(try await restarted.today() == before)
        #expect(try await writer.today() == before)
        // Reading alone leaves the file as it is; the next change cuts the torn line off.
        #expect(try Data(contentsOf: journal) == intact + torn)
        #expect(try await Self.read(["9"], on: restarted).chargedUnits == 1)
        let text = String(decoding: try Data(contentsOf: journal), as: UTF8.self)
        #expect(text.hasPrefix(String(decoding: intact, as: UTF8.self)))
        #expect(text.hasSuffix("\n"))
        #expect(!text.contains(#""0.5""#))
        #expect(try await Self.ledger(directory, clock: clock).today()
            == SpendSummary(day: Self.day, spent: Self.usd("0.04"), charges: 2, chargedResources: 4, reserved: .zero))
        #expect(try await Self.read(["1", "9"], on: writer).chargedUnits == 0)
    }

    @Test(arguments: ["not json", "{}", #"{"charge":"ten"}"#, #"{"reserve":{"id":"r"}}"#])
    func aCorruptCompleteLineIsAStorageErrorNamingTheFile(line: String) async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = VirtualClock(now: SpendLedgerTests.lastSecondOfTheDay)
        _ = try await Self.read(["1"], on: try Self.ledger(directory, clock: clock))
        let store = try FileSpendStore(directory: directory)
        let journal = store.journalURL(app: "app", day: Self.day)
        let offset = try Data(contentsOf: journal).count
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((line + "\n").utf8))
        try handle.close()

        let error = await #expect(throws: SpendStoreError.self) {
            try await store.update(app: "app", day: Self.day) { $0.spent }
        }
        #expect(error?.message == "\(journal.path) holds a line that is not a spend record at byte \(offset).")

        let ledgerError = await #expect(throws: XAPIError.self) { _ = try await Self.ledger(directory, clock: clock).today() }
        #expect(ledgerError?.code == .spendLedgerStorage)
        #expect(ledgerError?.message == "The spend ledger's storage failed: \(journal.path) holds a line that is not a spend record at byte \(offset).")
        #expect(ledgerError?.underlyingError is SpendStoreError)
        // Nothing was reset: the bad line is still there for a person to look at.
        #expect(try Self.lines(of: journal).dropLast().last == line)
    }

    @Test func journalsAreReadableByTheOwnerOnly() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = VirtualClock(now: SpendLedgerTests.lastSecondOfTheDay)
        _ = try await Self.read(["1"], on: try Self.ledger(directory, clock: clock))
        let journal = try FileSpendStore(directory: directory).journalURL(app: "app", day: Self.day)
        #expect(journal.path == directory.standardizedFileURL.path + "/app/2026-12-04.jsonl")
        let mode = try FileManager.default.attributesOfItem(atPath: journal.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let lock = journal.deletingLastPathComponent().appendingPathComponent("2026-12-04.jsonl.lock")
        #expect(try FileManager.default.attributesOfItem(atPath: lock.path)[.posixPermissions] as? Int == 0o600)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: journal.deletingLastPathComponent().path))
            == ["2026-12-04.jsonl", "2026-12-04.jsonl.lock"])
    }

    @Test(arguments: [
        ("../escape", "%2E.%2Fescape"),
        ("..", "%2E."),
        (".", "%2E"),
        (".hidden", "%2Ehidden"),
        ("/etc/passwd", "%2Fetc%2Fpasswd"),
        ("a/b", "a%2Fb"),
        ("consumer-key_1.v2", "consumer-key_1.v2"),
        ("café", "caf%C3%A9"),
        ("100%", "100%25"),
    ])
    func anAppNameStaysInsideTheDirectory(app: String, folder: String) async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try FileSpendStore(directory: directory)
        let journal = store.journalURL(app: app, day: Self.day)
        #expect(journal.deletingLastPathComponent().lastPathComponent == folder)
        #expect(journal.deletingLastPathComponent().deletingLastPathComponent().path == directory.standardizedFileURL.path)

        try await store.update(app: app, day: Self.day) { day in
            _ = day.charge(resourceKeys: nil, unitPrice: Self.usd("0.015"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [folder])
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(folder).appendingPathComponent("2026-12-04.jsonl").path))
        #expect(store.apps() == [app])
        #expect(try await store.update(app: app, day: Self.day) { $0.spent } == Self.usd("0.015"))
    }

    @Test func aStoreCatchesUpWithLinesOthersAppendedAndKeepsItsOwnState() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let one = try FileSpendStore(directory: directory)
        let two = try FileSpendStore(directory: directory)
        for index in 0..<20 {
            let store = index.isMultiple(of: 2) ? one : two
            try await store.update(app: "app", day: Self.day) { day in
                _ = day.charge(resourceKeys: ["user:\(index % 7)"], unitPrice: Self.usd("0.01"))
            }
        }
        for store in [one, two, try FileSpendStore(directory: directory)] {
            let (spent, requests, resources) = try await store.update(app: "app", day: Self.day) { day in
                (day.spent, day.chargedRequests, day.chargedResources.count)
            }
            #expect(spent == Self.usd("0.07"))
            #expect(requests == 20)
            #expect(resources == 7)
        }
        // A body that throws writes nothing.
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            try await one.update(app: "app", day: Self.day) { day in
                _ = day.charge(resourceKeys: nil, unitPrice: Self.usd("5"))
                throw Refused()
            }
        }
        #expect(try await two.update(app: "app", day: Self.day) { $0.spent } == Self.usd("0.07"))
        #expect(try Self.lines(of: one.journalURL(app: "app", day: Self.day)).count == 21)
    }
}
