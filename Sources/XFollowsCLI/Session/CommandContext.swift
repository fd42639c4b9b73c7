import Foundation
import Logging
import OpenAPIRuntime
import XAPIPostgres
import XFollows

/// What every command runs with: the server, the profile, the configuration directory, the
/// environment, where output goes and how verbose it is. Commands build it from
/// ``GlobalOptions``; tests build it directly.
public struct CommandContext: Sendable {
    /// Where requests go.
    public var server: ServerTarget
    /// The profile whose credentials are used.
    public var profileName: String
    /// Whether `--profile` was given (then stored credentials win over the environment's).
    public var isProfileExplicit: Bool
    /// Where credentials, ledgers and journals live.
    public var directory: ConfigDirectory
    /// The process environment.
    public var environment: [String: String]
    /// Results.
    public var output: TextOutput
    /// Messages, the progress line and the `--verbose` log.
    public var errors: TextOutput
    /// Whether to log every request.
    public var verbose: Bool
    /// The transport; `nil` uses the runtime's default (URLSession).
    public var transport: (any ClientTransport)?
    /// Who to ask before spending (a person at a terminal, or no one).
    public var confirmation: Confirmation
    /// Where daily caps, spend and the OAuth 2.0 token are kept (`--ledger`).
    public var ledger: LedgerLocation
    /// The PostgreSQL connections of this command, when ``ledger`` is a database.
    let sharedStorage = SharedStorage()

    /// A context.
    public init(
        server: ServerTarget, profileName: String = "default", isProfileExplicit: Bool = false,
        directory: ConfigDirectory, environment: [String: String], output: TextOutput = .standardOutput,
        errors: TextOutput = .standardError, verbose: Bool = false, transport: (any ClientTransport)? = nil,
        confirmation: Confirmation = .unavailable, ledger: LedgerLocation = .files
    ) {
        self.server = server
        self.profileName = profileName
        self.isProfileExplicit = isProfileExplicit
        self.directory = directory
        self.environment = environment
        self.output = output
        self.errors = errors
        self.verbose = verbose
        self.transport = transport
        self.confirmation = confirmation
        self.ledger = ledger
    }

    /// The database of ``ledger``, connected on first use; `nil` for files.
    var postgres: PostgresStorage? {
        guard case .postgres(let url) = ledger else { return nil }
        return sharedStorage.storage(for: url)
    }

    /// Where an OAuth 2.0 profile's token is shared with every machine, with a PostgreSQL
    /// `--ledger`: one row per server, client ID and profile; `nil` with files.
    func sharedTokenStore(clientID: String) -> PostgresOAuth2TokenStore? {
        postgres?.tokenStore(id: "\(server.fileKey) \(clientID) \(profileName)")
    }

    /// Closes the database connections this command opened.
    public func closeLedger() async {
        await sharedStorage.close()
    }

    /// The credentials file.
    public var store: CredentialStore { CredentialStore(directory: directory) }

    /// Where the runtime logs: every request with `--verbose`, warnings otherwise, always to
    /// standard error.
    public var logger: Logger { StandardErrorLogHandler.logger(output: errors, verbose: verbose) }

    /// Turns errors into one-line failures for this server.
    public var presenter: FailurePresenter { FailurePresenter(server: server) }

    /// How xfollows retries what may be resent (reads): more patiently than the runtime's
    /// default, since an export of a large account runs for hours across X's failures. Eight
    /// attempts, 0.5 s doubling to at most 30 s.
    public static let retryPolicy = RetryPolicy(maximumAttempts: 8, baseDelay: .milliseconds(500), maximumDelay: .seconds(30))

    /// A client configuration for this server.
    ///
    /// - Parameters:
    ///   - rateLimitPolicy: What a 429 does.
    ///   - dailyCaps: The ledger follow and unfollow count in.
    ///   - monitor: Records waits for a progress line.
    ///   - spending: The spend ledger of the App (``spendLedger(app:)``); an in-memory one
    ///     when `nil`.
    ///   - budget: What the run may spend at most.
    public func configuration(
        rateLimitPolicy: RateLimitPolicy = .fail, dailyCaps: DailyCapLedger? = nil, monitor: WaitMonitor? = nil,
        spending: SpendLedger? = nil, budget: SpendBudget? = nil
    ) -> ClientConfiguration {
        var configuration = ClientConfiguration(serverURL: server.url)
        if let transport { configuration.transport = transport }
        configuration.retryPolicy = Self.retryPolicy
        configuration.rateLimitPolicy = rateLimitPolicy
        configuration.dailyCaps = dailyCaps
        if let spending { configuration.spending = spending }
        configuration.budget = budget
        configuration.logger = logger
        if let monitor {
            configuration.clock = monitor.clock()
            configuration.middlewares.append(monitor.middleware)
        }
        return configuration
    }

    /// The spend ledger of an App on this server, in files every run and process shares
    /// (``ConfigDirectory/spendDirectory(for:)``), or in the database of `--ledger`, where
    /// every machine shares it (the server's ``ServerTarget/fileKey`` names the ledger).
    ///
    /// - Throws: ``CLIFailure`` when the directory cannot be made.
    public func spendLedger(app: String) throws -> SpendLedger {
        if let postgres { return SpendLedger(app: app, store: postgres.spendStore(ledger: server.fileKey)) }
        let directory = self.directory.spendDirectory(for: server)
        try self.directory.create(directory)
        do {
            return SpendLedger(app: app, store: try FileSpendStore(directory: directory))
        } catch {
            throw presenter.failure(for: error)
        }
    }

    /// The daily-cap ledger for this server, in a file every run and process shares, or in
    /// the database of `--ledger`, where every machine shares it.
    ///
    /// - Throws: ``CLIFailure`` when the directory cannot be made.
    public func dailyCapLedger() throws -> DailyCapLedger {
        if let postgres { return DailyCapLedger(store: postgres.dailyCapStore(ledger: server.fileKey)) }
        let file = directory.dailyCapsFile(for: server)
        try directory.create(file.deletingLastPathComponent())
        do {
            return DailyCapLedger(store: try FileDailyCapStore(url: file))
        } catch {
            throw presenter.failure(for: error)
        }
    }
}
