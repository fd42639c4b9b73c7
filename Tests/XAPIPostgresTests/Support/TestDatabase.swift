import Foundation
import Logging
import PostgresNIO
import Testing
import XAPIPostgres

/// The PostgreSQL server the tests use: `XAPI_POSTGRES_URL` (`.ci/postgres start` sets it).
/// Without it every suite here is skipped, saying why. Each test gets a database of its own,
/// dropped afterwards, so tests run in parallel and the migrations start from nothing.
enum TestDatabase {
    static let variable = "XAPI_POSTGRES_URL"
    static let text = ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    static let isConfigured = text != nil
    static let skipReason: Comment = "XAPI_POSTGRES_URL is not set: start a server with `eval \"$(.ci/postgres start)\"`"

    static var quietLogger: Logger {
        var logger = Logger(label: "XAPIPostgresTests")
        logger.logLevel = .critical
        return logger
    }

    /// Runs `body` with the URL of a new, empty database, dropped when it returns.
    static func withFreshDatabase<T: Sendable>(_ body: (PostgresURL) async throws -> T) async throws -> T {
        var url = try PostgresURL(try #require(text))
        let admin = PostgresStorage(url: url, logger: quietLogger)
        let name = "xapi_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try await admin.client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        url.database = name
        do {
            let result = try await body(url)
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

    /// `count` storages on `url`, each with its own connection pool, as separate processes
    /// (or machines) have; shut down after `body`.
    static func withStorages<T: Sendable>(
        _ count: Int, url: PostgresURL, _ body: ([PostgresStorage]) async throws -> T
    ) async throws -> T {
        let storages = (0..<count).map { _ in PostgresStorage(url: url, logger: quietLogger) }
        do {
            let result = try await body(storages)
            for storage in storages { await storage.shutdown() }
            return result
        } catch {
            for storage in storages { await storage.shutdown() }
            throw error
        }
    }
}
