import Foundation
import XAPIPostgres

/// Where xfollows keeps its daily caps, spend and (for an OAuth 2.0 profile) token: in files
/// beside the credentials (the default: every process on this machine shares them), or in a
/// PostgreSQL database every machine shares (`--ledger postgres://user@host:port/database`,
/// or `$XFOLLOWS_LEDGER`).
///
/// ```swift
/// let ledger = try LedgerLocation.resolve(option: "postgres://xfollows@db.internal/ledgers", environment: [:])
/// ledger.description   // "postgres://xfollows@db.internal:5432/ledgers" (never the password)
/// ```
public enum LedgerLocation: Sendable, Hashable, CustomStringConvertible {
    /// Files in the configuration directory.
    case files
    /// A PostgreSQL database.
    case postgres(PostgresURL)

    /// The environment variable naming the ledger when `--ledger` is not given.
    public static let environmentVariable = "XFOLLOWS_LEDGER"

    /// `--ledger` if given, else `$XFOLLOWS_LEDGER`, else files.
    ///
    /// - Throws: ``CLIFailure`` (usage) for a value that is neither `files` nor a PostgreSQL URL.
    public static func resolve(option: String?, environment: [String: String]) throws -> LedgerLocation {
        if let option { return try LedgerLocation(parsing: option, source: "--ledger") }
        if let value = environment[environmentVariable], !value.isEmpty {
            return try LedgerLocation(parsing: value, source: environmentVariable)
        }
        return .files
    }

    /// Reads `files` or a `postgres://` URL.
    ///
    /// - Throws: ``CLIFailure`` (usage) naming `source`, without the URL's password.
    public init(parsing text: String, source: String) throws {
        if text == "files" {
            self = .files
            return
        }
        do {
            self = .postgres(try PostgresURL(text))
        } catch {
            throw CLIFailure.usage("\(source) takes files or postgres://user@host:port/database: \(error)")
        }
    }

    /// `files`, or the database's URL without its password.
    public var description: String {
        switch self {
        case .files: "files"
        case .postgres(let url): url.description
        }
    }
}
