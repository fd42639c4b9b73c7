import Foundation

/// Stage 1: reads a YAML (or JSON) spec into a ``SpecNode`` tree that keeps
/// every node's line and column: strict JSON through ``JSONSpecParser``,
/// anything else through libyaml's events (``YAMLEventLoader``).
///
/// Text that is not YAML (duplicate keys included) is a fatal error located
/// where libyaml stopped.
struct SpecLoader {
    /// Loads the file at `path`.
    static func load(path: String, diagnostics: inout DiagnosticCollector) throws -> SpecNode {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw GeneratorError("cannot read the spec: \(Self.reason(error))", at: SourceLocation(file: path, line: 1, column: 1))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw GeneratorError("the spec is not valid UTF-8", at: SourceLocation(file: path, line: 1, column: 1))
        }
        return try load(text: text, file: path, diagnostics: &diagnostics)
    }

    /// Flow collections nested deeper than this are refused before libyaml,
    /// and the loader, which recurses once per level.
    static let maximumFlowDepth = 256

    /// Loads YAML text; `file` names it in diagnostics. A document in strict
    /// JSON takes a faster path to the same tree (``JSONSpecParser``).
    static func load(text: String, file: String, diagnostics: inout DiagnosticCollector) throws -> SpecNode {
        if let node = JSONSpecParser.parse(text, file: file) {
            return node
        }
        return try loadYAML(text: text, file: file, diagnostics: &diagnostics)
    }

    /// Loads YAML text through libyaml.
    static func loadYAML(text: String, file: String, diagnostics: inout DiagnosticCollector) throws -> SpecNode {
        if let problem = Self.prescan(text) {
            throw GeneratorError(problem.message, at: SourceLocation(file: file, line: problem.line, column: problem.column))
        }
        return try YAMLEventLoader.load(text: text, file: file, diagnostics: &diagnostics)
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return nsError.localizedDescription
    }

    /// What the text scan refuses before libyaml sees the text: flow
    /// collections nested deeper than ``maximumFlowDepth`` (libyaml and the
    /// loader recurse once per level). Aliases (`*name`) pass: the loader
    /// expands them within its bounds (``YAMLEventLoader``).
    ///
    /// The scan follows YAML's token structure closely enough to ignore
    /// quoted scalars, comments and block scalars.
    ///
    /// It reads UTF-8 bytes: every character it looks for is ASCII, and bytes
    /// of other characters never equal one. Columns count Unicode scalars.
    static func prescan(_ text: String) -> (message: String, line: Int, column: Int)? {
        var text = text
        return text.withUTF8 { prescan(bytes: $0) }
    }

    private static func prescan(bytes: UnsafeBufferPointer<UInt8>) -> (message: String, line: Int, column: Int)? {
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        var depth = 0
        var line = 1
        var column = 0
        var quote: UInt8?
        var inComment = false
        var previous = newline
        // Whether the next non-blank character starts a node: at the start of
        // a line, and after `[`, `{`, `,`, and `-`, `?`, `:` followed by a blank.
        var nodeStart = true
        // Block scalars (`|`, `>`): their lines are text, skipped while more
        // indented than the line that opened them.
        var blockIndent: Int?
        var lineIndent = 0
        var lineContent: [UInt8] = []
        let count = bytes.count
        func isLineEnd(_ index: Int) -> Bool {
            bytes[index] == newline || (bytes[index] == carriageReturn && index + 1 < count && bytes[index + 1] == newline)
        }
        func isBlank(_ index: Int) -> Bool {
            index >= count || bytes[index] == space || bytes[index] == tab || isLineEnd(index)
        }
        var index = 0
        while index < count {
            let byte = bytes[index]
            index += 1
            if byte & 0xC0 != 0x80 { column += 1 }
            if byte == carriageReturn, index < count, bytes[index] == newline { continue }
            if byte == newline {
                if quote == nil, blockIndent == nil, Self.opensBlockScalar(lineContent) {
                    blockIndent = lineIndent
                }
                line += 1
                column = 0
                inComment = false
                previous = newline
                lineContent.removeAll(keepingCapacity: true)
                if quote == nil { nodeStart = true }
                // Measure the next line's indentation, and skip it while it is block scalar text.
                var indent = 0
                while index + indent < count, bytes[index + indent] == space { indent += 1 }
                lineIndent = indent
                if let open = blockIndent {
                    if isBlank(index + indent) || indent > open {
                        while index < count, !isLineEnd(index) { index += 1 }
                        continue
                    }
                    blockIndent = nil
                }
                continue
            }
            defer { previous = byte }
            if inComment { continue }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            lineContent.append(byte)
            if byte == space || byte == tab { continue }
            if byte == UInt8(ascii: "#"), previous == space || previous == tab || previous == newline {
                inComment = true
                continue
            }
            let startsNode = nodeStart
            nodeStart = false
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if startsNode { quote = byte }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumFlowDepth {
                    return ("collections nest deeper than \(maximumFlowDepth) levels", line, column)
                }
                nodeStart = true
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            case UInt8(ascii: ","):
                nodeStart = depth > 0
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                // In flow collections a `:` may touch its value after a quoted key (JSON).
                let closesOrSeparates = index < count && (bytes[index] == UInt8(ascii: ",") || bytes[index] == UInt8(ascii: "]") || bytes[index] == UInt8(ascii: "}"))
                nodeStart = isBlank(index)
                    || (byte == UInt8(ascii: ":") && depth > 0 && (previous == UInt8(ascii: "\"") || previous == UInt8(ascii: "'") || closesOrSeparates))
            case UInt8(ascii: "&"), UInt8(ascii: "!"):
                // An anchor or a tag precedes the node it names.
                while index < count, !isBlank(index) {
                    if bytes[index] & 0xC0 != 0x80 { column += 1 }
                    index += 1
                }
                nodeStart = true
            default:
                break
            }
        }
        return nil
    }

    /// Whether a line's content (UTF-8) ends with a block scalar header (`|`, `>-`, `|+2`…).
    static func opensBlockScalar(_ bytes: [UInt8]) -> Bool {
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var end = bytes.count
        while end > 0, isSpace(bytes[end - 1]) { end -= 1 }
        var start = 0
        while start < end, isSpace(bytes[start]) { start += 1 }
        guard let marker = bytes[start..<end].lastIndex(where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: ">") }) else {
            return false
        }
        let indicators = bytes[(marker + 1)..<end]
        guard indicators.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return false
        }
        let before = bytes[start..<marker]
        func hasSuffix(_ suffix: String) -> Bool { before.count >= suffix.utf8.count && before.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) }
        return before.isEmpty || hasSuffix(": ") || hasSuffix(":") || hasSuffix("- ") || hasSuffix("-")
    }
}
