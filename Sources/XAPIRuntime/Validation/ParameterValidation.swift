/// The spec's parameter constraints, checked before any request. Each check throws
/// ``XAPIError`` with code ``XAPIError/Code/invalidArgument`` naming the parameter, the value
/// and the rule.
///
/// ```swift
/// try ParameterValidation.check(id, pattern: "^[0-9]{1,19}$", parameter: "id", operation: "usersIdFollowers")
/// // "../1" -> usersIdFollowers: invalidArgument: The value "../1" of parameter "id" does not match the pattern ^[0-9]{1,19}$.
/// try ParameterValidation.check(maxResults, minimum: 1, maximum: 1000, parameter: "max_results", operation: "usersIdFollowers")
/// ```
public enum ParameterValidation {
    /// Checks that the value matches an OpenAPI (ECMA-262) pattern. As in JSON Schema, the
    /// pattern is searched anywhere in the value, so its own anchors (`^...$`) decide whether
    /// the whole string must match; `$` matches only at the very end (a trailing newline does
    /// not pass), and `\d`, `\w` are ASCII-only.
    public static func check(_ value: String, pattern: String, parameter: String, operation: String) throws {
        let matches: Bool
        do {
            matches = try PatternCache.shared.matches(value, pattern: pattern)
        } catch {
            throw XAPIError(
                code: .invalidArgument,
                operationID: operation,
                message: "The pattern \(pattern) of parameter \"\(parameter)\" is not a valid regular expression.",
                parameter: parameter,
                underlyingError: error
            )
        }
        guard matches else {
            throw invalid(value, parameter: parameter, operation: operation, rule: "does not match the pattern \(pattern)")
        }
    }

    /// Checks a string's length in characters (`minLength`/`maxLength`, `nil` for no bound).
    public static func check(
        _ value: String, minLength: Int?, maxLength: Int?, parameter: String, operation: String
    ) throws {
        guard minLength != nil || maxLength != nil else { return }
        let length = value.count
        if let minLength, length < minLength {
            throw invalid(value, parameter: parameter, operation: operation,
                          rule: "is \(length) characters long, shorter than the minimum length \(minLength)")
        }
        if let maxLength, length > maxLength {
            throw invalid(value, parameter: parameter, operation: operation,
                          rule: "is \(length) characters long, longer than the maximum length \(maxLength)")
        }
    }

    /// Checks an integer against `minimum`/`maximum` (inclusive, `nil` for no bound).
    public static func check(_ value: Int, minimum: Int?, maximum: Int?, parameter: String, operation: String) throws {
        if let minimum, value < minimum {
            throw invalid(String(value), parameter: parameter, operation: operation,
                          rule: "is less than the minimum \(minimum)\(range(minimum, maximum))")
        }
        if let maximum, value > maximum {
            throw invalid(String(value), parameter: parameter, operation: operation,
                          rule: "is greater than the maximum \(maximum)\(range(minimum, maximum))")
        }
    }

    /// Checks a number against `minimum`/`maximum` (inclusive, `nil` for no bound); NaN fails.
    public static func check(
        _ value: Double, minimum: Double?, maximum: Double?, parameter: String, operation: String
    ) throws {
        if value.isNaN {
            throw invalid(String(value), parameter: parameter, operation: operation, rule: "is not a number")
        }
        if let minimum, value < minimum {
            throw invalid(String(value), parameter: parameter, operation: operation,
                          rule: "is less than the minimum \(minimum)\(range(minimum, maximum))")
        }
        if let maximum, value > maximum {
            throw invalid(String(value), parameter: parameter, operation: operation,
                          rule: "is greater than the maximum \(maximum)\(range(minimum, maximum))")
        }
    }

    /// Checks an array's number of items (`minItems`/`maxItems`, `nil` for no bound).
    public static func check(count: Int, minItems: Int?, maxItems: Int?, parameter: String, operation: String) throws {
        if let minItems, count < minItems {
            throw XAPIError(
                code: .invalidArgument,
                operationID: operation,
                message: "Parameter \"\(parameter)\" has \(count) items, fewer than the minimum of \(minItems).",
                parameter: parameter
            )
        }
        if let maxItems, count > maxItems {
            throw XAPIError(
                code: .invalidArgument,
                operationID: operation,
                message: "Parameter \"\(parameter)\" has \(count) items, more than the maximum of \(maxItems).",
                parameter: parameter
            )
        }
    }

    /// Checks that the value is one of the allowed values (an `enum`).
    public static func check(_ value: String, allowed: [String], parameter: String, operation: String) throws {
        guard !allowed.contains(value) else { return }
        throw invalid(value, parameter: parameter, operation: operation,
                      rule: "is not one of the allowed values: \(allowed.joined(separator: ", "))")
    }

    private static func range<T>(_ minimum: T?, _ maximum: T?) -> String {
        guard let minimum, let maximum else { return "" }
        return " (allowed: \(minimum)...\(maximum))"
    }

    private static func invalid(_ value: String, parameter: String, operation: String, rule: String) -> XAPIError {
        let shown = value.count > 80 ? "\(value.prefix(80))…" : value
        let escaped = shown.unicodeScalars.map { $0.escaped(asASCII: false) }.joined()
        return XAPIError(
            code: .invalidArgument,
            operationID: operation,
            message: "The value \"\(escaped)\" of parameter \"\(parameter)\" \(rule).",
            parameter: parameter
        )
    }
}
