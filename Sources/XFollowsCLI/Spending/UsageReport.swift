import Foundation
import XAPIPostgres
import XFollows

/// What this machine spent on one UTC day, per server and App, read from the spend ledgers
/// every xfollows run shares (``ConfigDirectory/spendDirectory(for:)``).
///
/// ```swift
/// let report = try await UsageReport.read(directory: context.directory, day: SpendDay.key(for: Date()))
/// report.lines()   // ["127.0.0.1-8080  App AE4x…  $10.05 in 3 charges; 1,005 users charged, free again today"]
/// ```
public struct UsageReport: Sendable, Hashable {
    /// One App's day on one server.
    public struct Entry: Sendable, Hashable {
        /// The server, as its folder names it (`api.x.com`, `127.0.0.1-8080`).
        public var server: String
        /// The App, as the ledger names it (shown shortened: it is a key).
        public var app: String
        /// What it spent.
        public var summary: SpendSummary
    }

    /// The UTC day.
    public var day: String
    /// Every App with a ledger, by server then App.
    public var entries: [Entry]

    /// Reads the ledgers of `day`.
    ///
    /// - Throws: ``CLIFailure`` when a ledger cannot be read.
    public static func read(directory: ConfigDirectory, day: String) async throws -> UsageReport {
        let root = directory.url.appendingPathComponent("spend", isDirectory: true)
        let servers = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
        var entries: [Entry] = []
        for server in servers {
            do {
                let store = try FileSpendStore(directory: root.appendingPathComponent(server, isDirectory: true))
                for app in store.apps() {
                    let summary = try await SpendLedger(app: app, store: store).summary(of: day)
                    entries.append(Entry(server: server, app: app, summary: summary))
                }
            } catch {
                throw CLIFailure.failure("The spend ledger of \(server) cannot be read: \(error)")
            }
        }
        return UsageReport(day: day, entries: entries)
    }

    /// Reads the ledgers of `day` in a PostgreSQL database (`--ledger postgres://…`): what
    /// every machine sharing it spent.
    ///
    /// - Throws: ``CLIFailure`` when the database cannot be read.
    public static func read(storage: PostgresStorage, day: String) async throws -> UsageReport {
        var entries: [Entry] = []
        do {
            for server in try await storage.spendLedgers() {
                let store = storage.spendStore(ledger: server)
                for app in try await store.apps() {
                    let summary = try await SpendLedger(app: app, store: store).summary(of: day)
                    entries.append(Entry(server: server, app: app, summary: summary))
                }
            }
        } catch {
            throw CLIFailure.failure("The shared spend ledger cannot be read: \(error)")
        }
        return UsageReport(day: day, entries: entries)
    }

    /// One line per App: `127.0.0.1-8080  App AE4x…  $10.05 in 3 charges; 1,005 users charged (free again today)`.
    public func lines() -> [String] {
        entries.map { entry in
            let app = entry.app.count > 8 ? "\(entry.app.prefix(4))…" : entry.app
            let summary = entry.summary
            var text = "\(entry.server)  App \(app)  \(summary.spent) in \(Formatting.count(summary.charges, "charge"))"
            if summary.chargedResources > 0 {
                text += "; \(Formatting.count(summary.chargedResources, "resource")) charged, free to read again today"
            }
            if summary.reserved > .zero { text += "; \(summary.reserved) in flight" }
            return text
        }
    }

    /// What every App spent together.
    public var total: USD { entries.reduce(.zero) { $0 + $1.summary.spent } }
}
