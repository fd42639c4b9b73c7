// libyaml's C API, as the Yams package builds it (its `CYaml` target). Yams'
// own tree (`Yams.compose`) was two thirds of the time of loading a large
// spec: a node per scalar, a hash of every mapping key to find duplicates, a
// second tree to convert. The events build `SpecNode`s directly.
import CYaml

/// Reads YAML text into ``SpecNode``s from libyaml's events: scalars typed by
/// the core schema (``SpecScalarTyping``), every node located, duplicate
/// keys refused, and libyaml's errors reported as
/// `invalid YAML: problem (context at line l, column c)` where it stopped.
///
/// Anchors (`&name`) and aliases (`*name`) are expanded: an alias stands for
/// the node its anchor names, with that node's locations. Expansion is
/// bounded before it happens: each anchored node's size (its nodes, aliases
/// inside it counted expanded) and height are known when its anchor is
/// recorded, so an alias that would take the document past
/// ``maximumNodes`` nodes or ``maximumDepth`` levels is refused where it is
/// written, and a "billion laughs" never grows beyond the text that holds
/// it (an alias shares its node's storage; nothing is copied).
struct YAMLEventLoader {
    /// Deeper documents are rejected: nothing in OpenAPI nests this far, and a
    /// bound keeps the recursive stages safe from hostile input.
    static let maximumDepth = 200
    /// A bound on the nodes of one document, aliases counted expanded: the
    /// size every later stage walks.
    static let maximumNodes = 1_000_000

    /// A libyaml event, copied out of C memory.
    private struct Event {
        var type: yaml_event_type_t
        var line: Int
        var column: Int
        /// Scalars: the text, the style (plain, quoted, block) and the explicit tag.
        var text = ""
        var style: yaml_scalar_style_t = YAML_ANY_SCALAR_STYLE
        var tag: String?
        /// The anchor a node defines, or the one an alias names.
        var anchor: String?
    }

    /// A node an anchor names, with what expanding an alias of it adds.
    private struct Anchored {
        var node: SpecNode
        /// Its nodes, aliases inside it counted expanded.
        var size: Int
        /// The levels below it (0 for a scalar).
        var height: Int
    }

    private var parser: yaml_parser_t
    private let file: String
    private let text: String
    private(set) var diagnostics: [Diagnostic] = []
    private var nodes = 0
    private var tooDeep = false
    private var tooLarge = false
    /// The anchors defined so far, by name (a later definition replaces an earlier one).
    private var anchors: [String: Anchored] = [:]
    /// Anchors whose nodes are being read: an alias of one would contain itself.
    private var openAnchors: Set<String> = []
    /// The deepest level reached, for the height of anchored nodes.
    private var deepest = 0

