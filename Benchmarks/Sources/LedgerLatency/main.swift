// ledger-latency: L1. How long one reservation takes in the daily-cap ledger and in the spend
// ledger, over the file stores (FileDailyCapStore, FileSpendStore: flock and a file) and over
// PostgreSQL (XAPIPostgres: one transaction with a row lock), the way a client makes one
// before each follow: reserve, then release. Only the reservation is timed.
//
// Two shapes: one worker alone (latency with no contention), and eight workers at once, each
// with a store of its own (its own file descriptors, or its own connection), as eight
// processes have. It prints a Markdown table: percentiles of one reservation and reservations
// per second overall.
//
//     ledger-latency DIRECTORY POSTGRES_URL ITERATIONS
//
// Benchmarks/Scripts/ledger-latency runs it against a throwaway server (.ci/postgres).
import Foundation
import Logging
import XAPIPostgres
import XFollows

/// One kind of ledger over one kind of store: makes a worker (with storage of its own) whose
/// step reserves and releases once and returns the seconds the reservation took.
struct Subject: Sendable {
    typealias Worker = (step: @Sendable () async throws -> Double, close: @Sendable () async -> Void)
    var name: String
    var makeWorker: @Sendable () async throws -> Worker
}

enum LedgerLatency {
    static let follow = OperationDescriptor.usersIdFollow
    static let budget = SpendBudget(perDay: USD("1000000.00"))

    static func timed(_ body: () async throws -> Void) async rethrows -> Double {
        let start = ContinuousClock.now
        try await body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func dailyCapStep(_ ledger: DailyCapLedger) -> @Sendable () async throws -> Double {
        {
            var reservation: DailyCapReservation?
            let seconds = try await timed { reservation = try await ledger.reserve(follow, userID: "2244994945") }
            if let reservation { try await ledger.release(reservation) }
            return seconds
        }
    }

    static func spendStep(_ ledger: SpendLedger) -> @Sendable () async throws -> Double {
        {
            var reservation: SpendReservation?
            let seconds = try await timed { reservation = try await ledger.reserve(USD("0.015")!, budget: budget, operation: follow) }
            if let reservation { try await ledger.release(reservation) }
            return seconds
        }
    }

    static func subjects(directory: URL, url: PostgresURL, run: String) -> [Subject] {
        var quiet = Logger(label: "ledger-latency")
        quiet.logLevel = .critical
        let logger = quiet
        return [
            Subject(name: "daily cap, file (flock)") {
                let store = try FileDailyCapStore(url: directory.appendingPathComponent("daily-caps.json"))
                return (dailyCapStep(DailyCapLedger(store: store)), {})
            },
            Subject(name: "daily cap, PostgreSQL (row lock)") {
                let storage = PostgresStorage(url: url, maximumConnections: 1, logger: logger)
                return (dailyCapStep(DailyCapLedger(store: storage.dailyCapStore(ledger: "bench-\(run)"))), { await storage.shutdown() })
            },
            Subject(name: "spend, file (flock, journal)") {
                let store = try FileSpendStore(directory: directory.appendingPathComponent("spend"))
                return (spendStep(SpendLedger(app: "bench", store: store)), {})
            },
            Subject(name: "spend, PostgreSQL (row lock, journal)") {
                let storage = PostgresStorage(url: url, maximumConnections: 1, logger: logger)
                return (spendStep(SpendLedger(app: "bench-\(run)", store: storage.spendStore(ledger: "bench"))), { await storage.shutdown() })
            },
        ]
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * p).rounded(.up)) - 1))]
    }

    static func milliseconds(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }

    /// Runs `iterations` reservations spread over `workers` concurrent workers; returns each
    /// reservation's seconds, sorted, and the wall clock of the whole.
    static func measure(_ subject: Subject, workers: Int, iterations: Int) async throws -> (samples: [Double], wall: Double) {
        var made: [Subject.Worker] = []
        for _ in 0..<workers { made.append(try await subject.makeWorker()) }
        // One untimed reservation each: connections open, tables exist, files are there.
        for worker in made { _ = try await worker.step() }
        let each = iterations / workers
        let workersMade = made
        var samples: [Double] = []
        let wall = try await timed {
            samples = try await withThrowingTaskGroup(of: [Double].self) { group in
                for worker in workersMade {
                    group.addTask {
                        var mine: [Double] = []
                        for _ in 0..<each { mine.append(try await worker.step()) }
                        return mine
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
        }
        for worker in made { await worker.close() }
        return (samples.sorted(), wall)
    }

    static func main(_ arguments: [String]) async throws {
        guard arguments.count == 3, let iterations = Int(arguments[2]), iterations >= 8 else {
            FileHandle.standardError.write(Data("usage: ledger-latency DIRECTORY POSTGRES_URL ITERATIONS (at least 8)\n".utf8))
            exit(64)
        }
        let directory = URL(fileURLWithPath: arguments[0], isDirectory: true)
            .appendingPathComponent("ledger-latency-\(UUID().uuidString)")
        let url = try PostgresURL(arguments[1])
        let run = String(UUID().uuidString.prefix(8))
        print("| L1 one reservation (reserve; release untimed) | workers | p50 | p90 | p99 | reservations/s |")
        print("|---|---:|---:|---:|---:|---:|")
        for subject in subjects(directory: directory, url: url, run: run) {
            for workers in [1, 8] {
                let (samples, wall) = try await measure(subject, workers: workers, iterations: iterations)
                let rate = Double(samples.count) / wall
                print("| \(subject.name) | \(workers) | \(milliseconds(percentile(samples, 0.5))) "
                    + "| \(milliseconds(percentile(samples, 0.9))) | \(milliseconds(percentile(samples, 0.99))) "
                    + "| \(String(format: "%.0f", rate)) |")
            }
        }
        try? FileManager.default.removeItem(at: directory)
    }
}

try await LedgerLatency.main(Array(CommandLine.arguments.dropFirst()))
