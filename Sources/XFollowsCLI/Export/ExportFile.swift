import Foundation

/// The file an export writes: opened fresh, or reopened at a checkpoint's length (cutting
/// off a page written after the last checkpoint), appended to a page at a time and synced
/// before each checkpoint.
final class ExportFile {
    let url: URL
    private let handle: FileHandle
    private(set) var length: Int64

    private init(url: URL, handle: FileHandle, length: Int64) {
        self.url = url
        self.handle = handle
        self.length = length
    }

    deinit {
        try? handle.close()
    }

    /// Creates (or empties) the file.
    static func create(at url: URL) throws -> ExportFile {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CLIFailure.failure("Cannot create \(url.path): \(POSIX.lastError()).")
        }
        return try open(url, length: 0)
    }

    /// Reopens the file, keeping only its first `length` bytes.
    static func reopen(at url: URL, keeping length: Int64) throws -> ExportFile {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value
        guard let size else {
            throw CLIFailure.failure("\(url.path) is gone, but its checkpoint is there; start over with --force.")
        }
        guard size >= length else {
            throw CLIFailure.failure("\(url.path) holds \(size) bytes, fewer than the \(length) its checkpoint counts: "
                + "it was changed since. Start over with --force.")
        }
        return try open(url, length: length)
    }

    private static func open(_ url: URL, length: Int64) throws -> ExportFile {
        do {
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: UInt64(length))
            try handle.seekToEnd()
            return ExportFile(url: url, handle: handle, length: length)
        } catch {
            throw CLIFailure.failure("Cannot open \(url.path) for writing: \(error.localizedDescription)")
        }
    }

    /// Appends bytes.
    func append(_ data: Data) throws {
        do {
            try handle.write(contentsOf: data)
            length += Int64(data.count)
        } catch {
            throw CLIFailure.failure("Cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    /// Flushes what was written to the disk.
    func sync() throws {
        do {
            try handle.synchronize()
        } catch {
            throw CLIFailure.failure("Cannot sync \(url.path): \(error.localizedDescription)")
        }
    }
}
