/// The spec's parameter rules, each a function that finds what a value breaks and returns it
/// as a ``ParameterViolation`` (or `nil`), without deciding how it is reported. The client's
/// checks (``ParameterValidation``) throw them as ``XAPIError``s; a server can answer them
/// with its own messages from the same rules.
///
/// ```swift
/// ParameterRules.violation("../1", pattern: "^[0-9]{1,19}$", parameter: "id")
/// // ParameterViolation(parameter: "id", value: "../1", rule: .pattern("^[0-9]{1,19}$"))
/// ParameterRules.violation(100, minimum: 1, maximum: 1000, parameter: "max_results")   // nil
/// ```
public enum ParameterRules {
    /// Whether the value matches an OpenAPI (ECMA-262) pattern. As in JSON Schema, the pattern
    /// is searched anywhere in the value, so its own anchors (`^...$`) decide whether the whole
    /// string must match; `$` matches only at the very end (a trailing newline does not pass),
    /// and `\d`, `\w` are ASCII-only.
    public static func violation(_ value: String, pattern: String, parameter: String) -> ParameterViolation? {
        // Each pattern is compiled once (``PatternCache``), the commonest shapes without a regex.
        guard let matches = try? PatternCache.shared.matches(value, pattern: pattern) else {
            return ParameterViolation(parameter: parameter, value: value, rule: .invalidPattern(pattern))
        }
        return matches ? nil : ParameterViolation(parameter: parameter, value: value, rule: .pattern(pattern))
    }

    /// Whether the value matches an OpenAPI (ECMA-262) pattern, as
    /// ``violation(_:pattern:parameter:)`` decides; `false` when the pattern is not a valid
    /// regular expression. For checking a value against a spec's rule (such as a generated
    /// `SchemaPattern`) where no parameter is involved.
    ///
    /// ```swift
    /// ParameterRules.matches("2244994945", pattern: "^[0-9]{1,19}$")   // true
    /// ```
    public static func matches(_ value: String, pattern: String) -> Bool {
        (try? PatternCache.shared.matches(value, pattern: pattern)) ?? false
    }

    /// Whether a string's length in characters is within `minLength`/`maxLength` (`nil` for no bound).
    public static func violation(_ value: String, minLength: Int?, maxLength: Int?, parameter: String) -> ParameterViolation? {
        guard minLength != nil || maxLength != nil else { return nil }
        let length = value.count
        if let minLength, length < minLength {
            return ParameterViolation(parameter: parameter, value: value, rule: .tooShort(length: length, minimum: minLength, maximum: maxLength))
        }
        if let maxLength, length > maxLength {
            return ParameterViolation(parameter: parameter, value: value, rule: .tooLong(length: length, maximum: maxLength, minimum: minLength))
        }
        return nil
    }

    /// Whether an integer is within `minimum`/`maximum` (inclusive, `nil` for no bound).
    public static func violation(_ value: Int, minimum: Int?, maximum: Int?, parameter: String) -> ParameterViolation? {
        let lower = minimum.map(ParameterViolation.Bound.integer)
        let upper = maximum.map(ParameterViolation.Bound.integer)
        if let minimum, value < minimum {
            return ParameterViolation(parameter: parameter, value: String(value), rule: .belowMinimum(.integer(minimum), maximum: upper))
        }
        if let maximum, value > maximum {
            return ParameterViolation(parameter: parameter, value: String(value), rule: .aboveMaximum(.integer(maximum), minimum: lower))
        }
        return nil
    }

    /// Whether a number is within `minimum`/`maximum` (inclusive, `nil` for no bound); NaN never is.
    public static func violation(_ value: Double, minimum: Double?, maximum: Double?, parameter: String) -> ParameterViolation? {
        if value.isNaN {
            return ParameterViolation(parameter: parameter, value: String(value), rule: .notANumber)
        }
        let lower = minimum.map(ParameterViolation.Bound.number)
        let upper = maximum.map(ParameterViolation.Bound.number)
        if let minimum, value < minimum {
            return ParameterViolation(parameter: parameter, value: String(value), rule: .belowMinimum(.number(minimum), maximum: upper))
        }
        if let maximum, value > maximum {
            return ParameterViolation(parameter: parameter, value: String(value), rule: .aboveMaximum(.number(maximum), minimum: lower))
        }
        return nil
    }

    /// Whether a list's number of items is within `minItems`/`maxItems` (`nil` for no bound);
    /// `value` is the list as text, for the message.
    public static func violation(count: Int, minItems: Int?, maxItems: Int?, value: String = "", parameter: String) -> ParameterViolation? {
        if let minItems, count < minItems {
            return ParameterViolation(parameter: parameter, value: value, rule: .tooFewItems(count: count, minimum: minItems, maximum: maxItems))
        }
        if let maxItems, count > maxItems {
            return ParameterViolation(parameter: parameter, value: value, rule: .tooManyItems(count: count, maximum: maxItems, minimum: minItems))
        }
        return nil
    }

    /// Whether a list whose items must be unique (`uniqueItems`) holds one twice: the first
    /// item seen again.
    ///
    /// ```swift
    /// ParameterRules.violation(repeatedIn: ["id", "name", "id"], parameter: "user.fields")?.value   // "id"
    /// ```
    public static func violation(repeatedIn items: [String], parameter: String) -> ParameterViolation? {
        var seen = Set<String>()
        seen.reserveCapacity(items.count)
        for item in items where !seen.insert(item).inserted {
            return ParameterViolation(parameter: parameter, value: item, rule: .repeatedItem)
        }
        return nil
    }

    /// Whether the value is one of the allowed values (an `enum`).
    public static func violation(_ value: String, allowed: [String], parameter: String) -> ParameterViolation? {
        allowed.contains(value) ? nil : ParameterViolation(parameter: parameter, value: value, rule: .notListed(allowed: allowed))
    }

    /// Whether the value is one the spec lists: an ``OpenStringEnum`` also holds values it does
    /// not know (to decode what a server adds later), but those cannot be sent.
    public static func violation<Value: OpenStringEnum>(_ value: Value, parameter: String) -> ParameterViolation? {
        let raw = value.rawValue
        guard !Value.allCases.contains(where: { $0.rawValue == raw }) else { return nil }
        return ParameterViolation(parameter: parameter, value: raw, rule: .notListed(allowed: Value.allCases.map(\.rawValue)))
    }
}
