/// A doc comment, assembled from spec descriptions and generated notes,
/// wrapped to fit beside the code.
struct DocComment {
    /// Lines without the `///` prefix; empty strings are blank comment lines.
    private(set) var lines: [String] = []

    static let width = 96

    init() {}

    init(_ text: String?) {
        if let text { paragraph(text) }
    }

    var isEmpty: Bool { lines.isEmpty }

    /// Adds text (Markdown from the spec), separated from what came before by
    /// a blank line; long lines wrap, code blocks are kept as written.
    mutating func paragraph(_ text: String) {
        let body = Self.format(text)
        guard !body.isEmpty else { return }
        if !lines.isEmpty { lines.append("") }
        lines.append(contentsOf: body)
    }

    /// Adds lines exactly as given, after a blank line.
    mutating func verbatim(_ block: [String]) {
        guard !block.isEmpty else { return }
        if !lines.isEmpty { lines.append("") }
        lines.append(contentsOf: block)
    }

    /// Adds a `- Name: text` callout line (wrapped with a two-space hang).
    mutating func callout(_ text: String, separated: Bool = false) {
        if separated, !lines.isEmpty, lines.last != "" { lines.append("") }
        lines.append(contentsOf: Self.wrap(text, indent: "", hang: "  "))
    }

    /// The first sentence of a description, for one-line summaries.
    static func firstSentence(_ text: String?) -> String? {
        guard let text else { return nil }
        let flattened = text.split(whereSeparator: \.isNewline).map { trimmingSpaces($0) }
            .prefix { !$0.isEmpty }.joined(separator: " ")
        guard !flattened.isEmpty else { return nil }
        if let end = flattened.range(of: ". ") {
            return String(flattened[..<end.lowerBound]) + "."
        }
        return flattened
    }

    /// Normalizes spec Markdown: trims, collapses blank runs, wraps prose lines.
    static func format(_ text: String) -> [String] {
        if let lines = formatASCII(text) { return lines }
        return formatText(text)
    }

    /// ``format(_:)`` for any text, on Characters.
    static func formatText(_ text: String) -> [String] {
        var result: [String] = []
        var inCode = false
        var paragraph: [String] = []
        func flush() {
            guard !paragraph.isEmpty else { return }
            let joined = paragraph.joined(separator: " ")
            let indent = String(joined.prefix { $0 == " " })
            let content = trimmingSpaces(joined)
            let isListItem = content.hasPrefix("- ") || content.hasPrefix("* ")
            result.append(contentsOf: wrap(content, indent: indent, hang: indent + (isListItem ? "  " : "")))
            paragraph = []
        }
        // Splitting UTF-8 on newline bytes skips grapheme breaking; text with a
        // carriage return keeps the Character split, where CR LF is one character.
        let rawLines: [Substring] = text.utf8.contains(UInt8(ascii: "\r"))
            ? text.split(separator: "\n", omittingEmptySubsequences: false)
            : text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        for rawLine in rawLines {
            let line = safeForComment(rawLine)
            let trimmed = trimmingSpaces(line)
            if trimmed.hasPrefix("```") {
                flush()
                inCode.toggle()
                result.append(trimmed)
                continue
            }
            if inCode {
                result.append(String(line.reversed().drop { $0 == " " }.reversed()))
                continue
            }
            if trimmed.isEmpty {
                flush()
                if result.last != "" && !result.isEmpty { result.append("") }
                continue
            }
            // A list item starts a new line; other lines continue the paragraph.
            if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.first?.isNumber == true && trimmed.contains(". ") && trimmed.prefix(4).contains(".") {
                flush()
            }
            paragraph.append(paragraph.isEmpty ? droppingHardBreak(line) : trimmed)
        }
        flush()
        if inCode { result.append("```") }
        while result.last == "" { result.removeLast() }
        return result
    }

    // The helpers below are plain Swift rather than Foundation's string methods,
    // which bridge through NSString on Linux: this runs for every description
    // in the spec, and they were a fifth of the generator's time.

    /// Whether a character is horizontal space: a tab or a Unicode space
    /// separator (Foundation's `CharacterSet.whitespaces`).
    private static func isSpace(_ character: Character) -> Bool {
        character == " " || character == "\t" || (character.isWhitespace && !character.isNewline)
    }

    /// The text without leading and trailing horizontal space.
    static func trimmingSpaces(_ text: String) -> String {
        trimmingSpaces(text[...])
    }

    /// The text without leading and trailing horizontal space.
    static func trimmingSpaces(_ text: Substring) -> String {
        // ASCII ends (nearly every line) are trimmed on bytes; only a line that
        // begins or ends with a non-ASCII character needs Unicode's spaces.
        let utf8 = text.utf8
        func isASCIISpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        if let first = utf8.firstIndex(where: { !isASCIISpace($0) }), utf8[first] < 0x80,
           let last = utf8.lastIndex(where: { !isASCIISpace($0) }), utf8[last] < 0x80 {
            return String(text[first...last])
        }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(text[first...last])
    }

