extension XAPIError {
    /// The client's error for a parameter that breaks a rule, before any request:
    /// code ``Code/invalidArgument``, the parameter, and a message naming the value and the rule.
    ///
    /// ```swift
    /// XAPIError(ParameterViolation(parameter: "id", value: "../1", rule: .pattern("^[0-9]{1,19}$")),
    ///           operationID: "usersIdFollowers").message
    /// // The value "../1" of parameter "id" does not match the pattern ^[0-9]{1,19}$.
    /// ```
    public init(_ violation: ParameterViolation, operationID: String) {
        self.init(code: .invalidArgument, operationID: operationID, message: Self.message(violation), parameter: violation.parameter)
    }

    private static func message(_ violation: ParameterViolation) -> String {
        let parameter = violation.parameter
        let rule: String
        switch violation.rule {
        case .invalidPattern(let pattern):
            return "The pattern \(pattern) of parameter \"\(parameter)\" is not a valid regular expression."
        case .tooFewItems(let count, let minimum, _):
            return "Parameter \"\(parameter)\" has \(count) items, fewer than the minimum of \(minimum)."
        case .tooManyItems(let count, let maximum, _):
            return "Parameter \"\(parameter)\" has \(count) items, more than the maximum of \(maximum)."
        case .pattern(let pattern):
            rule = "does not match the pattern \(pattern)"
        case .tooShort(let length, let minimum, _):
            rule = "is \(length) characters long, shorter than the minimum length \(minimum)"
        case .tooLong(let length, let maximum, _):
            rule = "is \(length) characters long, longer than the maximum length \(maximum)"
        case .belowMinimum(let minimum, let maximum):
            rule = "is less than the minimum \(minimum)" + (maximum.map { " (allowed: \(minimum)...\($0))" } ?? "")
        case .aboveMaximum(let maximum, let minimum):
            rule = "is greater than the maximum \(maximum)" + (minimum.map { " (allowed: \($0)...\(maximum))" } ?? "")
        case .notANumber:
            rule = "is not a number"
        case .notListed(let allowed):
            rule = "is not one of the allowed values: \(allowed.joined(separator: ", "))"
        case .repeatedItem:
            rule = "stands in the list more than once; its values must be unique"
        }
        let value = violation.value
        let shown = value.count > 80 ? "\(value.prefix(80))…" : value
        let escaped = shown.unicodeScalars.map { $0.escaped(asASCII: false) }.joined()
        return "The value \"\(escaped)\" of parameter \"\(parameter)\" \(rule)."
    }
}
