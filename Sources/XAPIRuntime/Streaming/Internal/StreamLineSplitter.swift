/// Cuts a stream's bytes into lines, wherever the chunks happen to end: a line is complete at
/// `\n` (a `\r` before it is dropped, as X ends lines and keep-alives with `\r\n`). Empty
/// lines are keep-alives.
struct StreamLineSplitter {
    /// A complete line, and where it started in the connection's body.
    struct Line: Equatable {
        var bytes: [UInt8]
        var number: Int
        var byteOffset: Int
        /// A blank line: X's keep-alive.
        var isKeepAlive: Bool { bytes.isEmpty }
    }

    /// A line that went past the limit before its end.
    struct LineTooLong: Error {
        var number: Int
        var byteOffset: Int
        var excerpt: [UInt8]
    }

    let maximumLineBytes: Int
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    private var consumed = 0
    private var lineNumber = 0

    init(maximumLineBytes: Int) {
        self.maximumLineBytes = maximumLineBytes
    }

    /// Bytes held of a line not yet ended.
    var hasPartialLine: Bool { !pending.isEmpty }

    /// The lines `chunk` completes, in order.
    mutating func append(_ chunk: ArraySlice<UInt8>) throws(LineTooLong) -> [Line] {
        var lines: [Line] = []
        var rest = chunk
        while let newline = rest.firstIndex(of: UInt8(ascii: "\n")) {
            let piece = rest[rest.startIndex..<newline]
            try checkLength(adding: piece.count)
            pending.append(contentsOf: piece)
            consumed += piece.count + 1
            if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
            lineNumber += 1
            lines.append(Line(bytes: pending, number: lineNumber, byteOffset: pendingOffset))
            pending.removeAll(keepingCapacity: true)
            pendingOffset = consumed
            rest = rest[rest.index(after: newline)...]
        }
        try checkLength(adding: rest.count)
        pending.append(contentsOf: rest)
        consumed += rest.count
        return lines
    }

    private func checkLength(adding count: Int) throws(LineTooLong) {
        // A trailing `\r` is not part of the line, so one byte of slack.
        if pending.count + count > maximumLineBytes + 1 {
            throw LineTooLong(number: lineNumber + 1, byteOffset: pendingOffset, excerpt: Array(pending.prefix(200)))
        }
    }
}
