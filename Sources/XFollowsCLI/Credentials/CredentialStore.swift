import Foundation
import XFollows

/// The credentials file: every profile's login in one JSON file that only the user can read.
///
/// Each change locks `credentials.json.lock` (so processes that refresh tokens at once do not
/// lose each other's writes), reads the file, and replaces it atomically with mode `0600`
/// (the runtime's ``FileLock`` and ``AtomicFile``); the directory is `0700`. A file found
/// readable by others is made private again before it is read.
///
/// ```swift
/// let store = CredentialStore(directory: try ConfigDirectory.resolve(environment: env))
/// try store.update("default") { $0 = profile }
/// let profile = try store.profile("default")
/// ```
public struct CredentialStore: Sendable {
    /// The configuration directory holding the file.
    public let directory: ConfigDirectory

    /// The store in `directory`.
    public init(directory: ConfigDirectory) {
        self.directory = directory
    }

    /// `credentials.json`.
    public var file: URL { directory.credentialsFile }
    private var lockFile: URL { file.deletingLastPathComponent().appendingPathComponent("credentials.json.lock") }

    /// The file's contents.
    struct Contents: Codable {
        var version = 1
        var profiles: [String: Profile] = [:]
    }

    /// The profile called `name`, or `nil`.
    ///
    /// - Throws: ``CLIFailure`` when the file cannot be read or is not a credentials file.
    public func profile(_ name: String) throws -> Profile? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        return try locked { try read().profiles[name] }
    }

    /// Every profile's name, sorted.
    public func profileNames() throws -> [String] {
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        return try locked { try read().profiles.keys.sorted() }
    }

    /// Changes the profile called `name` (`nil` when it does not exist; set `nil` to delete
    /// it) and writes the file when it changed.
    ///
    /// - Throws: ``CLIFailure`` when the file cannot be read or written, or what `body` throws
    ///   (the file is then unchanged).
    @discardableResult
    public func update<Result>(_ name: String, _ body: (inout Profile?) throws -> Result) throws -> Result {
        try directory.create()
        return try locked {
            var contents = try read()
            var profile = contents.profiles[name]
            let result = try body(&profile)
            guard profile != contents.profiles[name] else { return result }
            contents.profiles[name] = profile
            try write(contents)
            return result
        }
    }

    private func locked<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try FileLock.withExclusiveLock(at: lockFile, body)
        } catch let error as DailyCapStoreError {
            throw CLIFailure.failure("Cannot use the credentials file: \(error.description)")
        }
    }

    private func read() throws -> Contents {
        guard FileManager.default.fileExists(atPath: file.path) else { return Contents() }
        try makePrivate()
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw CLIFailure.failure("Cannot read \(file.path): \(error.localizedDescription)")
        }
        do {
            return try XAPIJSON.makeDecoder().decode(Contents.self, from: data)
        } catch {
            throw CLIFailure.failure("\(file.path) is not an xfollows credentials file (\(Self.describe(error))); "
                + "move it away and run `xfollows login` again.")
        }
    }

    private func write(_ contents: Contents) throws {
        let encoder = XAPIJSON.makeEncoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        do {
            try AtomicFile.write(try encoder.encode(contents), to: file)
        } catch let error as DailyCapStoreError {
            throw CLIFailure.failure("Cannot save the credentials: \(error.description)")
        }
    }

    /// Takes group and other permissions away from a file that has them.
    private func makePrivate() throws {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
        guard let mode = (attributes?[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0 else { return }
        do {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        } catch {
            throw CLIFailure.failure("\(file.path) is readable by others and cannot be made private: \(error.localizedDescription)")
        }
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "at \(path): \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }
}
