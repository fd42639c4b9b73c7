import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file replacement that a crash cannot tear: the new contents go to a temporary file
/// in the same directory (created with mode `0600`, so only the owner can ever read them),
/// which is flushed with `fsync` and `rename`d over the old file; then the directory is
/// synced. A reader sees the old file or the new one, never a mix; a crash leaves the old
/// file and at most a temporary file, which ``removeTemporaryFiles(for:)`` clears.
///
/// ``FileDailyCapStore`` keeps its state this way; so can anything that must not be torn or
/// readable by others (tokens, checkpoints):
///
/// ```swift
/// try AtomicFile.write(JSONEncoder().encode(token), to: credentialsFile)   // mode 0600
/// ```
public enum AtomicFile {
    static func temporaryPrefix(for url: URL) -> String {
        ".\(url.lastPathComponent).tmp-"
    }

    /// Replaces the file at `url` (or creates it) with `data`; the file ends with mode `0600`.
    ///
    /// - Throws: ``DailyCapStoreError`` naming the file and the system's reason when the
    ///   temporary file cannot be created, written, synced or renamed; the old file is then
    ///   unchanged and the temporary file removed.
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(
            "\(temporaryPrefix(for: url))\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        )
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DailyCapStoreError("Cannot create \(temporary.path): \(FileLock.errnoDescription())")
        }
        var closed = false
        defer { if !closed { close(descriptor) } }
        do {
            try data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = posixWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw DailyCapStoreError("Cannot write \(temporary.path): \(FileLock.errnoDescription())")
                    }
                    offset += written
                }
            }
            guard fsync(descriptor) == 0 else {
                throw DailyCapStoreError("Cannot sync \(temporary.path): \(FileLock.errnoDescription())")
            }
            closed = true
            guard close(descriptor) == 0 else {
                throw DailyCapStoreError("Cannot close \(temporary.path): \(FileLock.errnoDescription())")
            }
            guard rename(temporary.path, url.path) == 0 else {
                throw DailyCapStoreError("Cannot replace \(url.path): \(FileLock.errnoDescription())")
            }
        } catch {
            unlink(temporary.path)
            throw error
        }
        let directoryDescriptor = open(directory.path, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Removes the temporary files a crashed writer of `url` left. Call it only while no one
    /// else writes the file (while holding its ``FileLock``), or it may remove theirs.
    public static func removeTemporaryFiles(for url: URL) {
        let directory = url.deletingLastPathComponent()
        let prefix = temporaryPrefix(for: url)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            unlink(directory.appendingPathComponent(name).path)
        }
    }
}

/// POSIX `write`, named apart from Swift's `write` overloads.
private func posixWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(descriptor, pointer, count)
    #elseif canImport(Musl)
    return Musl.write(descriptor, pointer, count)
    #else
    return Darwin.write(descriptor, pointer, count)
    #endif
}
