/// The spec's parameter constraints, checked by generated clients before any request. Each
/// check asks ``ParameterRules`` for a ``ParameterViolation`` and throws it as an
/// ``XAPIError`` with code ``XAPIError/Code/invalidArgument`` naming the parameter, the value
/// and the rule.
///
/// ```swift
/// try ParameterValidation.check(id, pattern: "^[0-9]{1,19}$", parameter: "id", operation: "usersIdFollowers")
/// // "../1" -> usersIdFollowers: invalidArgument: The value "../1" of parameter "id" does not match the pattern ^[0-9]{1,19}$.
/// try ParameterValidation.check(maxResults, minimum: 1, maximum: 1000, parameter: "max_results", operation: "usersIdFollowers")
/// try ParameterValidation.checkEachListed(userFields, parameter: "user.fields", operation: "usersIdFollowers")
/// ```
public enum ParameterValidation {
    /// Checks that the value matches an OpenAPI (ECMA-262) pattern; see
    /// ``ParameterRules/violation(_:pattern:parameter:)``.
    public static func check(_ value: String, pattern: String, parameter: String, operation: String) throws {
        try report(ParameterRules.violation(value, pattern: pattern, parameter: parameter), operation)
    }

    /// Checks a string's length in characters (`minLength`/`maxLength`, `nil` for no bound).
    public static func check(
        _ value: String, minLength: Int?, maxLength: Int?, parameter: String, operation: String
    ) throws {
        try report(ParameterRules.violation(value, minLength: minLength, maxLength: maxLength, parameter: parameter), operation)
    }

    /// Checks an integer against `minimum`/`maximum` (inclusive, `nil` for no bound).
    public static func check(_ value: Int, minimum: Int?, maximum: Int?, parameter: String, operation: String) throws {
        try report(ParameterRules.violation(value, minimum: minimum, maximum: maximum, parameter: parameter), operation)
    }

    /// Checks a number against `minimum`/`maximum` (inclusive, `nil` for no bound); NaN fails.
    public static func check(
        _ value: Double, minimum: Double?, maximum: Double?, parameter: String, operation: String
    ) throws {
        try report(ParameterRules.violation(value, minimum: minimum, maximum: maximum, parameter: parameter), operation)
    }

    /// Checks an array's number of items (`minItems`/`maxItems`, `nil` for no bound).
    public static func check(count: Int, minItems: Int?, maxItems: Int?, parameter: String, operation: String) throws {
        try report(ParameterRules.violation(count: count, minItems: minItems, maxItems: maxItems, parameter: parameter), operation)
    }

    /// Checks that the value is one of the allowed values (an `enum`).
    public static func check(_ value: String, allowed: [String], parameter: String, operation: String) throws {
        try report(ParameterRules.violation(value, allowed: allowed, parameter: parameter), operation)
    }

    /// Checks that an enum value is one the spec lists, not an ``OpenStringEnum`` value kept
    /// from a server that the spec does not allow sending.
    public static func checkListed<Value: OpenStringEnum>(_ value: Value, parameter: String, operation: String) throws {
        try report(ParameterRules.violation(value, parameter: parameter), operation)
    }

    /// Checks that every value of a list of enum values is one the spec lists.
    public static func checkEachListed<Values: Sequence>(
        _ values: Values, parameter: String, operation: String
    ) throws where Values.Element: OpenStringEnum {
        for value in values {
            try report(ParameterRules.violation(value, parameter: parameter), operation)
        }
    }

    private static func report(_ violation: ParameterViolation?, _ operation: String) throws {
        if let violation { throw XAPIError(violation, operationID: operation) }
    }
}
