import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory `flock` on a lock file. Locks taken through different open file
/// descriptions exclude each other, across processes and within one.
enum FileLock {
    static func withExclusiveLock<T>(at url: URL, _ body: () throws -> T) throws -> T {
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DailyCapStoreError("Cannot open the lock file \(url.path): \(errnoDescription())")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw DailyCapStoreError("Cannot lock \(url.path): \(errnoDescription())")
            }
        }
        defer { _ = flock(descriptor, LOCK_UN) }
        return try body()
    }

    static func errnoDescription() -> String {
        String(cString: strerror(errno))
    }
}

/// Whole-file replacement that a crash cannot tear: temporary file, `fsync`, `rename`.
enum AtomicFile {
    static func temporaryPrefix(for url: URL) -> String {
        ".\(url.lastPathComponent).tmp-"
    }

    static func write(_ data: Data, to url: URL) throws {
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

    /// Removes temporary files a crashed writer left (only call while holding the lock).
    static func removeTemporaryFiles(for url: URL) {
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
