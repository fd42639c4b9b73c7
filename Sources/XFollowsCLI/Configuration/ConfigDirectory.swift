import Foundation

/// Where xfollows keeps what outlives a run: the credentials file, the daily-cap ledgers and
/// the journals of bulk follows.
///
/// - `XFOLLOWS_CONFIG_DIR` when set (tests, or a portable setup);
/// - macOS: `~/Library/Application Support/xfollows`;
/// - elsewhere: `$XDG_CONFIG_HOME/xfollows`, or `~/.config/xfollows`.
///
/// The directory is created with mode `0700`, so only the user can list it.
public struct ConfigDirectory: Sendable, Hashable {
    /// The directory.
    public let url: URL

    /// The environment variable that overrides the location.
    public static let environmentVariable = "XFOLLOWS_CONFIG_DIR"

    /// A directory at `url`.
    public init(url: URL) {
        self.url = url.standardizedFileURL
    }

    /// The directory for this platform and environment.
    ///
    /// - Throws: ``CLIFailure`` when no home directory is known.
    public static func resolve(environment: [String: String]) throws -> ConfigDirectory {
        if let override = environment[environmentVariable], !override.isEmpty {
            return ConfigDirectory(url: URL(fileURLWithPath: override, isDirectory: true))
        }
        guard let home = environment["HOME"].flatMap({ $0.isEmpty ? nil : $0 }) ?? Optional(NSHomeDirectory()),
              !home.isEmpty
        else {
            throw CLIFailure.failure("No home directory is known; set \(environmentVariable) to a directory for xfollows' files.")
        }
        let homeURL = URL(fileURLWithPath: home, isDirectory: true)
        #if os(macOS)
        return ConfigDirectory(url: homeURL.appendingPathComponent("Library/Application Support/xfollows", isDirectory: true))
        #else
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return ConfigDirectory(url: URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("xfollows", isDirectory: true))
        }
        return ConfigDirectory(url: homeURL.appendingPathComponent(".config/xfollows", isDirectory: true))
        #endif
    }

    /// `credentials.json`: every profile's credentials, mode `0600`.
    public var credentialsFile: URL { url.appendingPathComponent("credentials.json") }

    /// The daily-cap ledger for a server, shared by every run and process:
    /// `daily-caps/<server>.json`.
    public func dailyCapsFile(for server: ServerTarget) -> URL {
        url.appendingPathComponent("daily-caps", isDirectory: true).appendingPathComponent("\(server.fileKey).json")
    }

    /// What this machine spent on a server, per App and UTC day, shared by every run and
    /// process: `spend/<server>/<App>/<day>.jsonl` (``FileSpendStore``).
    public func spendDirectory(for server: ServerTarget) -> URL {
        url.appendingPathComponent("spend", isDirectory: true).appendingPathComponent(server.fileKey, isDirectory: true)
    }

    /// Where bulk follows and unfollows journal what they did, for `--resume`.
    public var runsDirectory: URL { url.appendingPathComponent("runs", isDirectory: true) }

    /// Creates `directory` (and the configuration directory) with mode `0700` when missing.
    ///
    /// - Throws: ``CLIFailure`` naming the directory.
    public func create(_ directory: URL? = nil) throws {
        for path in [url, directory].compactMap({ $0 }) {
            do {
                try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw CLIFailure.failure("Cannot create \(path.path): \(error.localizedDescription)")
            }
        }
    }
}
