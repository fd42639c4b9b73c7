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

    /// Runs `body`, which may suspend, while holding an exclusive lock on the file at `url`.
    /// The wait for other holders happens on a thread of its own, never on one of Swift's
    /// cooperative threads, so tasks waiting for the lock cannot starve the task holding it.
    ///
    /// ```swift
    /// try await FileLock.withExclusiveLockAcrossSuspension(at: lockURL) {
    ///     let token = try read()
    ///     try write(await refresh(token))   // no other process refreshes meanwhile
    /// }
    /// ```
    ///
    /// - Throws: ``DailyCapStoreError`` when the lock file cannot be opened or locked, or what
    ///   `body` throws (the lock is released in every case).
    public static func withExclusiveLockAcrossSuspension<T>(
        at url: URL, _ body: () async throws -> T
    ) async throws -> T {
        let descriptor = try await acquireOffCooperativePool(url)
        defer {
            _ = flock(descriptor, LOCK_UN)
            close(descriptor)
        }
        return try await body()
    }

    /// Opens and locks the file on a thread of its own; returns the locked descriptor.
    private static func acquireOffCooperativePool(_ url: URL) async throws -> Int32 {
        let path = url.path
        let outcome: Result<Int32, DailyCapStoreError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
                guard descriptor >= 0 else {
                    continuation.resume(returning: .failure(
                        DailyCapStoreError("Cannot open the lock file \(path): \(errnoDescription())")))
                    return
                }
                while flock(descriptor, LOCK_EX) != 0 {
                    guard errno == EINTR else {
                        let reason = errnoDescription()
                        close(descriptor)
                        continuation.resume(returning: .failure(DailyCapStoreError("Cannot lock \(path): \(reason)")))
                        return
                    }
                }
                continuation.resume(returning: .success(descriptor))
            }
            thread.start()
        }
        return try outcome.get()
    }

    static func errnoDescription() -> String {
        String(cString: strerror(errno))
    }
}
