import ArgumentParser
import Foundation

/// The options every command takes: where to talk, whose credentials, how much to say.
public struct GlobalOptions: ParsableArguments, Sendable {
    /// `--server URL`.
    @Option(help: ArgumentHelp(
        "The API server: X by default, or a local x-sandbox such as http://127.0.0.1:8080 (also $XFOLLOWS_SERVER).",
        valueName: "url"))
    public var server: String?

    /// `--profile NAME`.
    @Option(help: ArgumentHelp(
        "Whose stored credentials to use (default: default). Given explicitly, it wins over credentials in the environment.",
        valueName: "name"))
    public var profile: String?

    /// `--ledger files|postgres://…`.
    @Option(help: ArgumentHelp(
        "Where daily caps, spend and the OAuth 2.0 token are kept: files beside the credentials (the default), or a "
            + "PostgreSQL database every machine shares, postgres://user@host:port/database (also $XFOLLOWS_LEDGER).",
        valueName: "files|url"))
    public var ledger: String?

    /// `--verbose`.
    @Flag(help: "Log every request to standard error: method, path, status and rate limits (secrets redacted).")
    public var verbose = false

    /// Options as parsed.
    public init() {}

    /// The context commands run with.
    ///
    /// - Throws: ``CLIFailure`` (usage) for a bad server URL or profile name.
    public func context(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CommandContext {
        let name = profile ?? "default"
        try Profile.validate(name: name)
        return CommandContext(
            server: try ServerTarget.resolve(option: server, environment: environment),
            profileName: name,
            isProfileExplicit: profile != nil,
            directory: try ConfigDirectory.resolve(environment: environment),
            environment: environment,
            verbose: verbose,
            confirmation: .terminal(errors: .standardError),
            ledger: try LedgerLocation.resolve(option: ledger, environment: environment)
        )
    }
}
