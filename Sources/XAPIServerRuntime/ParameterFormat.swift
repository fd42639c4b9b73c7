import Foundation
import XAPIRuntime

/// How a server reads one parameter value from text and which of the spec's rules it must
/// keep: generated server code passes one to ``ServerInputDecoder`` for each parameter.
///
/// The rules are the client's (`ParameterRules`, which `ParameterValidation` checks before
/// a request); only the wording differs, since a server answers in X's words
/// (`ParameterViolation.serverRule`): `The `max_results` query parameter value [5000] is not
/// between 1 and 1000`.
///
/// ```swift
/// decoder.query("max_results", .integer(minimum: 1, maximum: 1000))
/// decoder.path("id", .string(pattern: "^[0-9]{1,19}$"))
/// decoder.queryList("user.fields", .value(User.Field.self))
/// ```
public struct ParameterFormat<Value: Sendable>: Sendable {
    /// The value a text stands for, or `nil` when it is not one.
    let parse: @Sendable (String) -> Value?
    /// X's words for text that is not a value, after "The `name` query parameter value [text] ".
    let notAValue: String
    /// The rule a value of the parameter breaks, or `nil` when it keeps them all.
    let rules: @Sendable (_ value: Value, _ parameter: String) -> ParameterViolation?

    /// A format from its parts: how text becomes a value, X's words when it does not, and the
    /// rules a value must keep (usually a `ParameterRules` function).
    public init(
        parse: @escaping @Sendable (String) -> Value?,
        notAValue: String,
        rules: @escaping @Sendable (_ value: Value, _ parameter: String) -> ParameterViolation? = { _, _ in nil }
    ) {
        self.parse = parse
        self.notAValue = notAValue
        self.rules = rules
    }
}

extension ParameterFormat where Value == String {
    /// Text, with the spec's `pattern`, `minLength` and `maxLength`.
    public static func string(pattern: String? = nil, minLength: Int? = nil, maxLength: Int? = nil) -> Self {
        ParameterFormat(parse: { $0 }, notAValue: "is not valid") { value, parameter in
            if let pattern, let violation = ParameterRules.violation(value, pattern: pattern, parameter: parameter) {
                return violation
            }
            return ParameterRules.violation(value, minLength: minLength, maxLength: maxLength, parameter: parameter)
        }
    }

    /// Text that must be one of the listed values (a string `enum` typed as text).
    public static func string(allowed: [String]) -> Self {
        ParameterFormat(parse: { $0 }, notAValue: "is not valid") { value, parameter in
            ParameterRules.violation(value, allowed: allowed, parameter: parameter)
        }
    }
}

extension ParameterFormat where Value == Int {
    /// An integer, with the spec's `minimum` and `maximum` (inclusive).
    public static func integer(minimum: Int? = nil, maximum: Int? = nil) -> Self {
        ParameterFormat(parse: { Int($0) }, notAValue: "is not a valid integer") { value, parameter in
            ParameterRules.violation(value, minimum: minimum, maximum: maximum, parameter: parameter)
        }
    }
}

extension ParameterFormat where Value == Double {
    /// A number, with the spec's `minimum` and `maximum` (inclusive).
    public static func number(minimum: Double? = nil, maximum: Double? = nil) -> Self {
        ParameterFormat(parse: { Double($0).flatMap { $0.isFinite ? $0 : nil } }, notAValue: "is not a valid number") { value, parameter in
            ParameterRules.violation(value, minimum: minimum, maximum: maximum, parameter: parameter)
        }
    }
}

extension ParameterFormat where Value == Bool {
    /// `true` or `false`.
    public static var boolean: Self {
        ParameterFormat(parse: { text in text == "true" ? true : text == "false" ? false : nil },
                        notAValue: "is not a valid boolean")
    }
}

extension ParameterFormat where Value == Date {
    /// An RFC 3339 date-time, as X writes them (`2024-10-02T09:30:00.000Z`).
    public static var dateTime: Self {
        ParameterFormat(parse: { XAPIJSON.date(from: $0) }, notAValue: "is not a valid RFC 3339 date-time")
    }
}

extension ParameterFormat where Value == URL {
    /// An absolute URL.
    public static var url: Self {
        ParameterFormat(parse: { text in URL(string: text).flatMap { $0.scheme == nil ? nil : $0 } },
                        notAValue: "is not a valid URL")
    }
}

extension ParameterFormat where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One of a generated string enum's listed cases; a value the spec does not list is refused,
    /// although an `OpenStringEnum` could keep it as `unknown`.
    public static func value(_ type: Value.Type) -> Self {
        let allowed = Value.allCases.map(\.rawValue)
        return ParameterFormat(
            parse: { Value(rawValue: $0) },
            notAValue: ParameterViolation.Rule.notListed(allowed: allowed).serverWords
        ) { value, parameter in
            ParameterRules.violation(value.rawValue, allowed: allowed, parameter: parameter)
        }
    }
}

extension ParameterFormat where Value: RawRepresentable, Value.RawValue == String {
    /// A value of a type the spec names with `x-swift-type`, made from its raw text.
    public static func rawValue(_ type: Value.Type) -> Self {
        ParameterFormat(parse: { Value(rawValue: $0) }, notAValue: "is not valid")
    }
}
