/// Reads a spec written as JSON straight into ``SpecNode``s, on UTF-8 bytes.
///
/// JSON is YAML, and the YAML path (``YAMLEventLoader``, on libyaml) reads it
/// correctly but more slowly: through libyaml and Yams, it was a third of the
/// generator's time on X's 750 KB document. This parser builds the very tree the YAML
/// path builds — the same scalar kinds (the core schema's, by the same rules),
/// the same lines and columns (columns count Unicode scalars, as libyaml's
/// do) — and gives up on anything it does not accept: text that is not
/// strict JSON, a duplicate key, nesting deeper than the YAML path allows.
/// The caller then takes the YAML path, which reads YAML's superset of JSON
/// and reports every error with its location as before.
struct JSONSpecParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String
    private var index = 0
    private var line = 1
    /// The byte offset where the current line starts.
    private var lineStart = 0
    /// Unicode scalars of the current line before `lineStart + scalarsCountedTo`.
    private var scalarsBefore = 0
    private var scalarsCountedTo = 0

    /// The tree of `text`, or `nil` when it is not strict JSON this parser accepts.
    static func parse(_ text: String, file: String) -> SpecNode? {
        var text = text
        return text.withUTF8 { bytes in
            var parser = JSONSpecParser(bytes: bytes, file: file)
            return parser.document()
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
    }

    private mutating func document() -> SpecNode? {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[") else { return nil }
        guard let root = value(depth: 0) else { return nil }
        skipSpace()
        return index == bytes.count ? root : nil
    }

    // MARK: Positions

    /// The location of the byte at `index`: its line, and its column in Unicode scalars.
    private mutating func location() -> SourceLocation {
        var position = lineStart + scalarsCountedTo
        while position < index {
            if bytes[position] & 0xC0 != 0x80 { scalarsBefore += 1 }
            position += 1
        }
        scalarsCountedTo = index - lineStart
        return SourceLocation(file: file, line: line, column: scalarsBefore + 1)
    }

    private mutating func newLine(startingAt offset: Int) {
        line += 1
        lineStart = offset
        scalarsBefore = 0
        scalarsCountedTo = 0
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                newLine(startingAt: index)
            case UInt8(ascii: "\r"):
                // libyaml counts CR LF (and a lone CR) as one line break.
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
                newLine(startingAt: index)
            default:
                return
            }
        }
    }

    // MARK: Values

    private mutating func value(depth: Int) -> SpecNode? {
        guard depth <= Self.maximumDepth, index < bytes.count else { return nil }
        let here = location()
        switch bytes[index] {
        case UInt8(ascii: "{"):
            return mapping(at: here, depth: depth)
        case UInt8(ascii: "["):
            return sequence(at: here, depth: depth)
        case UInt8(ascii: "\""):
            guard let text = string() else { return nil }
            return SpecNode(value: .scalar(.init(text: text, kind: .string)), location: here)
        default:
            guard let scalar = plainScalar() else { return nil }
            return SpecNode(value: .scalar(scalar), location: here)
        }
    }

    /// The YAML path's depth limit (``YAMLEventLoader/maximumDepth``): deeper is its to report.
    static let maximumDepth = 200

    private mutating func mapping(at here: SourceLocation, depth: Int) -> SpecNode? {
        index += 1
        var entries: [SpecNode.Entry] = []
        var keys: Set<String> = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return SpecNode(value: .mapping(entries), location: here)
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let keyLocation = location()
            guard let key = string(), keys.insert(key).inserted else { return nil }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpace()
            guard let value = value(depth: depth + 1) else { return nil }
            entries.append(SpecNode.Entry(key: key, keyLocation: keyLocation, value: value))
            skipSpace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { return nil }
            index += 1
            return SpecNode(value: .mapping(entries), location: here)
        }
    }

    private mutating func sequence(at here: SourceLocation, depth: Int) -> SpecNode? {
        index += 1
        var elements: [SpecNode] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return SpecNode(value: .sequence(elements), location: here)
        }
        while true {
            skipSpace()
            guard let element = value(depth: depth + 1) else { return nil }
            elements.append(element)
            skipSpace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else { return nil }
            index += 1
            return SpecNode(value: .sequence(elements), location: here)
        }
    }

    /// A string's text, escapes decoded; `nil` for anything JSON does not allow.
    private mutating func string() -> String? {
        index += 1
        let start = index
        // Most strings have no escape: one pass finds the end, one copy makes the String.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { return nil }
            index += 1
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self).unicodeScalars)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(scalars)
            }
            if byte < 0x20 { return nil }
            if byte != UInt8(ascii: "\\") {
                // Copy the run up to the next quote or escape.
                let runStart = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 {
                    index += 1
                }
                scalars.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self).unicodeScalars)
                continue
            }
            index += 1
            guard index < bytes.count else { return nil }
            let escape = bytes[index]
            index += 1
            if escape == UInt8(ascii: "u") {
                // libyaml refuses surrogate escapes (even a pair), and so NUL is
                // left to it too: the YAML path reports them.
                guard let unit = hex4(), unit != 0, !(0xD800...0xDFFF).contains(unit),
                      let scalar = Unicode.Scalar(unit)
                else { return nil }
                scalars.append(scalar)
                continue
            }
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            default: return nil
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// `true`, `false`, `null` or a number, typed as the YAML path types plain scalars.
    private mutating func plainScalar() -> SpecNode.Scalar? {
        let start = index
        while index < bytes.count, Self.continuesPlainScalar(bytes[index]) { index += 1 }
        guard index > start else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        switch text {
        case "true", "false": return .init(text: text, kind: .bool)
        case "null": return .init(text: text, kind: .null)
        default:
            guard Self.isJSONNumber(bytes[start..<index]) else { return nil }
            return SpecScalarTyping.type(plain: text)
        }
    }

    private static func continuesPlainScalar(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "E"):
            true
        default:
            false
        }
    }

    /// RFC 8259's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private static func isJSONNumber(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var rest = text[...]
        func digits() -> Int {
            let count = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            rest = rest.dropFirst(count)
            return count
        }
        if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        if rest.first == UInt8(ascii: "0") {
            rest = rest.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            guard digits() > 0 else { return false }
        }
        if rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return rest.isEmpty
    }
}
