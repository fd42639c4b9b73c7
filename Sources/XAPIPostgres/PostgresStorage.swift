import Logging
import PostgresNIO
import XAPIRuntime

/// One PostgreSQL database holding the ledgers and tokens that workers on several machines
/// share: the client connecting to it, and the stores over it — daily caps
/// (``PostgresDailyCapStore``), spending (``PostgresSpendStore``) and OAuth 2.0 tokens
/// (``PostgresOAuth2TokenStore``). The tables are created on first use, by numbered
/// migrations run under an advisory lock (`xapi_schema_migrations` records them):
///
/// | Table | One row per | Holds |
/// | --- | --- | --- |
/// | `xapi_daily_caps` | ledger (a server, say) | the daily-cap state as JSON; its row lock serializes reservations |
/// | `xapi_spend_days` | ledger, App and UTC day | how many changes the day has; its row lock serializes reservations |
/// | `xapi_spend_changes` | change of a day | a reservation, a release, or a charge with its resource keys |
/// | `xapi_oauth2_tokens` | shared token | the token as JSON and how often it rotated; its row lock is the refresh lock |
///
/// Every store's update is one transaction holding a row lock (`SELECT … FOR UPDATE`) on the
/// row it changes, so reservations from any number of processes never overshoot a cap or a
/// budget, and one worker refreshes a token while the others wait for its result.
///
/// ```swift
/// let storage = PostgresStorage(url: try PostgresURL("postgres://xfollows@db.internal/ledgers"))
/// var configuration = ClientConfiguration()
/// configuration.dailyCaps = DailyCapLedger(store: storage.dailyCapStore(ledger: "api.x.com"))
/// configuration.spending = SpendLedger(app: clientID, store: storage.spendStore(ledger: "api.x.com"))
/// configuration.budget = SpendBudget(perDay: USD("25.00"))
/// …
/// await storage.shutdown()   // closes the connections
/// ```
public actor PostgresStorage {
    /// The database, without its password.
    public nonisolated let databaseDescription: String
    /// The client every store's transactions go through.
    public nonisolated let client: PostgresClient
    /// Where queries log (nothing by default).
    public nonisolated let logger: Logger
    /// Runs the client's connection pool while this storage owns it.
    private nonisolated let runner: Task<Void, Never>?
    /// The database's URL, when known: migrations connect with it directly, so a refused
    /// password or a server that is down fails the first update at once, with its reason,
    /// instead of after the pool's retries.
    private nonisolated let url: PostgresURL?
    private var migration: Task<Void, any Error>?

    /// Connects to the database at `url` (lazily: the first store update opens a connection).
    /// Call ``shutdown()`` when done.
    ///
    /// - Parameters:
    ///   - url: The database.
    ///   - maximumConnections: How many connections this process may open at once.
    ///   - logger: Where the client logs.
    public init(url: PostgresURL, maximumConnections: Int = 4, logger: Logger = Logger(label: "XAPIPostgres")) {
        let client = PostgresClient(configuration: url.clientConfiguration(maximumConnections: maximumConnections),
                                    backgroundLogger: logger)
        self.client = client
        self.databaseDescription = url.description
        self.logger = logger
        self.url = url
        self.runner = Task { await client.run() }
    }

    /// Uses a client the caller runs (`await client.run()` in a task of its own) and shuts down.
    ///
    /// - Parameters:
    ///   - client: A running client.
    ///   - databaseDescription: How errors name the database (never with a password).
    ///   - logger: Where queries log.
    public init(client: PostgresClient, databaseDescription: String, logger: Logger = Logger(label: "XAPIPostgres")) {
        self.client = client
        self.databaseDescription = databaseDescription
        self.logger = logger
        self.url = nil
        self.runner = nil
    }

    /// Closes the connections of a storage made from a URL (waiting for the pool to stop);
    /// does nothing to a client the caller runs.
    public func shutdown() async {
        runner?.cancel()
        await runner?.value
    }

    /// The daily caps of one ledger: processes naming the same ledger count together.
    public nonisolated func dailyCapStore(ledger: String) -> PostgresDailyCapStore {
        PostgresDailyCapStore(storage: self, ledger: ledger)
    }

    /// The spending of the Apps of one ledger, per UTC day.
    public nonisolated func spendStore(ledger: String) -> PostgresSpendStore {
        PostgresSpendStore(storage: self, ledger: ledger)
    }

    /// One shared OAuth 2.0 token, by a name of the caller's choosing (a profile, a user).
    public nonisolated func tokenStore(id: String) -> PostgresOAuth2TokenStore {
        PostgresOAuth2TokenStore(storage: self, id: id)
    }

    /// The ledgers with spending recorded (``spendStore(ledger:)``), sorted.
    ///
    /// - Throws: `SpendStoreError` naming the database.
    public nonisolated func spendLedgers() async throws -> [String] {
        let logger = self.logger
        return try await transaction(failure: { SpendStoreError("The spend ledgers in \($0)") }) { connection in
            var ledgers: [String] = []
            for try await ledger in try await connection.query("SELECT DISTINCT ledger FROM xapi_spend_days ORDER BY ledger", logger: logger)
                .decode(String.self) {
                ledgers.append(ledger)
            }
            return ledgers
        }
    }

    /// Creates the tables once per storage (and once per database: see ``PostgresSchema``).
    func prepare() async throws {
        if let migration { return try await migration.value }
        let task = Task { [client, logger, url] in
            guard let url else {
                return try await client.withConnection { connection in
                    try await Self.transaction(on: connection, logger: logger) { try await PostgresSchema.migrate($0, logger: logger) }
                }
            }
            let connection = try await PostgresConnection.connect(configuration: try url.connectionConfiguration(), id: 0, logger: logger)
            do {
                try await Self.transaction(on: connection, logger: logger) { try await PostgresSchema.migrate($0, logger: logger) }
                try? await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        }
        migration = task
        do {
            try await task.value
        } catch {
            migration = nil
            throw error
        }
    }

    /// Runs `body` in one transaction (`BEGIN` … `COMMIT`, or `ROLLBACK` when it throws) on
    /// a connection of the pool, the tables created first. Errors of PostgreSQL become
    /// `failure(reason)`; what `body` throws otherwise is rethrown as it is.
    nonisolated func transaction<Result: Sendable>(
        failure: @Sendable (String) -> any Error,
        _ body: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        do {
            try await prepare()
        } catch {
            throw failure("\(databaseDescription) (preparing its tables): \(PostgresStoreError.reason(of: error))")
        }
        do {
            return try await client.withConnection { connection in
                try await Self.transaction(on: connection, logger: logger) { connection in
                    do {
                        return try await body(connection)
                    } catch let error as PSQLError {
                        throw error
                    } catch {
                        throw BodyFailure(error: error)
                    }
                }
            }
        } catch let error as BodyFailure {
            throw error.error
        } catch {
            throw failure("\(databaseDescription): \(PostgresStoreError.reason(of: error))")
        }
    }

    /// What the body of a transaction threw itself (not the database).
    private struct BodyFailure: Error {
        var error: any Error
    }

    private static func transaction<Result: Sendable>(
        on connection: PostgresConnection, logger: Logger, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await connection.query("BEGIN", logger: logger)
        let result: Result
        do {
            result = try await body(connection)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
        try await connection.query("COMMIT", logger: logger)
        return result
    }
}