    /// A line with tabs as four spaces and `*/` broken up, so it cannot end the comment.
    private static func safeForComment(_ line: Substring) -> String {
        guard line.utf8.contains(where: { $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "/") }) else {
            return String(line)
        }
        var result = ""
        result.reserveCapacity(line.utf8.count + 4)
        var previous: Character?
        for character in line {
            switch character {
            case "\t": result += "    "
            case "/" where previous == "*": result += " /"
            default: result.append(character)
            }
            previous = character
        }
        return result
    }

    /// A line without a Markdown hard break: a trailing run of two or more spaces.
    private static func droppingHardBreak(_ line: String) -> String {
        guard line.hasSuffix("  ") else { return line }
        return String(line.reversed().drop { $0 == " " }.reversed())
    }

    /// Word-wraps one line.
    static func wrap(_ text: String, indent: String, hang: String) -> [String] {
        var lines: [String] = []
        var current = indent
        var currentCount = indent.count
        var currentIsEmpty = true
        let hangCount = hang.count
        // Widths count Characters; in ASCII text (most spec prose) a byte is
        // one, and splitting bytes skips grapheme breaking.
        let words: [Substring]
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        if isASCII {
            words = text.utf8.split(separator: UInt8(ascii: " ")).map { Substring($0) }
        } else {
            words = text.split(separator: " ", omittingEmptySubsequences: true)
        }
        for word in words {
            let wordCount = isASCII ? word.utf8.count : word.count
            if !currentIsEmpty, currentCount + 1 + wordCount > width {
                lines.append(current)
                current = hang + word
                currentCount = hangCount + wordCount
            } else {
                if !currentIsEmpty {
                    current += " "
                    currentCount += 1
                }
                current += word
                currentCount += wordCount
            }
            currentIsEmpty = false
        }
        if !currentIsEmpty { lines.append(current) }
        return lines
    }

    // MARK: ASCII

    /// ``format(_:)`` on bytes, for ASCII text without tabs, carriage returns or
    /// `*/` (nearly every description; the rest takes ``formatText(_:)``, which
    /// gives the same lines for this text, as `DocCommentTests` checks).
    /// `nil` when the text is not such text.
    static func formatASCII(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var previous: UInt8 = 0
            for byte in bytes {
                if byte >= 0x80 || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || (byte == UInt8(ascii: "/") && previous == UInt8(ascii: "*")) {
                    return nil
                }
                previous = byte
            }
            return formatASCII(bytes)
        }
    }

    private static func formatASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        let space = UInt8(ascii: " ")
        var result: [String] = []
        var inCode = false
        /// The paragraph's lines joined by spaces, as bytes.
        var paragraph: [UInt8] = []
        var paragraphIsEmpty = true
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        func flush() {
            guard !paragraphIsEmpty else { return }
            let indentCount = paragraph.prefix { $0 == space }.count
            var end = paragraph.count
            while end > indentCount, paragraph[end - 1] == space { end -= 1 }
            let content = paragraph[indentCount..<end]
            let isListItem = content.starts(with: [UInt8(ascii: "-"), space]) || content.starts(with: [UInt8(ascii: "*"), space])
            let indent = String(repeating: " ", count: indentCount)
            result.append(contentsOf: wrapASCII(content, indent: indent, hang: indent + (isListItem ? "  " : "")))
            paragraph.removeAll(keepingCapacity: true)
            paragraphIsEmpty = true
        }
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            var first = lineStart
            while first < lineEnd, bytes[first] == space { first += 1 }
            var last = lineEnd
            while last > first, bytes[last - 1] == space { last -= 1 }
            let trimmed = UnsafeBufferPointer(rebasing: bytes[first..<last])
            if trimmed.starts(with: "```".utf8) {
                flush()
                inCode.toggle()
                result.append(string(first..<last))
                continue
            }
            if inCode {
                var end = lineEnd
                while end > lineStart, bytes[end - 1] == space { end -= 1 }
                result.append(string(lineStart..<end))
                continue
            }
            if trimmed.isEmpty {
                flush()
                if result.last != "" && !result.isEmpty { result.append("") }
                continue
            }
            // A list item starts a new line; other lines continue the paragraph.
            let isDigit = trimmed[0] >= UInt8(ascii: "0") && trimmed[0] <= UInt8(ascii: "9")
            if trimmed.starts(with: [UInt8(ascii: "-"), space]) || trimmed.starts(with: [UInt8(ascii: "*"), space])
                || (isDigit && Self.contains(trimmed, [UInt8(ascii: "."), space]) && trimmed.prefix(4).contains(UInt8(ascii: "."))) {
                flush()
            }
            if paragraphIsEmpty {
                // The first line keeps its indentation; a hard break (two or more
                // trailing spaces) goes, a single trailing space stays.
                let hardBreak = lineEnd - lineStart >= 2 && bytes[lineEnd - 1] == space && bytes[lineEnd - 2] == space
                paragraph.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<(hardBreak ? last : lineEnd)]))
                paragraphIsEmpty = false
            } else {
                paragraph.append(space)
                paragraph.append(contentsOf: trimmed)
            }
        }
        flush()
        if inCode { result.append("```") }
        while result.last == "" { result.removeLast() }
        return result
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// ``wrap(_:indent:hang:)`` of ASCII bytes.
    private static func wrapASCII(_ text: ArraySlice<UInt8>, indent: String, hang: String) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = Array(indent.utf8)
        current.reserveCapacity(width + 16)
        var currentIsEmpty = true
        var index = text.startIndex
        while index < text.endIndex {
            while index < text.endIndex, text[index] == UInt8(ascii: " ") { index += 1 }
            guard index < text.endIndex else { break }
            var end = index
            while end < text.endIndex, text[end] != UInt8(ascii: " ") { end += 1 }
            let word = text[index..<end]
            if !currentIsEmpty, current.count + 1 + word.count > width {
                lines.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
                current.append(contentsOf: hang.utf8)
            } else if !currentIsEmpty {
                current.append(UInt8(ascii: " "))
            }
            current.append(contentsOf: word)
            currentIsEmpty = false
            index = end
        }
        if !currentIsEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
        return lines
    }
}
