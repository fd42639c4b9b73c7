import Foundation
import Yams

/// Stage 1: reads a YAML (or JSON) spec into a ``SpecNode`` tree that keeps
/// every node's line and column.
///
/// Text that is not YAML (duplicate keys included) is a fatal error located
/// where libyaml or Yams stopped.
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

    /// Flow collections nested deeper than this are refused before libyaml
    /// and Yams, whose composer recurses once per level.
    static let maximumFlowDepth = 256

    /// Loads YAML text; `file` names it in diagnostics. A document in strict
    /// JSON takes a faster path to the same tree (``JSONSpecParser``).
    static func load(text: String, file: String, diagnostics: inout DiagnosticCollector) throws -> SpecNode {
        if let node = JSONSpecParser.parse(text, file: file) {
            return node
        }
        return try loadYAML(text: text, file: file, diagnostics: &diagnostics)
    }

    /// Loads YAML text through libyaml and Yams.
    static func loadYAML(text: String, file: String, diagnostics: inout DiagnosticCollector) throws -> SpecNode {
        if let problem = Self.prescan(text) {
            throw GeneratorError(problem.message, at: SourceLocation(file: file, line: problem.line, column: problem.column))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw GeneratorError(diagnostics: [Self.diagnostic(for: error, file: file)])
        } catch {
            throw GeneratorError("invalid YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
        guard let root else {
            throw GeneratorError("the spec is empty", at: SourceLocation(file: file, line: 1, column: 1))
        }
        var converter = NodeConverter(file: file)
        let node = converter.convert(root, depth: 0)
        for diagnostic in converter.diagnostics { diagnostics.emit(diagnostic) }
        if converter.tooDeep || converter.tooLarge {
            throw GeneratorError(diagnostics: diagnostics.diagnostics)
        }
        return node
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return nsError.localizedDescription
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func located(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> Diagnostic {
            var message = "invalid YAML: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return .error(message, at: SourceLocation(file: file, line: mark.line, column: mark.column))
        }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return located(problem, context, mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            let first = context.mark
            let second = Self.nextOccurrence(ofKey: key, after: first, in: context.text)
            let location = second ?? (first.line, first.column)
            return .error(
                "duplicate key '\(key)' (first defined at \(first.line):\(first.column))",
                at: SourceLocation(file: file, line: location.0, column: location.1)
            )
        case let .reader(problem, offset, _, yaml):
            let (line, column) = Self.lineAndColumn(ofUTF8Offset: offset ?? 0, in: yaml)
            return .error("invalid YAML: \(problem)", at: SourceLocation(file: file, line: line, column: column))
        default:
            return .error("invalid YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// Where a block mapping's key occurs again after its first occurrence:
    /// the next line at the same indentation that starts with the key, before
    /// the mapping ends.
    private static func nextOccurrence(ofKey key: String, after mark: Mark, in text: String) -> (Int, Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = mark.column - 1
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        for index in mark.line..<lines.count {
            let line = lines[index]
            let content = line.drop { $0 == " " }
            let lineIndent = line.count - content.count
            if content.isEmpty || content.hasPrefix("#") { continue }
            if lineIndent < indent { return nil }
            guard lineIndent == indent else { continue }
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where content.hasPrefix(candidate + ":") {
                return (index + 1, indent + 1)
            }
        }
        return nil
    }

    /// What the text scan refuses before libyaml and Yams see the text:
    ///
    /// - flow collections nested deeper than ``maximumFlowDepth`` (Yams'
    ///   composer recurses once per level);
    /// - YAML aliases (`*name`). Yams hashes every mapping key to find
    ///   duplicates, and hashing a key that holds an alias walks everything
    ///   the alias refers to, which aliases of aliases make exponentially
    ///   large. OpenAPI reuses parts of a document with `$ref`.
    ///
    /// The scan follows YAML's token structure closely enough to ignore
    /// quoted scalars, comments, block scalars and asterisks inside plain
    /// scalars; a `*` counts only where a node starts.
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
            case UInt8(ascii: "*") where startsNode && !isBlank(index):
                return ("YAML aliases are not supported; reuse parts of the spec with $ref", line, column)
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

    private static func lineAndColumn(ofUTF8Offset offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for (index, byte) in text.utf8.enumerated() {
            if index >= offset { break }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}

/// Turns Yams nodes into ``SpecNode``s, typing scalars by the core schema.
private struct NodeConverter {
    /// Deeper documents are rejected: nothing in OpenAPI nests this far, and a
    /// bound keeps the recursive stages safe from hostile input.
    static let maximumDepth = 200
    /// Aliases let a small file stand for an exponentially large tree; past
    /// this many nodes the document is refused.
    static let maximumNodes = 1_000_000

    let file: String
    var diagnostics: [Diagnostic] = []
    var tooDeep = false
    var tooLarge = false
    var nodes = 0

    init(file: String) {
        self.file = file
    }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func convert(_ node: Node, depth: Int) -> SpecNode {
        let here = location(node.mark)
        nodes += 1
        if nodes > Self.maximumNodes {
            if !tooLarge {
                diagnostics.append(.error("the document expands to more than \(Self.maximumNodes) nodes (through aliases?)", at: here))
                tooLarge = true
            }
            return SpecNode(value: .scalar(.init(text: "", kind: .null)), location: here)
        }
        if depth > Self.maximumDepth {
            if !tooDeep {
                diagnostics.append(.error("the document nests deeper than \(Self.maximumDepth) levels", at: here))
                tooDeep = true
            }
            return SpecNode(value: .scalar(.init(text: "", kind: .null)), location: here)
        }
        switch node {
        case .scalar(let scalar):
            return SpecNode(value: .scalar(Self.type(scalar)), location: here)
        case .sequence(let sequence):
            return SpecNode(value: .sequence(sequence.map { convert($0, depth: depth + 1) }), location: here)
        case .mapping(let mapping):
            // Yams refuses duplicate keys before this (see `diagnostic(for:file:)`).
            var entries: [SpecNode.Entry] = []
            for (key, value) in mapping {
                let keyLocation = location(key.mark)
                guard case .scalar(let keyScalar) = key else {
                    diagnostics.append(.error("mapping keys must be scalars", at: keyLocation))
                    continue
                }
                entries.append(.init(key: keyScalar.string, keyLocation: keyLocation, value: convert(value, depth: depth + 1)))
            }
            return SpecNode(value: .mapping(entries), location: here)
        case .alias(let alias):
            // `compose` resolves aliases; an unresolved one is reported as a composer error before this.
            return SpecNode(value: .scalar(.init(text: alias.anchor.rawValue, kind: .string)), location: here)
        }
    }

    /// Types a scalar by the YAML 1.2 core schema; quoted scalars are strings.
    static func type(_ scalar: Node.Scalar) -> SpecNode.Scalar {
        let text = scalar.string
        if scalar.style != .plain && scalar.style != .any {
            return .init(text: text, kind: .string)
        }
        switch scalar.tag.rawValue {
        case Tag.Name.str.rawValue: return .init(text: text, kind: .string)
        case Tag.Name.null.rawValue: return .init(text: text, kind: .null)
        case Tag.Name.bool.rawValue: return .init(text: text, kind: .bool)
        case Tag.Name.int.rawValue: return .init(text: text, kind: .integer)
        case Tag.Name.float.rawValue: return .init(text: text, kind: .number)
        case "", "!": break
        default: return .init(text: text, kind: .string)
        }
        return SpecScalarTyping.type(plain: text)
    }
}
