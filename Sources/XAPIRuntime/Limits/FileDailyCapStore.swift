import Foundation

/// A daily-cap store in a JSON file: counts survive restarts, and processes sharing the file
/// count together.
///
/// Every update holds an exclusive advisory lock (`flock`) on a sidecar file
/// (`<file>.lock`), reads the state, and replaces the file atomically: the new state is written
/// to a temporary file in the same directory, flushed with `fsync`, and `rename`d over the old
/// one (then the directory is synced). A crash mid-write leaves the previous file intact; a
/// leftover temporary file is ignored and removed by the next update.
///
/// ```swift
/// let store = try FileDailyCapStore(url: URL(fileURLWithPath: "/var/lib/myapp/daily-caps.json"))
/// let ledger = DailyCapLedger(store: store)
/// ```
public struct FileDailyCapStore: DailyCapStore {
    /// The state file.
    public let url: URL
    /// The sidecar lock file, `<file>.lock`.
    public let lockURL: URL

    /// Creates a store at `url`, creating its directory if needed.
    ///
    /// - Throws: ``DailyCapStoreError`` when the directory cannot be created.
    public init(url: URL) throws {
        self.url = url.standardizedFileURL
        self.lockURL = self.url.deletingLastPathComponent()
            .appendingPathComponent(self.url.lastPathComponent + ".lock")
        do {
            try FileManager.default.createDirectory(
                at: self.url.deletingLastPathComponent(), withIntermediateDirectories: true
            )
        } catch {
            throw DailyCapStoreError("Cannot create the directory of \(self.url.path): \(error)")
        }
    }

    /// Locks the file, applies `body` to its state, and atomically writes the result if it
    /// changed.
    ///
    /// - Throws: ``DailyCapStoreError`` when the file cannot be locked, read, decoded or
    ///   written, or what `body` throws (the file is then left unchanged).
    public func update<Result: Sendable>(
        _ body: @Sendable (inout DailyCapState) throws -> Result
    ) async throws -> Result {
        try FileLock.withExclusiveLock(at: lockURL) {
            AtomicFile.removeTemporaryFiles(for: url)
            let original = try read()
            var state = original
            let result = try body(&state)
            if state != original {
                try AtomicFile.write(try encode(state), to: url)
            }
            return result
        }
    }

    /// The state as stored now (under the lock).
    public func snapshot() throws -> DailyCapState {
        try FileLock.withExclusiveLock(at: lockURL) { try read() }
    }

    private func read() throws -> DailyCapState {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            return DailyCapState()
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) { return DailyCapState() }
            throw DailyCapStoreError("Cannot read \(url.path): \(error)")
        }
        do {
            return try XAPIJSON.makeDecoder().decode(DailyCapState.self, from: data)
        } catch {
            throw DailyCapStoreError("\(url.path) is not a daily-cap state file: \(error)")
        }
    }

    private func encode(_ state: DailyCapState) throws -> Data {
        do {
            return try XAPIJSON.makeEncoder().encode(state)
        } catch {
            throw DailyCapStoreError("Cannot encode the daily-cap state: \(error)")
        }
    }
}
