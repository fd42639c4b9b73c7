/// Spelling rules for Swift identifiers: keywords escaped, invalid
/// characters removed, names that would shadow common types avoided.
enum SwiftIdentifiers {
    /// Words that need backticks as identifiers.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "consume", "borrowing", "consuming", "package",
    ]

    /// Type names the generated code or its users rely on meaning what they
    /// mean in Swift, Foundation or the runtime; a schema with such a name is
    /// renamed rather than allowed to shadow them.
    static let reservedTypeNames: Set<String> = [
        "String", "Int", "Int32", "Int64", "Double", "Float", "Bool", "Date", "URL", "Data", "Array",
        "Dictionary", "Set", "Optional", "Error", "Type", "Protocol", "Self", "Any", "AnyObject", "Codable",
        "Decodable", "Encodable", "Hashable", "Sendable", "CodingKeys", "CodingKey", "Character", "Result",
        "Never", "Void", "Decimal", "UUID", "Decoder", "Encoder", "JSONValue", "JSONCodingKey", "JSONMemberKey", "XAPIClient",
        "XAPIError", "OperationDescriptor", "OperationRequest", "APIResponse", "Pages", "PageItems",
        "ParameterValidation", "PaginatedResponse", "PageDirection", "UserContext", "AppOnlyContext",
        // The server side's, and the runtime's server support.
        "APIHandler", "ServerOperations", "ServerRequest", "ServerRoute", "ServerResponse", "EncodedResponse",
        "ServerInputDecoder", "ParameterFormat", "OperationRouter", "RouteMismatch", "InvalidRequestError",
        "InvalidParameter", "ProblemResponse", "NoContent",
        // The spec's rules as values (SwiftRenderer+Rules).
        "SchemaPattern", "OperationParameter",
    ]

    /// Removes what cannot be in an identifier and guards a leading digit.
    static func sanitized(_ name: String) -> String {
        // Nearly every name is already ASCII letters, digits and underscores.
        if let first = name.utf8.first, !(first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")),
           name.utf8.allSatisfy({ byte in
               (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                   || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
           }) {
            return name
        }
        var result = String(name.unicodeScalars.filter { scalar in
            scalar == "_" || (scalar.properties.isAlphabetic && scalar.isASCII) || ("0"..."9").contains(scalar)
        }.map(Character.init))
        if result.isEmpty { result = "value" }
        if let first = result.first, first.isNumber { result = "_" + result }
        return result
    }

    /// An identifier usable where a value name goes: `type`, `` `default` ``.
    static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// A member name as written after a dot: `x.default` needs no backticks,
    /// but `x.self`, `x.Type` and `x.init` mean something else without them.
    static func afterDot(_ name: String) -> String {
        ["self", "Type", "Protocol", "init"].contains(name) ? "`\(name)`" : name
    }

    /// A property, argument or case name for a JSON name.
    static func member(_ jsonName: String) -> String {
        let camel = NameCasing.lowerCamel(jsonName)
        return sanitized(camel.isEmpty ? "empty" : camel)
    }

    /// A type name for a spec name: kept when already a valid `UpperCamel` identifier.
    static func type(_ name: String) -> String {
        let isIdentifier = name.first.map { $0.isUppercase && $0.isASCII } ?? false
            && name.allSatisfy { ($0.isLetter || $0.isNumber) && $0.isASCII }
        return sanitized(isIdentifier ? name : NameCasing.upperCamel(name))
    }

    /// A string literal with Swift escapes.
    static func stringLiteral(_ text: String) -> String {
        // Nearly every literal is printable ASCII without quotes or backslashes.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
