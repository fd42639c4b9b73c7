import Foundation
import Logging
import XAPIPostgres

/// The PostgreSQL storage of one command, opened on first use and closed when the command
/// ends (``CommandRunner``), so a run against files never connects anywhere.
final class SharedStorage: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: PostgresStorage?

    /// The storage for `url`, connecting lazily.
    func storage(for url: PostgresURL) -> PostgresStorage {
        lock.withLock {
            if let storage { return storage }
            var logger = Logger(label: "xfollows.postgres")
            logger.logLevel = .critical
            let made = PostgresStorage(url: url, logger: logger)
            storage = made
            return made
        }
    }

    /// Closes the connections, if any were opened.
    func close() async {
        let open = lock.withLock {
            defer { storage = nil }
            return storage
        }
        await open?.shutdown()
    }
}
