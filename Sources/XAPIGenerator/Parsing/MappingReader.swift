/// Reads the keys of one mapping, reporting wrong types and missing keys as
/// diagnostics and remembering which keys were read, so unknown ones can be
/// reported too.
struct MappingReader {
    let node: SpecNode
    /// What the mapping is, for messages: "operation 'usersIdFollowers'", "schema".
    private(set) var subject: String
    private let entries: [SpecNode.Entry]
    /// Which entries were read, by position: a mapping has a handful of keys,
    /// so a scan beats hashing every key asked for (most are absent).
    private var used: [Bool]

    /// Wraps `node`, or reports that it is not a mapping and returns `nil`.
    init?(_ node: SpecNode, subject: String, diagnostics: inout DiagnosticCollector) {
        guard let entries = node.entries else {
            diagnostics.error("expected a mapping for \(subject), found \(node.kindDescription)", at: node.location)
            return nil
        }
        self.node = node
        self.subject = subject
        self.entries = entries
        self.used = Array(repeating: false, count: entries.count)
    }

    var keys: [String] { entries.map(\.key) }

    /// Names the mapping differently in later messages.
    mutating func rename(_ subject: String) {
        self.subject = subject
    }

    /// The value of `key`, marking it read.
    mutating func take(_ key: String) -> SpecNode? {
        guard let position = entries.firstIndex(where: { $0.key == key }) else { return nil }
        used[position] = true
        return entries[position].value
    }

    /// The location of `key` itself.
    func keyLocation(_ key: String) -> SourceLocation? {
        entries.first { $0.key == key }?.keyLocation
    }

    /// Marks a key read without looking at it.
    mutating func ignore(_ keys: String...) {
        for key in keys {
            if let position = entries.firstIndex(where: { $0.key == key }) { used[position] = true }
        }
    }

    /// The value of a key the spec must have; reports it missing otherwise.
    mutating func require(_ key: String, diagnostics: inout DiagnosticCollector) -> SpecNode? {
        guard let value = take(key) else {
            diagnostics.error("missing required key '\(key)' in \(subject)", at: node.location)
            return nil
        }
        return value
    }

    mutating func string(_ key: String, diagnostics: inout DiagnosticCollector) -> Located<String>? {
        guard let value = take(key) else { return nil }
        return Self.string(value, "'\(key)' in \(subject)", diagnostics: &diagnostics)
    }

    mutating func requiredString(_ key: String, diagnostics: inout DiagnosticCollector) -> Located<String>? {
        guard let value = require(key, diagnostics: &diagnostics) else { return nil }
        return Self.string(value, "'\(key)' in \(subject)", diagnostics: &diagnostics)
    }

    /// Free text (descriptions, titles): any non-null scalar is accepted as written.
    mutating func text(_ key: String, diagnostics: inout DiagnosticCollector) -> String? {
        guard let value = take(key) else { return nil }
        guard let scalar = value.scalar, scalar.kind != .null else {
            if value.scalar?.kind == .null { return nil }
            diagnostics.error("expected text for '\(key)' in \(subject), found \(value.kindDescription)", at: value.location)
            return nil
        }
        return scalar.text
    }

    mutating func bool(_ key: String, diagnostics: inout DiagnosticCollector) -> Bool? {
        guard let value = take(key) else { return nil }
        guard let scalar = value.scalar, scalar.kind == .bool else {
            diagnostics.error("expected a boolean for '\(key)' in \(subject), found \(value.kindDescription)", at: value.location)
            return nil
        }
        return scalar.text.lowercased() == "true"
    }

    mutating func integer(_ key: String, diagnostics: inout DiagnosticCollector) -> Located<Int>? {
        guard let value = take(key) else { return nil }
        return Self.integer(value, "'\(key)' in \(subject)", diagnostics: &diagnostics)
    }

    mutating func number(_ key: String, diagnostics: inout DiagnosticCollector) -> Double? {
        guard let value = take(key) else { return nil }
        guard let scalar = value.scalar, scalar.kind == .integer || scalar.kind == .number,
              let number = Double(scalar.text)
        else {
            diagnostics.error("expected a number for '\(key)' in \(subject), found \(value.kindDescription)", at: value.location)
            return nil
        }
        return number
    }

    mutating func stringList(_ key: String, diagnostics: inout DiagnosticCollector) -> [Located<String>]? {
        guard let value = take(key) else { return nil }
        return Self.stringList(value, "'\(key)' in \(subject)", diagnostics: &diagnostics)
    }

    /// Reports every key that was not read and is not an extension.
    func reportUnknownKeys(
        allowing allowed: Set<String> = [],
        severity: Diagnostic.Severity = .warning,
        diagnostics: inout DiagnosticCollector
    ) {
        for (position, entry) in entries.enumerated() where !used[position] && !allowed.contains(entry.key) && !entry.key.hasPrefix("x-") {
            let consequence = severity == .error ? "" : " is ignored"
            diagnostics.emit(Diagnostic(severity, "unknown key '\(entry.key)' in \(subject)\(consequence)", at: entry.keyLocation))
        }
    }

    // MARK: Scalars outside a mapping

    static func string(_ node: SpecNode, _ what: String, diagnostics: inout DiagnosticCollector) -> Located<String>? {
        guard let scalar = node.scalar, scalar.kind != .null, scalar.kind != .bool else {
            diagnostics.error("expected a string for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        return Located(scalar.text, at: node.location)
    }

    static func integer(_ node: SpecNode, _ what: String, diagnostics: inout DiagnosticCollector) -> Located<Int>? {
        guard let scalar = node.scalar, scalar.kind == .integer, let value = Int(scalar.text) else {
            diagnostics.error("expected an integer for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        return Located(value, at: node.location)
    }

    static func stringList(_ node: SpecNode, _ what: String, diagnostics: inout DiagnosticCollector) -> [Located<String>]? {
        guard let elements = node.elements else {
            diagnostics.error("expected a sequence of strings for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        return elements.compactMap { string($0, "an element of \(what)", diagnostics: &diagnostics) }
    }

    /// Converts a node to the JSON value it denotes.
    static func literal(_ node: SpecNode) -> JSONLiteral {
        switch node.value {
        case .scalar(let scalar):
            switch scalar.kind {
            case .null: return .null
            case .bool: return .bool(scalar.text.lowercased() == "true")
            case .integer: return Int(scalar.text).map(JSONLiteral.integer) ?? .number(Double(scalar.text) ?? 0)
            case .number: return Double(scalar.text).map(JSONLiteral.number) ?? .string(scalar.text)
            case .string: return .string(scalar.text)
            }
        case .sequence(let elements):
            return .array(elements.map(literal))
        case .mapping(let entries):
            var members: [String: JSONLiteral] = [:]
            for entry in entries { members[entry.key] = literal(entry.value) }
            return .object(members)
        }
    }
}
