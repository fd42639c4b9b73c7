import Foundation
import Logging
import PostgresNIO
import Testing
import XAPIPostgres

/// A database of its own for one test on the PostgreSQL server of `XAPI_POSTGRES_URL`
/// (`.ci/postgres start` sets it), dropped afterwards; the tests that need one are skipped,
/// saying why, without it.
enum SharedLedgerDatabase {
    static let text = ProcessInfo.processInfo.environment["XAPI_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let isConfigured = text != nil
    static let skipReason: Comment = "XAPI_POSTGRES_URL is not set: start a server with `eval \"$(.ci/postgres start)\"`"

    static var quietLogger: Logger {
        var logger = Logger(label: "XFollowsCLIEndToEndTests")
        logger.logLevel = .critical
        return logger
    }

    /// Runs `body` with the URL (password included) of a new, empty database.
    static func withFreshDatabase<T: Sendable>(_ body: (PostgresURL, String) async throws -> T) async throws -> T {
        let base = try #require(text)
        let admin = PostgresStorage(url: try PostgresURL(base), logger: quietLogger)
        let name = "xfollows_e2e_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        try await admin.client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        var url = try PostgresURL(base)
        url.database = name
        // The same URL as given, with the database replaced.
        var components = try #require(URLComponents(string: base))
        components.path = "/" + name
        let text = try #require(components.string)
        do {
            let result = try await body(url, text)
            await drop(name, admin: admin)
            return result
        } catch {
            await drop(name, admin: admin)
            throw error
        }
    }

    private static func drop(_ name: String, admin: PostgresStorage) async {
        _ = try? await admin.client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
        await admin.shutdown()
    }
}

/// One "machine": a configuration directory of its own (credentials, journals), running
/// xfollows against the in-process sandbox with the shared ledger in the environment.
final class Machine: @unchecked Sendable {
    let directory: URL
    let environment: [String: String]

    init(name: String, root: URL, server: URL, ledger: String) throws {
        directory = root.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("config"), withIntermediateDirectories: true)
        environment = [
            "PATH": "/usr/bin:/bin",
            "HOME": directory.path,
            "XFOLLOWS_CONFIG_DIR": directory.appendingPathComponent("config").path,
            "XFOLLOWS_SERVER": server.absoluteString,
            "XFOLLOWS_LEDGER": ledger,
        ]
    }

    var credentialsFile: URL { directory.appendingPathComponent("config/credentials.json") }

    func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> RunningProcess {
        try RunningProcess("xfollows", arguments, environment: environment.merging(extra) { $1 }, directory: directory)
    }

    /// Writes `ids` one per line to `name` in this machine's directory.
    func list(_ name: String, _ ids: [String]) throws -> String {
        let file = directory.appendingPathComponent(name)
        try (ids.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}
