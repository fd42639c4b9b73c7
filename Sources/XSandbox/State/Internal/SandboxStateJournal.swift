import Foundation
import XFollows
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The write-ahead journal of a state directory (`x-sandbox --state DIR`): `journal.jsonl`,
/// append-only, one ``SandboxStateEvent`` a line. Each append is written whole with one
/// `write(2)` in the same actor call as the change it records, so a `kill -9` at any moment
/// keeps it; before the request is answered, ``durable()`` waits until it is also synced with
/// `fsync`, so a crash of the machine keeps every answered change too. Syncs are shared (group
/// commit): a thread of the journal's own syncs everything written so far for every request
/// waiting, while the store goes on writing. The journal is replaced whole only atomically
/// (``AtomicFile``): compaction on start, import and reset.
///
/// The directory is `0700` and its files `0600` (they hold tokens); a lock (`flock` on
/// `lock`) keeps a second sandbox off the same directory.
final class SandboxStateJournal: @unchecked Sendable {
    let directory: URL
    let manifest: SandboxStateManifest
    /// Guards every field below, and wakes the syncing thread.
    private let lock = NSCondition()
    private var descriptor: Int32
    private let lockDescriptor: Int32
    /// Set by ``close()``: the files are closed and the directory unlocked.
    private var isClosed = false
    /// Appends written, and how many of them are synced.
    private var writtenCount: UInt64 = 0
    private var syncedCount: UInt64 = 0
    /// Requests waiting for their appends to be synced: the count they need.
    private var waiters: [(count: UInt64, continuation: CheckedContinuation<Void, Never>)] = []
    private var syncerStarted = false

    var journalURL: URL { directory.appendingPathComponent("journal.jsonl") }
    var manifestURL: URL { directory.appendingPathComponent("manifest.json") }

    /// What opening found: the journal and the events to replay.
    struct Opened: Sendable {
        var journal: SandboxStateJournal
        var events: [SandboxStateEvent]
    }

    private init(directory: URL, manifest: SandboxStateManifest, descriptor: Int32, lockDescriptor: Int32) {
        self.directory = directory
        self.manifest = manifest
        self.descriptor = descriptor
        self.lockDescriptor = lockDescriptor
    }

    deinit {
        close()
    }

