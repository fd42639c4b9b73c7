import Foundation
import XFollows

/// What a bulk follow or unfollow did, one JSON line per account, appended and synced as each
/// answer arrives, in `runs/` of the configuration directory. The same list by the same user
/// on the same server has the same journal, so `--resume` skips what is done — after a cap,
/// a rate-limit stop, Ctrl-C or a crash — and never spends a daily slot twice.
///
/// ```
/// {"at":"2025-01-01T12:00:00.000Z","id":"2244994945","key":"@xdevelopers","result":"followed"}
/// ```
final class FollowJournal {
    /// One line.
    struct Entry: Codable, Sendable, Hashable {
        var key: String
        var id: String?
        var username: String?
        var result: BulkOutcome
        var detail: String?
        var at: Date
    }

    let url: URL
    private(set) var entries: [String: Entry] = [:]
    /// When the first entry was written.
    private(set) var startedAt: Date?

    /// The journal of `action` on `targets` by `actor` on `server`, read when it exists (a torn
    /// last line, from a crash mid-write, is ignored).
    init(directory: URL, server: ServerTarget, actor: String, action: BulkAction, targets: [FollowTarget]) throws {
        var hasher = FNV1a()
        hasher.combine("\(server)\n\(actor)\n\(action.rawValue)\n")
        for target in targets { hasher.combine(target.key + "\n") }
        url = directory.appendingPathComponent("\(action.rawValue)-\(actor)-\(hasher.hex).jsonl")
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let reader = try LineReader(url: url)
        let decoder = XAPIJSON.makeDecoder()
        while let line = try reader.next() {
            guard let entry = try? decoder.decode(Entry.self, from: Data(line)) else { continue }
            entries[entry.key] = entry
            startedAt = min(startedAt ?? entry.at, entry.at)
        }
    }

    /// Whether an earlier run wrote anything.
    var exists: Bool { FileManager.default.fileExists(atPath: url.path) }

    /// Appends an entry and syncs it.
    func record(_ entry: Entry) throws {
        var line = try XAPIJSON.makeEncoder().encode(entry)
        line.append(0x0A)
        do {
            if !FileManager.default.fileExists(atPath: url.path) {
                guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw CLIFailure.failure("Cannot create \(url.path): \(POSIX.lastError()).")
                }
            }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
            try handle.synchronize()
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure.failure("Cannot write the journal \(url.path): \(error.localizedDescription)")
        }
        entries[entry.key] = entry
        startedAt = startedAt ?? entry.at
    }

    /// Forgets everything (for `--restart`).
    func remove() {
        try? FileManager.default.removeItem(at: url)
        entries = [:]
        startedAt = nil
    }
}

/// The 64-bit FNV-1a hash, hex: a stable name for a list (not a secret, not a security check).
struct FNV1a {
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
