/// Types a plain (unquoted) scalar by the YAML 1.2 core schema, the
/// JSON-compatible one OpenAPI uses: `null`, `true`, `42` and `1.5` are
/// typed, `no` and `on` stay strings. Both loaders (`SpecLoader`'s YAML path
/// and ``JSONSpecParser``) type scalars here, so they agree.
enum SpecScalarTyping {
    static func type(plain text: String) -> SpecNode.Scalar {
        switch text {
        case "", "~", "null", "Null", "NULL": return .init(text: text, kind: .null)
        case "true", "True", "TRUE", "false", "False", "FALSE": return .init(text: text, kind: .bool)
        default: break
        }
        if isInteger(text[...]) { return .init(text: text, kind: .integer) }
        if isNumber(text) { return .init(text: text, kind: .number) }
        return .init(text: text, kind: .string)
    }

    static func isInteger(_ text: Substring) -> Bool {
        var digits = text
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
    }

    static func isNumber(_ text: String) -> Bool {
        switch text {
        case ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "-.INF", "+.inf", ".nan", ".NaN", ".NAN": return true
        default: break
        }
        var rest = text[...]
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        let mantissa = rest.prefix { $0 != "e" && $0 != "E" }
        let exponent = rest.dropFirst(mantissa.count)
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !mantissa.isEmpty, parts.count <= 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              parts.contains(where: { !$0.isEmpty })
        else { return false }
        if exponent.isEmpty { return true }
        return isInteger(exponent.dropFirst())
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
