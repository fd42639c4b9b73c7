/// Types a plain (unquoted) scalar by the YAML 1.2 core schema, the
/// JSON-compatible one OpenAPI uses: `null`, `true`, `42` and `1.5` are
/// typed, `no` and `on` stay strings. Both loaders (`SpecLoader`'s YAML path
/// and ``JSONSpecParser``) type scalars here, so they agree.
enum SpecScalarTyping {
    static func type(plain text: String) -> SpecNode.Scalar {
        // Most plain scalars are words (keys' values such as `string`, `object`):
        // a first byte that no typed scalar starts with settles them at once.
        if let first = text.utf8.first, !mayStartTyped(first) {
            return .init(text: text, kind: .string)
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return .init(text: text, kind: .null)
        case "true", "True", "TRUE", "false", "False", "FALSE": return .init(text: text, kind: .bool)
        default: break
        }
        if isInteger(text[...]) { return .init(text: text, kind: .integer) }
        if isNumber(text) { return .init(text: text, kind: .number) }
        return .init(text: text, kind: .string)
    }

    /// Whether a scalar starting with `byte` can be null, a Boolean or a number:
    /// `~`, `n`/`N`, `t`/`T`, `f`/`F`, a sign, a digit or `.`.
    private static func mayStartTyped(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            false
        }
    }

    static func isInteger(_ text: Substring) -> Bool {
        var digits = text.utf8[...]
        if digits.first == UInt8(ascii: "-") || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
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
