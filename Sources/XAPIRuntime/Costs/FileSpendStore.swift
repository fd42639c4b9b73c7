import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A spend store in files, shared by every process on the machine: one append-only journal of
/// changes per App and UTC day (`<directory>/<app>/<day>.jsonl`, mode `0600`), so recording a
/// page of 1,000 users appends one line instead of rewriting the day's 100,000 resource keys.
///
/// Every update holds an exclusive advisory lock (``FileLock``) on `<day>.jsonl.lock`, reads
/// the lines other processes appended since this process last looked (it keeps each day it
/// read in memory), applies `body`, and appends its changes with one `write` followed by
/// `fsync`. A writer that crashed mid-line leaves a line without its newline; the next update
/// cuts it off before appending, so the journal never holds half a change.
///
/// ```swift
/// let store = try FileSpendStore(directory: configDirectory.appendingPathComponent("spend"))
/// var configuration = ClientConfiguration()
/// configuration.spending = SpendLedger(app: consumerKey, store: store)
/// ```
public struct FileSpendStore: SpendStore {
    /// The directory holding one folder per App.
    public let directory: URL
    private let cache = LockedValue<[String: CachedDay]>([:])

    private struct CachedDay: Sendable {
        var device: UInt64
        var inode: UInt64
        var offset: Int
        var state: SpendDay
    }

    /// One journal line.
    private struct Line: Codable {
        var reserve: SpendDay.Reservation?
        var release: String?
        var charge: USD?
        var keys: [String]?

        init(_ change: SpendDay.Change) {
            switch change {
            case .reserved(let reservation): reserve = reservation
            case .released(let id): release = id
            case .charged(let amount, let resourceKeys): charge = amount; keys = resourceKeys
            }
        }

        var change: SpendDay.Change? {
            if let reserve { return .reserved(reserve) }
            if let release { return .released(id: release) }
            if let charge { return .charged(amount: charge, resourceKeys: keys ?? []) }
            return nil
        }
    }

    /// A store in `directory`, created if needed.
    ///
    /// - Throws: ``SpendStoreError`` when the directory cannot be created.
    public init(directory: URL) throws {
        self.directory = directory.standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        } catch {
            throw SpendStoreError("Cannot create the spend ledger's directory \(self.directory.path): \(error)")
        }
    }

    /// The Apps with a journal here, by the names they were recorded under.
    public func apps() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.compactMap { OAuth1Signature.percentDecode($0) }.sorted()
    }

    /// The journal of `app` on `day`.
    public func journalURL(app: String, day: String) -> URL {
        directory.appendingPathComponent(Self.folderName(app), isDirectory: true).appendingPathComponent("\(day).jsonl")
    }

    /// Locks the day's journal, catches up with it, applies `body` and appends its changes.
    ///
    /// - Throws: ``SpendStoreError`` when the journal cannot be locked, read or appended to,
    ///   or what `body` throws (nothing is written then).
    public func update<Result: Sendable>(
        app: String, day: String, _ body: @Sendable (inout SpendDay) throws -> Result
    ) async throws -> Result {
        let url = journalURL(app: app, day: day)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw SpendStoreError("Cannot create \(url.deletingLastPathComponent().path): \(error)")
        }
        let lock = url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".lock")
        do {
            return try FileLock.withExclusiveLock(at: lock) {
                var cached = try catchUp(url: url, day: day)
                var state = cached.state
                state.changes = []
                let result = try body(&state)
                if !state.changes.isEmpty {
                    cached.offset = try append(state.changes, to: url, at: cached.offset)
                }
                state.changes = []
                cached.state = state
                cache.update { $0[url.path] = cached }
                return result
            }
        } catch let error as DailyCapStoreError {
            throw SpendStoreError(error.message)
        }
    }

    /// The day's state with every complete line read; a partial last line is not read.
    private func catchUp(url: URL, day: String) throws -> CachedDay {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return CachedDay(device: 0, inode: 0, offset: 0, state: SpendDay(day: day)) }
            throw SpendStoreError("Cannot read \(url.path): \(FileLock.errnoDescription())")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw SpendStoreError("Cannot read \(url.path): \(FileLock.errnoDescription())")
        }
        let device = UInt64(info.st_dev), inode = UInt64(info.st_ino), size = Int(info.st_size)
        var cached = cache.current[url.path]
        if let known = cached, known.device != device || known.inode != inode || known.offset > size {
            cached = nil  // the file was replaced or cut: read it again
        }
        var day = cached ?? CachedDay(device: device, inode: inode, offset: 0, state: SpendDay(day: day))
        guard size > day.offset else { return day }
        guard lseek(descriptor, off_t(day.offset), SEEK_SET) >= 0 else {
            throw SpendStoreError("Cannot read \(url.path): \(FileLock.errnoDescription())")
        }
        var data = Data(count: size - day.offset)
        let count = data.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count >= 0 else { throw SpendStoreError("Cannot read \(url.path): \(FileLock.errnoDescription())") }
        data.count = count
        let decoder = XAPIJSON.makeDecoder()
        var start = data.startIndex
        while let end = data[start...].firstIndex(of: 0x0A) {
            let lineData = data[start..<end]
            start = data.index(after: end)
            guard !lineData.isEmpty else { continue }
            guard let line = try? decoder.decode(Line.self, from: lineData), let change = line.change else {
                throw SpendStoreError("\(url.path) holds a line that is not a spend record at byte \(day.offset + lineData.startIndex).")
            }
            day.state.replay(change)
        }
        day.offset += start - data.startIndex
        return day
    }

    /// Appends the changes after `offset` (cutting off a crashed writer's partial line) and
    /// returns the new end.
    private func append(_ changes: [SpendDay.Change], to url: URL, at offset: Int) throws -> Int {
        let encoder = XAPIJSON.makeEncoder()
        var bytes = Data()
        for change in changes {
            do {
                bytes.append(try encoder.encode(Line(change)))
            } catch {
                throw SpendStoreError("Cannot encode a spend record: \(error)")
            }
            bytes.append(0x0A)
        }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw SpendStoreError("Cannot open \(url.path): \(FileLock.errnoDescription())") }
        defer { close(descriptor) }
        guard ftruncate(descriptor, off_t(offset)) == 0, lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else {
            throw SpendStoreError("Cannot write \(url.path): \(FileLock.errnoDescription())")
        }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = FileLock.errnoDescription()
                _ = ftruncate(descriptor, off_t(offset))
                throw SpendStoreError("Cannot write \(url.path): \(reason)")
            }
            written += count
        }
        guard fsync(descriptor) == 0 else { throw SpendStoreError("Cannot sync \(url.path): \(FileLock.errnoDescription())") }
        return offset + bytes.count
    }

    /// A folder name for an App: its name with everything but ASCII letters, digits, `.`, `_`
    /// and `-` percent-encoded (RFC 3986's encoding, `~` encoded too).
    static func folderName(_ app: String) -> String {
        let encoded = OAuth1Signature.percentEncode(app) { OAuth1Signature.isUnreserved($0) && $0 != UInt8(ascii: "~") }
        if encoded.isEmpty { return "%20" }
        return encoded.hasPrefix(".") ? "%2E" + encoded.dropFirst() : encoded
    }
}
