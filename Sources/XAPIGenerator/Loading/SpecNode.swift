/// A YAML node as the generator sees it: a scalar, a mapping or a sequence,
/// each with the place it was written.
///
/// Aliases are already replaced by the nodes they name, and plain scalars
/// are typed by the YAML 1.2 core schema (the JSON-compatible one OpenAPI
/// uses), so `no` and `on` stay strings while `true`, `42` and `null` do not.
public struct SpecNode: Sendable, Hashable {
    /// What a node holds.
    public enum Value: Sendable, Hashable {
        /// A scalar.
        case scalar(Scalar)
        /// A mapping, with its entries in document order.
        case mapping([Entry])
        /// A sequence.
        case sequence([SpecNode])
    }

    /// A scalar's text and its resolved kind.
    public struct Scalar: Sendable, Hashable {
        /// The kind of a scalar under the YAML 1.2 core schema.
        public enum Kind: String, Sendable, Hashable {
            case null, bool, integer, number, string
        }

        /// The scalar as written (without quotes).
        public var text: String
        /// What the text means.
        public var kind: Kind
    }

    /// A key and its value in a mapping.
    public struct Entry: Sendable, Hashable {
        /// The key's text.
        public var key: String
        /// Where the key is.
        public var keyLocation: SourceLocation
        /// The value.
        public var value: SpecNode
    }

    /// The node's contents.
    public var value: Value
    /// Where the node starts.
    public var location: SourceLocation

    /// A name for the node's kind, for messages ("a mapping", "a string", …).
    public var kindDescription: String {
        switch value {
        case .mapping: "a mapping"
        case .sequence: "a sequence"
        case .scalar(let scalar):
            switch scalar.kind {
            case .null: "null"
            case .bool: "a boolean"
            case .integer: "an integer"
            case .number: "a number"
            case .string: "a string"
            }
        }
    }

    /// The entries when the node is a mapping.
    public var entries: [Entry]? {
        if case .mapping(let entries) = value { entries } else { nil }
    }

    /// The elements when the node is a sequence.
    public var elements: [SpecNode]? {
        if case .sequence(let elements) = value { elements } else { nil }
    }

    /// The scalar when the node is one.
    public var scalar: Scalar? {
        if case .scalar(let scalar) = value { scalar } else { nil }
    }

    /// The value of `key` when the node is a mapping that has it.
    public subscript(key: String) -> SpecNode? {
        entries?.first { $0.key == key }?.value
    }
}
