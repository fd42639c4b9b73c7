import Logging
import PostgresNIO

/// The tables the stores keep, created by numbered migrations the first time a
/// ``PostgresStorage`` is used: each runs once per database, in order, in one transaction
/// holding an advisory lock, so processes starting together never race to create a table.
/// `xapi_schema_migrations` records those applied.
///
/// | Table | One row per | Holds |
/// | --- | --- | --- |
/// | `xapi_daily_caps` | ledger (a server, say) | the `DailyCapState` as JSON; its row lock serializes reservations |
/// | `xapi_spend_days` | ledger, App and UTC day | how many changes the day has; its row lock serializes reservations |
/// | `xapi_spend_changes` | change of a day | a reservation, a release or a charge with its resource keys |
/// | `xapi_oauth2_tokens` | shared token | the token as JSON and how often it was refreshed; its row lock is the refresh lock |
enum PostgresSchema {
    /// One step of the schema.
    struct Migration: Sendable {
        var version: Int
        var statements: [String]
    }

    /// The key of the advisory lock migrations hold (`xapi` in ASCII, then 1).
    static let migrationLockKey: Int64 = 0x7861_7069_0000_0001

    /// Every migration, oldest first. Never edit one that shipped: add another.
    static let migrations: [Migration] = [
        Migration(version: 1, statements: [
            """
            CREATE TABLE IF NOT EXISTS xapi_daily_caps (
                ledger text PRIMARY KEY,
                state jsonb NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS xapi_spend_days (
                ledger text NOT NULL,
                app text NOT NULL,
                day text NOT NULL,
                changes bigint NOT NULL DEFAULT 0,
                PRIMARY KEY (ledger, app, day)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS xapi_spend_changes (
                ledger text NOT NULL,
                app text NOT NULL,
                day text NOT NULL,
                seq bigint NOT NULL,
                kind text NOT NULL CHECK (kind IN ('reserved', 'released', 'charged')),
                reservation_id text,
                amount numeric,
                reserved_at timestamptz,
                resource_keys text[],
                PRIMARY KEY (ledger, app, day, seq),
                FOREIGN KEY (ledger, app, day) REFERENCES xapi_spend_days (ledger, app, day) ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS xapi_oauth2_tokens (
                id text PRIMARY KEY,
                token jsonb,
                refreshes bigint NOT NULL DEFAULT 0,
                updated_at timestamptz NOT NULL DEFAULT now()
            )
            """,
        ]),
    ]

    /// Applies the migrations the database lacks.
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws {
        // The lock first: even `CREATE TABLE IF NOT EXISTS` fails when two sessions run it at once.
        try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLockKey))", logger: logger)
        try await connection.query(
            "CREATE TABLE IF NOT EXISTS xapi_schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
            logger: logger)
        var applied: Set<Int> = []
        for try await version in try await connection.query("SELECT version FROM xapi_schema_migrations", logger: logger)
            .decode(Int.self) {
            applied.insert(version)
        }
        for migration in migrations where !applied.contains(migration.version) {
            for statement in migration.statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.query("INSERT INTO xapi_schema_migrations (version) VALUES (\(migration.version))", logger: logger)
        }
    }
}
