/// A parameter value that breaks one of the spec's rules: which parameter, the offending value
/// and the rule with its bounds. It says nothing about who reports it: ``ParameterValidation``
/// renders it as the client's ``XAPIError`` (``XAPIError/init(_:operationID:)``); a server can
/// render the same violation in its own words.
///
/// ```swift
/// let violation = ParameterRules.violation(5000, minimum: 1, maximum: 1000, parameter: "max_results")
/// violation?.rule     // .aboveMaximum(.integer(1000), minimum: .integer(1))
/// violation?.value    // "5000"
/// ```
public struct ParameterViolation: Sendable, Hashable {
    /// A bound of a numeric rule, as the spec wrote it.
    public enum Bound: Sendable, Hashable, CustomStringConvertible {
        /// A bound of an integer parameter.
        case integer(Int)
        /// A bound of a number parameter.
        case number(Double)

        /// `1000` or `0.5`.
        public var description: String {
            switch self {
            case .integer(let value): String(value)
            case .number(let value): String(value)
            }
        }
    }

    /// The rule the value breaks.
    public enum Rule: Sendable, Hashable {
        /// It does not match the pattern (an ECMA-262 regular expression).
        case pattern(String)
        /// The spec's pattern is not a valid regular expression, so nothing can match it.
        case invalidPattern(String)
        /// It has `length` characters, fewer than `minimum`; `maximum` is the other bound, when there is one.
        case tooShort(length: Int, minimum: Int, maximum: Int?)
        /// It has `length` characters, more than `maximum`; `minimum` is the other bound, when there is one.
        case tooLong(length: Int, maximum: Int, minimum: Int?)
        /// It is less than `minimum`; `maximum` is the other bound, when there is one.
        case belowMinimum(Bound, maximum: Bound?)
        /// It is greater than `maximum`; `minimum` is the other bound, when there is one.
        case aboveMaximum(Bound, minimum: Bound?)
        /// It is not a number (NaN).
        case notANumber
        /// The list has `count` items, fewer than `minimum`; `maximum` is the other bound, when there is one.
        case tooFewItems(count: Int, minimum: Int, maximum: Int?)
        /// The list has `count` items, more than `maximum`; `minimum` is the other bound, when there is one.
        case tooManyItems(count: Int, maximum: Int, minimum: Int?)
        /// It is not one of the values the spec lists.
        case notListed(allowed: [String])
        /// It stands in the list more than once, where the spec says `uniqueItems`.
        case repeatedItem
    }

    /// The parameter's name as the spec writes it, e.g. `max_results`.
    public var parameter: String
    /// The offending value as text (for an item count, the items joined by commas).
    public var value: String
    /// The rule it breaks.
    public var rule: Rule

    /// Creates a violation.
    public init(parameter: String, value: String, rule: Rule) {
        self.parameter = parameter
        self.value = value
        self.rule = rule
    }
}
