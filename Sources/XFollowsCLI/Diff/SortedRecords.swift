import Foundation
import HeapModule

/// The users of an export in ID order, each once, with memory bounded however large the
/// export: an external merge sort. Records are read in runs of at most `runCapacity`, each
/// run sorted and written to a temporary file, and the runs merged through a heap
/// (swift-collections' `Heap`). An export smaller than one run never touches the disk.
///
/// ```swift
/// let sorted = try SortedRecords(reading: ExportReader(url: old), runCapacity: 100_000, scratch: scratch)
/// while let record = try sorted.next() { … }   // ascending IDs, duplicates dropped
/// ```
final class SortedRecords {
    /// How many records are read.
    private(set) var readCount = 0
    private var source: any RecordSource
    private var last: UInt64?

    /// Reads all of `reader` into sorted runs.
    ///
    /// - Parameters:
    ///   - reader: The export.
    ///   - runCapacity: Records held in memory at once.
    ///   - scratch: A directory for run files.
    init(reading reader: ExportReader, runCapacity: Int, scratch: URL) throws {
        var runs: [URL] = []
        var buffer: [ExportRecord] = []
        buffer.reserveCapacity(min(runCapacity, 65_536))
        while let record = try reader.next() {
            readCount += 1
            buffer.append(record)
            if buffer.count >= runCapacity {
                runs.append(try Self.writeRun(&buffer, index: runs.count, scratch: scratch))
            }
        }
        if runs.isEmpty {
            buffer.sort { $0.id < $1.id }
            source = MemoryRun(records: buffer)
        } else {
            if !buffer.isEmpty { runs.append(try Self.writeRun(&buffer, index: runs.count, scratch: scratch)) }
            source = try Merge(runs: runs.map { try FileRun(url: $0) })
        }
    }

    /// The next record by ascending ID, skipping repeats of an ID; `nil` at the end.
    func next() throws -> ExportRecord? {
        while let record = try source.next() {
            if record.id == last { continue }
            last = record.id
            return record
        }
        return nil
    }

    private static func writeRun(_ buffer: inout [ExportRecord], index: Int, scratch: URL) throws -> URL {
        buffer.sort { $0.id < $1.id }
        var text = ""
        text.reserveCapacity(buffer.count * 32)
        for record in buffer {
            text += "\(record.id)\t\(record.username)\n"
        }
        let url = scratch.appendingPathComponent("run-\(UUID().uuidString)-\(index)")
        guard FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8)) else {
            throw CLIFailure.failure("Cannot write a temporary file in \(scratch.path): \(POSIX.lastError()).")
        }
        buffer.removeAll(keepingCapacity: true)
        return url
    }
}

/// Sorted records from somewhere.
private protocol RecordSource {
    mutating func next() throws -> ExportRecord?
}

private struct MemoryRun: RecordSource {
    var records: [ExportRecord]
    var index = 0

    mutating func next() throws -> ExportRecord? {
        guard index < records.count else { return nil }
        defer { index += 1 }
        return records[index]
    }
}

/// A run file: `id<TAB>username` lines in ID order.
private struct FileRun: RecordSource {
    let reader: LineReader
    let url: URL

    init(url: URL) throws {
        self.url = url
        reader = try LineReader(url: url)
    }

    mutating func next() throws -> ExportRecord? {
        guard let line = try reader.next() else { return nil }
        let tab = line.firstIndex(of: 0x09) ?? line.endIndex
        guard let id = UInt64(String(decoding: line[..<tab], as: UTF8.self)) else {
            throw CLIFailure.failure("\(url.path):\(reader.lineNumber): a temporary run file is damaged.")
        }
        let name = tab < line.endIndex ? String(decoding: line[(tab + 1)...], as: UTF8.self) : ""
        return ExportRecord(id: id, username: name)
    }
}

/// The k-way merge of sorted runs through a min-heap of each run's head.
private struct Merge: RecordSource {
    struct Head: Comparable {
        var record: ExportRecord
        var run: Int
        static func < (lhs: Head, rhs: Head) -> Bool {
            (lhs.record.id, lhs.run) < (rhs.record.id, rhs.run)
        }
    }

    var runs: [FileRun]
    var heap = Heap<Head>()

    init(runs: [FileRun]) throws {
        self.runs = runs
        for index in runs.indices {
            if let record = try self.runs[index].next() { heap.insert(Head(record: record, run: index)) }
        }
    }

    mutating func next() throws -> ExportRecord? {
        guard let head = heap.popMin() else { return nil }
        if let record = try runs[head.run].next() { heap.insert(Head(record: record, run: head.run)) }
        return head.record
    }
}
