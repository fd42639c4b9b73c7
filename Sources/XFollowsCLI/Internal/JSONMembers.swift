/// Reads the members of one JSON object without decoding it into types: each key with the
/// raw text of its value. Exports use it to turn an encoded user into CSV cells (every field
/// by X's own name, whatever the model holds) and `diff` to pick `id` and `username` out of
/// a JSON Lines record, in one pass and without guessing a value's type.
///
/// ```swift
/// let members = try JSONMembers.parse(Array(#"{"id":"12","public_metrics":{"followers_count":3}}"#.utf8))
/// members["id"]?.text               // "12"
/// members["public_metrics"]?.text   // #"{"followers_count":3}"#
/// ```
struct JSONMembers {
    /// One member's value as it was written.
    struct Value {
        /// The raw bytes of the value (a string keeps its quotes).
        let raw: ArraySlice<UInt8>

        /// The value as text: a string unescaped, `null` as nothing, anything else as written
        /// (numbers, `true`, `false`, objects and arrays as compact JSON).
        var text: String {
            guard let first = raw.first else { return "" }
            if first == UInt8(ascii: "\"") { return JSONMembers.unescape(raw) }
            if raw.elementsEqual("null".utf8) { return "" }
            return String(decoding: raw, as: UTF8.self)
        }

        /// Whether the value is an object.
        var isObject: Bool { raw.first == UInt8(ascii: "{") }
    }

    /// Why the text is not a JSON object.
    struct Malformed: Error, CustomStringConvertible {
        /// The byte offset where reading stopped.
        var offset: Int
        /// What was expected there.
        var expected: String
        var description: String { "expected \(expected) at byte \(offset + 1)" }
    }

    /// The members in the order written.
    private(set) var members: [(key: String, value: Value)] = []

    /// The value of `key`, or `nil`.
    subscript(key: String) -> Value? {
        members.first { $0.key == key }?.value
    }

    /// Parses a JSON object's top-level members.
    ///
    /// - Throws: ``Malformed`` with the offset when the bytes are not one JSON object.
    static func parse(_ bytes: ArraySlice<UInt8>) throws -> JSONMembers {
        var scanner = Scanner(bytes: bytes)
        var result = JSONMembers()
        scanner.skipWhitespace()
        try scanner.expect(UInt8(ascii: "{"), "\"{\"")
        scanner.skipWhitespace()
        if scanner.peek == UInt8(ascii: "}") {
            scanner.index += 1
        } else {
            while true {
                scanner.skipWhitespace()
                let keyStart = scanner.index
                try scanner.skipString()
                let key = unescape(bytes[keyStart..<scanner.index])
                scanner.skipWhitespace()
                try scanner.expect(UInt8(ascii: ":"), "\":\"")
                scanner.skipWhitespace()
                let valueStart = scanner.index
                try scanner.skipValue()
                result.members.append((key, Value(raw: bytes[valueStart..<scanner.index])))
                scanner.skipWhitespace()
                if scanner.peek == UInt8(ascii: ",") { scanner.index += 1; continue }
                try scanner.expect(UInt8(ascii: "}"), "\",\" or \"}\"")
                break
            }
        }
        scanner.skipWhitespace()
        guard scanner.index == bytes.endIndex else {
            throw Malformed(offset: scanner.index - bytes.startIndex, expected: "the end of the object")
        }
        return result
    }

    /// Parses a JSON object's top-level members.
    static func parse(_ bytes: [UInt8]) throws -> JSONMembers {
        try parse(bytes[...])
    }

    /// The text of a JSON string literal (quotes included in `raw`).
    static func unescape(_ raw: ArraySlice<UInt8>) -> String {
        let inner = raw.dropFirst().dropLast()
        guard inner.contains(UInt8(ascii: "\\")) else { return String(decoding: inner, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        var bytes: [UInt8] = []
        var index = inner.startIndex
        func flush() {
            scalars.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars)
            bytes.removeAll(keepingCapacity: true)
        }
        func hex(_ at: Int) -> UInt32? {
            guard at + 4 <= inner.endIndex else { return nil }
            return UInt32(String(decoding: inner[at..<at + 4], as: UTF8.self), radix: 16)
        }
        while index < inner.endIndex {
            let byte = inner[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < inner.endIndex else {
                bytes.append(byte)
                index += 1
                continue
            }
            let escape = inner[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "u"):
                flush()
                guard var code = hex(index) else { continue }
                index += 4
                if (0xD800..<0xDC00).contains(code), index + 6 <= inner.endIndex, inner[index] == UInt8(ascii: "\\"),
                   inner[index + 1] == UInt8(ascii: "u"), let low = hex(index + 2), (0xDC00..<0xE000).contains(low) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default: bytes.append(escape)
            }
        }
        flush()
        return String(scalars)
    }

    private struct Scanner {
        let bytes: ArraySlice<UInt8>
        var index: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            self.index = bytes.startIndex
        }

        var peek: UInt8? { index < bytes.endIndex ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws {
            guard peek == byte else { throw Malformed(offset: index - bytes.startIndex, expected: what) }
            index += 1
        }

        mutating func skipString() throws {
            try expect(UInt8(ascii: "\""), "a string")
            while let byte = peek {
                index += 1
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    return
                }
            }
            throw Malformed(offset: index - bytes.startIndex, expected: "the end of a string")
        }

        mutating func skipValue() throws {
            guard let byte = peek else { throw Malformed(offset: index - bytes.startIndex, expected: "a value") }
            switch byte {
            case UInt8(ascii: "\""):
                try skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while let current = peek {
                    if current == UInt8(ascii: "\"") { try skipString(); continue }
                    index += 1
                    if current == UInt8(ascii: "{") || current == UInt8(ascii: "[") { depth += 1 }
                    if current == UInt8(ascii: "}") || current == UInt8(ascii: "]") {
                        depth -= 1
                        if depth == 0 { return }
                    }
                }
                throw Malformed(offset: index - bytes.startIndex, expected: "the end of \(byte == UInt8(ascii: "{") ? "an object" : "an array")")
            default:
                let start = index
                while let current = peek, !(current == UInt8(ascii: ",") || current == UInt8(ascii: "}")
                    || current == UInt8(ascii: "]") || current == 0x20 || current == 0x0A || current == 0x0D || current == 0x09) {
                    index += 1
                }
                guard index > start else { throw Malformed(offset: index - bytes.startIndex, expected: "a value") }
            }
        }
    }
}
