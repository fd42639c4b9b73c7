import Foundation

/// Reads a file line by line in 64 KiB chunks, so memory holds one chunk and one line
/// however large the file. Lines come without their `\n` (and a `\r` before it).
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var isAtEnd = false
    /// The number of the line last returned, from 1.
    private(set) var lineNumber = 0

    static let chunkSize = 64 * 1024

    /// A reader of the file at `url`.
    ///
    /// - Throws: ``CLIFailure`` when the file cannot be opened.
    init(url: URL) throws {
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw CLIFailure.failure("Cannot read \(url.path): \(error.localizedDescription)")
        }
    }

    deinit {
        try? handle.close()
    }

    /// The next line, or `nil` at the end of the file.
    func next() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var line = buffer[start..<newline]
                start = newline + 1
                if line.last == 0x0D { line = line.dropLast() }
                lineNumber += 1
                return line
            }
            if isAtEnd {
                guard start < buffer.count else { return nil }
                var line = buffer[start...]
                start = buffer.count
                if line.last == 0x0D { line = line.dropLast() }
                lineNumber += 1
                return line
            }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            let chunk = try handle.read(upToCount: Self.chunkSize) ?? Data()
            if chunk.isEmpty { isAtEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