    /// Closes the journal and unlocks the directory (when the server stops), so another
    /// sandbox can open it. Changes made after it are not kept.
    func close() {
        let waiting = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
            guard !isClosed else { return [] }
            isClosed = true
            _ = fsync(descriptor)
            closeDescriptor(descriptor)
            closeDescriptor(lockDescriptor)
            lock.broadcast()
            defer { waiters = [] }
            return waiters.map(\.continuation)
        }
        waiting.forEach { $0.resume() }
    }

    /// Opens (or creates) the state directory of `graph`, locks it and reads its journal.
    static func load(_ directory: URL, graph: String) throws(SandboxStateError) -> Opened {
        let path = directory.path
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw SandboxStateError(file: path, problem: "the directory cannot be created: \(error.localizedDescription)")
            }
        } else if !isDirectory.boolValue {
            throw SandboxStateError(file: path, problem: "this is a file, not a directory")
        }
        let lockPath = directory.appendingPathComponent("lock").path
        let lockDescriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lockDescriptor >= 0 else { throw SandboxStateError(file: lockPath, problem: Self.systemError("cannot be opened")) }
        guard flock(lockDescriptor, LOCK_EX | LOCK_NB) == 0 else {
            closeDescriptor(lockDescriptor)
            throw SandboxStateError(file: lockPath, problem: "another x-sandbox keeps its state in this directory; "
                + "stop it, or use its /_sandbox/state endpoints")
        }
        do throws(SandboxStateError) {
            let manifestURL = directory.appendingPathComponent("manifest.json")
            let journalURL = directory.appendingPathComponent("journal.jsonl")
            let manifest = try readManifest(manifestURL, journal: journalURL, graph: graph)
            AtomicFile.removeTemporaryFiles(for: journalURL)
            let events = try SandboxStateCodec.decode(lines: readJournal(journalURL), file: journalURL.path)
            let descriptor = open(journalURL.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw SandboxStateError(file: journalURL.path, problem: Self.systemError("cannot be opened")) }
            let journal = SandboxStateJournal(directory: directory, manifest: manifest, descriptor: descriptor,
                                              lockDescriptor: lockDescriptor)
            return Opened(journal: journal, events: events)
        } catch {
            closeDescriptor(lockDescriptor)
            throw error
        }
    }

    private static func readManifest(_ url: URL, journal: URL, graph: String) throws(SandboxStateError) -> SandboxStateManifest {
        guard FileManager.default.fileExists(atPath: url.path) else {
            if FileManager.default.fileExists(atPath: journal.path) {
                throw SandboxStateError(file: url.path, problem: "the manifest is missing beside \(journal.lastPathComponent); "
                    + "the directory is not a whole x-sandbox state")
            }
            let manifest = SandboxStateManifest(graph: graph)
            do {
                try AtomicFile.write(JSONEncoder().encode(manifest), to: url)
            } catch {
                throw SandboxStateError(file: url.path, problem: "cannot be written: \(error)")
            }
            return manifest
        }
        let manifest: SandboxStateManifest
        do {
            manifest = try JSONDecoder().decode(SandboxStateManifest.self, from: Data(contentsOf: url))
        } catch {
            throw SandboxStateError(file: url.path, problem: "not a readable manifest: \(SandboxStateCodec.reason(error))")
        }
        try manifest.check(against: graph, file: url.path)
        return manifest
    }

    private static func readJournal(_ url: URL) throws(SandboxStateError) -> Data {
        guard FileManager.default.fileExists(atPath: url.path) else { return Data() }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw SandboxStateError(file: url.path, problem: "cannot be read: \(error.localizedDescription)")
        }
    }

    // MARK: Writing

    /// Appends events (``durable()`` then syncs them); stops the process when the disk
    /// refuses, since a sandbox that answered what it cannot keep would lie after a restart.
    func append(_ events: [SandboxStateEvent]) {
        guard !events.isEmpty else { return }
        let data = SandboxStateCodec.encode(events)
        lock.withLock {
            guard !isClosed else { return }
            data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        fatalError(SandboxStateError(file: journalURL.path, problem: Self.systemError("cannot be written")).description)
                    }
                    offset += written
                }
            }
            writtenCount += 1
        }
    }

    /// Returns once everything appended so far is synced to disk.
    func durable() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = lock.withLock { () -> Bool in
                guard !isClosed, syncedCount < writtenCount else { return true }
                waiters.append((writtenCount, continuation))
                if !syncerStarted {
                    syncerStarted = true
                    let thread = Thread { [self] in syncLoop() }
                    thread.name = "x-sandbox state sync"
                    thread.start()
                }
                lock.signal()
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// The syncing thread: while requests wait, syncs what is written and wakes those it covers.
    private func syncLoop() {
        while true {
            lock.lock()
            while waiters.isEmpty, !isClosed { lock.wait() }
            if isClosed {
                lock.unlock()
                return
            }
            let (target, file) = (writtenCount, descriptor)
            lock.unlock()
            // A descriptor that compaction, an import or a reset closed meanwhile held only
            // what the atomic replacement already synced.
            if fsync(file) != 0, errno != EBADF, errno != EINVAL {
                fatalError(SandboxStateError(file: journalURL.path, problem: Self.systemError("cannot be synced")).description)
            }
            let ready = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
                syncedCount = max(syncedCount, target)
                let covered = waiters.filter { $0.count <= syncedCount }.map(\.continuation)
                waiters.removeAll { $0.count <= syncedCount }
                return covered
            }
            ready.forEach { $0.resume() }
        }
    }

    /// Replaces the journal whole (atomically) with `events`: compaction, import, reset.
    func replace(with events: [SandboxStateEvent]) throws(SandboxStateError) {
        lock.lock()
        defer { lock.unlock() }
        guard !isClosed else { throw SandboxStateError(file: journalURL.path, problem: "the sandbox that kept it has stopped") }
        do {
            try AtomicFile.write(SandboxStateCodec.encode(events), to: journalURL)
        } catch {
            throw SandboxStateError(file: journalURL.path, problem: "cannot be replaced: \(error)")
        }
        let reopened = open(journalURL.path, O_WRONLY | O_APPEND | O_CLOEXEC, 0o600)
        guard reopened >= 0 else { throw SandboxStateError(file: journalURL.path, problem: Self.systemError("cannot be reopened")) }
        closeDescriptor(descriptor)
        descriptor = reopened
    }

    /// The events written so far, read back from the file.
    func events() throws(SandboxStateError) -> [SandboxStateEvent] {
        lock.lock()
        let read = Result { () throws(SandboxStateError) in try Self.readJournal(journalURL) }
        lock.unlock()
        let data = try read.get()
        return try SandboxStateCodec.decode(lines: data, file: journalURL.path)
    }

    private static func systemError(_ what: String) -> String {
        "\(what): \(String(cString: strerror(errno)))"
    }
}

/// `close(2)`, by a name the journal's own `close()` does not hide.
private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
