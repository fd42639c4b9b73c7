import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory `flock` on a lock file: what ``FileDailyCapStore`` holds while it
/// reads and replaces its state, and what any other file shared by several processes can hold
/// the same way (a credentials file, say).
///
/// Locks taken through different open file descriptions exclude each other, across processes
/// and within one. The lock file is created (mode `0600`) when missing and left in place.
///
/// ```swift
/// let lock = stateFile.deletingLastPathComponent().appendingPathComponent("state.json.lock")
/// try FileLock.withExclusiveLock(at: lock) {
///     var state = try read(stateFile)
///     state.count += 1
///     try AtomicFile.write(encode(state), to: stateFile)
/// }
/// ```
public enum FileLock {
    /// Runs `body` while holding an exclusive lock on the file at `url`, waiting for other
    /// holders first.
    ///
    /// - Throws: ``DailyCapStoreError`` when the lock file cannot be opened or locked, or what
    ///   `body` throws (the lock is released in every case).
    public static func withExclusiveLock<T>(at url: URL, _ body: () throws -> T) throws -> T {
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
