import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An OAuth 2.0 token in a JSON file (mode `0600`), shared by the processes of one machine:
/// an ``OAuth2TokenStore`` whose lock is an `flock` on `<file>.lock` (``FileLock``), held
/// while a session refreshes, and whose writes replace the file atomically (``AtomicFile``).
///
/// ```swift
/// let store = try FileOAuth2TokenStore(url: directory.appendingPathComponent("alice.token.json"))
/// try await store.update { if $0 == nil { $0 = tokenFromLogin } }
/// let session = try await authorizer.session(store: store)   // nil once the token is gone
/// ```
///
/// For workers on several machines use `PostgresOAuth2TokenStore` (`XAPIPostgres`).
public struct FileOAuth2TokenStore: OAuth2TokenStore {
    /// The token file.
    public let url: URL
    /// The sidecar lock file, `<file>.lock`.
    public let lockURL: URL

    /// A store at `url`, creating its directory if needed.
    ///
    /// - Throws: ``OAuth2TokenStoreError`` when the directory cannot be created.
    public init(url: URL) throws {
        self.url = url.standardizedFileURL
        self.lockURL = self.url.deletingLastPathComponent()
            .appendingPathComponent(self.url.lastPathComponent + ".lock")
        do {
            try FileManager.default.createDirectory(
                at: self.url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw OAuth2TokenStoreError("Cannot create the directory of \(self.url.path): \(error)")
        }
    }

    /// The token in the file; `nil` when there is no file.
    ///
    /// - Throws: ``OAuth2TokenStoreError`` when the file cannot be read or holds no token.
    public func load() async throws -> OAuth2UserToken? {
        try read()
    }

    /// Locks the file (waiting off Swift's cooperative threads), reads the token, runs `body`
    /// and, when the token changed, replaces the file (or removes it for `nil`).
    ///
    /// - Throws: ``OAuth2TokenStoreError`` when the file cannot be locked, read or written, or
    ///   what `body` throws (the file is then unchanged).
    public func update<Result: Sendable>(
        _ body: @Sendable (inout OAuth2UserToken?) async throws -> Result
    ) async throws -> Result {
        do {
            return try await FileLock.withExclusiveLockAcrossSuspension(at: lockURL) {
                AtomicFile.removeTemporaryFiles(for: url)
                let original = try read()
                var token = original
                let result = try await body(&token)
                if token != original { try write(token) }
                return result
            }
        } catch let error as DailyCapStoreError {
            throw OAuth2TokenStoreError(error.message)
        }
    }

    private func read() throws -> OAuth2UserToken? {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) { return nil }
            throw OAuth2TokenStoreError("Cannot read \(url.path): \(error.localizedDescription)")
        }
        do {
            return try XAPIJSON.makeDecoder().decode(OAuth2UserToken.self, from: data)
        } catch {
            // The decoding error could quote the file; say only where it failed.
            throw OAuth2TokenStoreError("\(url.path) does not hold an OAuth 2.0 token.")
        }
    }

    private func write(_ token: OAuth2UserToken?) throws {
        guard let token else {
            if unlink(url.path) != 0 && errno != ENOENT {
                throw OAuth2TokenStoreError("Cannot remove \(url.path): \(FileLock.errnoDescription())")
            }
            return
        }
        let data: Data
        do {
            data = try XAPIJSON.makeEncoder().encode(token)
        } catch {
            throw OAuth2TokenStoreError("Cannot encode the token for \(url.path).")
        }
        do {
            try AtomicFile.write(data, to: url)
        } catch let error as DailyCapStoreError {
            throw OAuth2TokenStoreError(error.message)
        }
    }
}
