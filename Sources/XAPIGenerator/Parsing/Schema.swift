/// A JSON Schema as OpenAPI 3.0 and 3.1 documents write it, reduced to the
/// keywords the generator understands.
///
/// A reference type so schemas can nest without copying; it is immutable
/// once parsed.
final class Schema: Sendable {
    /// The JSON types a schema can name.
    enum JSONType: String, Sendable, Hashable, CaseIterable {
        case string, integer, number, boolean, object, array, null
    }

    /// `additionalProperties`.
    enum AdditionalProperties: Sendable {
        case allowed(Bool)
        case schema(Schema)
    }

    /// `discriminator`.
    struct Discriminator: Sendable {
        var propertyName: Located<String>
        var mapping: [(value: Located<String>, reference: Located<String>)]
        var location: SourceLocation
    }

    /// One entry of `properties`.
    struct Property: Sendable {
        var name: Located<String>
        var schema: Schema
    }

    /// Validation keywords kept for generated client-side checks.
    struct Constraints: Sendable {
        var pattern: Located<String>?
        var minLength: Int?
        var maxLength: Int?
        var minimum: Double?
        var maximum: Double?
        var exclusiveMinimum: Double?
        var exclusiveMaximum: Double?
        var minItems: Int?
        var maxItems: Int?
        var uniqueItems: Bool = false
    }

    let location: SourceLocation
    /// `$ref`; when set, the other keywords only annotate the reference.
    let reference: Located<String>?
    /// `type`, without `null` (which sets ``nullable``). Empty means any type.
    let types: [JSONType]
    let typeLocation: SourceLocation?
    /// `nullable: true` (3.0) or `null` among the types (3.1).
    let nullable: Bool
    let format: String?
    let title: String?
    let description: String?
    let deprecated: Bool
    let enumValues: [Located<JSONLiteral>]?
    let constValue: Located<JSONLiteral>?
    let defaultValue: Located<JSONLiteral>?
    let example: JSONLiteral?
    let properties: [Property]
    let required: [Located<String>]
    let items: Schema?
    let additionalProperties: AdditionalProperties?
    let allOf: [Schema]?
    let oneOf: [Schema]?
    let anyOf: [Schema]?
    let discriminator: Discriminator?
    let constraints: Constraints
    let readOnly: Bool
    let writeOnly: Bool
    /// `x-swift-type`: an existing Swift type to use instead of generating one.
    let swiftType: Located<String>?

    init(
        location: SourceLocation,
        reference: Located<String>? = nil,
        types: [JSONType] = [],
        typeLocation: SourceLocation? = nil,
        nullable: Bool = false,
        format: String? = nil,
        title: String? = nil,
        description: String? = nil,
        deprecated: Bool = false,
        enumValues: [Located<JSONLiteral>]? = nil,
        constValue: Located<JSONLiteral>? = nil,
        defaultValue: Located<JSONLiteral>? = nil,
        example: JSONLiteral? = nil,
        properties: [Property] = [],
        required: [Located<String>] = [],
        items: Schema? = nil,
        additionalProperties: AdditionalProperties? = nil,
        allOf: [Schema]? = nil,
        oneOf: [Schema]? = nil,
        anyOf: [Schema]? = nil,
        discriminator: Discriminator? = nil,
        constraints: Constraints = Constraints(),
        readOnly: Bool = false,
        writeOnly: Bool = false,
        swiftType: Located<String>? = nil
    ) {
        self.location = location
        self.reference = reference
        self.types = types
        self.typeLocation = typeLocation
        self.nullable = nullable
        self.format = format
        self.title = title
        self.description = description
        self.deprecated = deprecated
        self.enumValues = enumValues
        self.constValue = constValue
        self.defaultValue = defaultValue
        self.example = example
        self.properties = properties
        self.required = required
        self.items = items
        self.additionalProperties = additionalProperties
        self.allOf = allOf
        self.oneOf = oneOf
        self.anyOf = anyOf
        self.discriminator = discriminator
        self.constraints = constraints
        self.readOnly = readOnly
        self.writeOnly = writeOnly
        self.swiftType = swiftType
    }

}

/// A JSON value written in a spec (`default`, `enum`, `const`, `example`).
enum JSONLiteral: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONLiteral])
    case object([String: JSONLiteral])

    /// The JSON type the value has.
    var jsonType: Schema.JSONType {
        switch self {
        case .null: .null
        case .bool: .boolean
        case .integer: .integer
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }

    /// The value as a number, for integers and numbers.
    var numericValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// The value as compact JSON text, for messages.
    var jsonText: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .string(let value): "\"\(value)\""
        case .array(let values): "[" + values.map(\.jsonText).joined(separator: ", ") + "]"
        case .object(let members):
            "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value.jsonText)" }.joined(separator: ", ") + "}"
        }
    }
}