    /// Loads `text`; `file` names it in diagnostics. Errors the document cannot
    /// be read past are thrown; the others (depth, size, keys that are not
    /// scalars) are appended to `diagnostics`, and thrown when fatal.
    static func load(text: String, file: String, diagnostics: inout DiagnosticCollector) throws -> SpecNode {
        var source = text
        return try source.withUTF8 { bytes in
            var loader = YAMLEventLoader(bytes: bytes, file: file, text: text)
            defer { yaml_parser_delete(&loader.parser) }
            let root = try loader.document()
            for diagnostic in loader.diagnostics { diagnostics.emit(diagnostic) }
            if loader.tooDeep || loader.tooLarge {
                throw GeneratorError(diagnostics: diagnostics.diagnostics)
            }
            guard let root else {
                throw GeneratorError("the spec is empty", at: SourceLocation(file: file, line: 1, column: 1))
            }
            return root
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, file: String, text: String) {
        self.file = file
        self.text = text
        parser = yaml_parser_t()
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    }

    // MARK: Events

    private mutating func next() throws -> Event {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else {
            throw GeneratorError(diagnostics: [libyamlError()])
        }
        defer { yaml_event_delete(&event) }
        var copy = Event(type: event.type, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            copy.text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            copy.style = scalar.style
            // As Yams reads it: a quoted scalar without a tag is a string.
            copy.tag = scalar.quoted_implicit == 1 ? "tag:yaml.org,2002:str" : scalar.tag.map { String(cString: $0) }
            copy.anchor = scalar.anchor.map { String(cString: $0) }
        case YAML_SEQUENCE_START_EVENT:
            copy.anchor = event.data.sequence_start.anchor.map { String(cString: $0) }
        case YAML_MAPPING_START_EVENT:
            copy.anchor = event.data.mapping_start.anchor.map { String(cString: $0) }
        case YAML_ALIAS_EVENT:
            copy.anchor = event.data.alias.anchor.map { String(cString: $0) }
        default:
            break
        }
        return copy
    }

    private func location(_ event: Event) -> SourceLocation {
        SourceLocation(file: file, line: event.line, column: event.column)
    }

    // MARK: Nodes

    private mutating func document() throws -> SpecNode? {
        _ = try next()  // the stream's start
        let start = try next()
        guard start.type != YAML_STREAM_END_EVENT else { return nil }
        let root = try node(from: try next(), depth: 0)
        _ = try next()  // the document's end
        let after = try next()
        if after.type != YAML_STREAM_END_EVENT {
            throw GeneratorError(
                "invalid YAML: but found another document (expected a single document in the stream at line 1, column 1)",
                at: location(after)
            )
        }
        return root
    }

    private mutating func node(from event: Event, depth: Int) throws -> SpecNode {
        if event.type == YAML_ALIAS_EVENT {
            return try alias(event, depth: depth)
        }
        guard let anchor = event.anchor else {
            return try unanchoredNode(from: event, depth: depth)
        }
        // Measure the anchored node while it is read: the nodes it adds, the levels it reaches.
        let nodesBefore = nodes
        let deepestBefore = deepest
        deepest = depth
        openAnchors.insert(anchor)
        let node = try unanchoredNode(from: event, depth: depth)
        openAnchors.remove(anchor)
        anchors[anchor] = Anchored(node: node, size: nodes - nodesBefore, height: deepest - depth)
        deepest = max(deepest, deepestBefore)
        return node
    }

    /// An alias: the node its anchor names, once the bounds allow it, or a located error.
    private mutating func alias(_ event: Event, depth: Int) throws -> SpecNode {
        let here = location(event)
        let name = event.anchor ?? ""
        guard let anchored = anchors[name] else {
            if openAnchors.contains(name) {
                throw GeneratorError("the YAML alias '*\(name)' is inside the node its anchor names, which would contain itself", at: here)
            }
            throw GeneratorError("the YAML alias '*\(name)' names no anchor defined before it", at: here)
        }
        if nodes + anchored.size > Self.maximumNodes {
            throw GeneratorError(
                "the YAML alias '*\(name)' would expand the document past \(Self.maximumNodes) nodes (it stands for \(anchored.size) nodes, after \(nodes)); it is refused, not expanded",
                at: here
            )
        }
        if depth + anchored.height > Self.maximumDepth {
            throw GeneratorError(
                "the YAML alias '*\(name)' would nest the document deeper than \(Self.maximumDepth) levels; it is refused, not expanded",
                at: here
            )
        }
        nodes += anchored.size
        deepest = max(deepest, depth + anchored.height)
        return anchored.node
    }

    private mutating func unanchoredNode(from event: Event, depth: Int) throws -> SpecNode {
        let here = location(event)
        deepest = max(deepest, depth)
        nodes += 1
        if nodes > Self.maximumNodes || depth > Self.maximumDepth {
            if nodes > Self.maximumNodes, !tooLarge {
                diagnostics.append(.error("the document expands to more than \(Self.maximumNodes) nodes (through aliases?)", at: here))
                tooLarge = true
            } else if depth > Self.maximumDepth, !tooDeep {
                diagnostics.append(.error("the document nests deeper than \(Self.maximumDepth) levels", at: here))
                tooDeep = true
            }
            try skip(event)
            return SpecNode(value: .scalar(.init(text: "", kind: .null)), location: here)
        }
        switch event.type {
        case YAML_SCALAR_EVENT:
            return SpecNode(value: .scalar(Self.type(event)), location: here)
        case YAML_SEQUENCE_START_EVENT:
            var elements: [SpecNode] = []
            var element = try next()
            while element.type != YAML_SEQUENCE_END_EVENT {
                elements.append(try node(from: element, depth: depth + 1))
                element = try next()
            }
            return SpecNode(value: .sequence(elements), location: here)
        case YAML_MAPPING_START_EVENT:
            return try mapping(at: here, depth: depth)
        default:
            throw GeneratorError("invalid YAML: unexpected event", at: here)
        }
    }

    private mutating func mapping(at here: SourceLocation, depth: Int) throws -> SpecNode {
        var entries: [SpecNode.Entry] = []
        var keys: [String: SourceLocation] = [:]
        var duplicates: [(key: String, first: SourceLocation, second: SourceLocation)] = []
        var keyEvent = try next()
        while keyEvent.type != YAML_MAPPING_END_EVENT {
            let keyLocation = location(keyEvent)
            var isScalar = keyEvent.type == YAML_SCALAR_EVENT
            if isScalar, keyEvent.anchor != nil {
                // An anchored key: later aliases may name it.
                _ = try node(from: keyEvent, depth: depth + 1)
            } else if keyEvent.type == YAML_ALIAS_EVENT {
                // An alias as a key stands for its anchor's text when that is a scalar.
                let key = try alias(keyEvent, depth: depth + 1)
                if let scalar = key.scalar {
                    keyEvent.text = scalar.text
                    isScalar = true
                }
            }
            if !isScalar {
                diagnostics.append(.error("mapping keys must be scalars", at: keyLocation))
                try skip(keyEvent)
            }
            let value = try node(from: try next(), depth: depth + 1)
            if isScalar {
                if let first = keys[keyEvent.text] {
                    duplicates.append((keyEvent.text, first, keyLocation))
                } else {
                    keys[keyEvent.text] = keyLocation
                }
                entries.append(SpecNode.Entry(key: keyEvent.text, keyLocation: keyLocation, value: value))
            }
            keyEvent = try next()
        }
        // As Yams did: once the mapping is read, the first duplicate key in order.
        if let duplicate = duplicates.min(by: { $0.key < $1.key }) {
            throw GeneratorError(
                "duplicate key '\(duplicate.key)' (first defined at \(duplicate.first.line):\(duplicate.first.column))",
                at: duplicate.second
            )
        }
        return SpecNode(value: .mapping(entries), location: here)
    }

    /// Reads past the rest of a collection whose start is `event`.
    private mutating func skip(_ event: Event) throws {
        guard event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT else { return }
        var open = 1
        while open > 0 {
            switch try next().type {
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT: open += 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: open -= 1
            default: break
            }
        }
    }

    /// Types a scalar by its style and tag, then by the core schema: quoted
    /// scalars and `!!str` are strings, `!!int` and the like what they say.
    private static func type(_ event: Event) -> SpecNode.Scalar {
        let text = event.text
        if event.style != YAML_PLAIN_SCALAR_STYLE && event.style != YAML_ANY_SCALAR_STYLE {
            return .init(text: text, kind: .string)
        }
        switch event.tag ?? "" {
        case "tag:yaml.org,2002:str": return .init(text: text, kind: .string)
        case "tag:yaml.org,2002:null": return .init(text: text, kind: .null)
        case "tag:yaml.org,2002:bool": return .init(text: text, kind: .bool)
        case "tag:yaml.org,2002:int": return .init(text: text, kind: .integer)
        case "tag:yaml.org,2002:float": return .init(text: text, kind: .number)
        case "", "!": return SpecScalarTyping.type(plain: text)
        default: return .init(text: text, kind: .string)
        }
    }

    // MARK: Errors

    /// libyaml's error, worded as before: the problem, its context, where it stopped.
    private func libyamlError() -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        switch parser.error {
        case YAML_READER_ERROR:
            // The offset is counted in Characters and read back as UTF-8 bytes, as before.
            let utf8 = text.utf8
            let index = utf8.index(utf8.startIndex, offsetBy: Int(parser.problem_offset), limitedBy: utf8.endIndex)?
                .samePosition(in: text)
            let offset = index.map { text.distance(from: text.startIndex, to: $0) } ?? 0
            let (line, column) = Self.lineAndColumn(ofUTF8Offset: offset, in: text)
            return .error("invalid YAML: \(problem)", at: SourceLocation(file: file, line: line, column: column))
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            var message = "invalid YAML: \(problem)"
            if let context = parser.context {
                message += " (\(String(cString: context)) at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
            }
            return .error(message, at: SourceLocation(file: file, line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1))
        default:
            return .error("invalid YAML: \(problem)", at: SourceLocation(file: file, line: 1, column: 1))
        }
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
