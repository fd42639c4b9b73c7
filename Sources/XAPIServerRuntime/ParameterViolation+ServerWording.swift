import XAPIRuntime
/// A broken rule in X's words, as a server answers it. The rules themselves are
/// `ParameterRules`'s, the same the client checks before a request; only the wording is the
/// server's.
///
/// ```swift
/// let violation = ParameterRules.violation(5000, minimum: 1, maximum: 1000, parameter: "max_results")!
/// violation.serverMessage   // The `max_results` query parameter value [5000] is not between 1 and 1000
/// ```
extension ParameterViolation {
    /// X's message for a query or path parameter (X says "query" for both):
    /// `The `id` query parameter value [abc] does not match ^[0-9]{1,19}$`, or for the number
    /// of a list's values `The number of values in the `ids` query parameter list [101] is not
    /// between 1 and 100`.
    public var serverMessage: String {
        switch rule {
        case .tooFewItems(let count, let minimum, let maximum):
            Self.itemCountMessage(parameter, count: count, minimum: minimum, maximum: maximum)
        case .tooManyItems(let count, let maximum, let minimum):
            Self.itemCountMessage(parameter, count: count, minimum: minimum, maximum: maximum)
        default:
            "The `\(parameter)` query parameter value [\(value)] \(rule.serverWords)"
        }
    }

    /// X's message for a member of a JSON body: `$.target_user_id: does not match the regex
    /// pattern ^[0-9]{1,19}$`.
    public var serverBodyMessage: String {
        switch rule {
        case .pattern(let pattern), .invalidPattern(let pattern):
            "$.\(parameter): does not match the regex pattern \(pattern)"
        default:
            "$.\(parameter): \(rule.serverWords)"
        }
    }

    private static func itemCountMessage(_ parameter: String, count: Int, minimum: Int?, maximum: Int?) -> String {
        "The number of values in the `\(parameter)` query parameter list [\(count)] is not between "
            + "\(minimum ?? 0) and \(maximum.map(String.init) ?? "∞")"
    }
}

extension ParameterViolation.Rule {
    /// X's words for the rule, after "The `name` query parameter value [text] ": `is not
    /// between 1 and 1000`, `does not match ^[0-9]{1,19}$`, `is not one of [a,b]`.
    public var serverWords: String {
        switch self {
        case .pattern(let pattern), .invalidPattern(let pattern):
            return "does not match \(pattern)"
        case .tooShort(_, let minimum, let maximum):
            return Self.lengthWords(minimum: minimum, maximum: maximum)
        case .tooLong(_, let maximum, let minimum):
            return Self.lengthWords(minimum: minimum, maximum: maximum)
        case .belowMinimum(let minimum, let maximum):
            return Self.rangeWords(minimum: minimum, maximum: maximum, broken: "is less than \(minimum)")
        case .aboveMaximum(let maximum, let minimum):
            return Self.rangeWords(minimum: minimum, maximum: maximum, broken: "is greater than \(maximum)")
        case .notANumber:
            return "is not a valid number"
        case .tooFewItems(let count, let minimum, let maximum):
            return "has \(count) values, not between \(minimum) and \(maximum.map(String.init) ?? "∞")"
        case .tooManyItems(let count, let maximum, let minimum):
            return "has \(count) values, not between \(minimum ?? 0) and \(maximum)"
        case .notListed(let allowed):
            return "is not one of [\(allowed.sorted().joined(separator: ","))]"
        case .repeatedItem:
            // X's document says `uniqueItems`; the wording follows its other messages.
            return "is repeated; the values must be unique"
        }
    }

    private static func lengthWords(minimum: Int?, maximum: Int?) -> String {
        "is not between \(minimum ?? 0) and \(maximum.map(String.init) ?? "∞") characters long"
    }

    /// Integers name the one bound there is (`is less than 1`); numbers always give the range,
    /// with an infinite end where there is no bound (`is not between 0.0 and ∞`).
    private static func rangeWords(
        minimum: ParameterViolation.Bound?, maximum: ParameterViolation.Bound?, broken: String
    ) -> String {
        switch (minimum, maximum) {
        case (.integer(let minimum)?, .integer(let maximum)?):
            return "is not between \(minimum) and \(maximum)"
        case (.integer?, nil), (nil, .integer?):
            return broken
        default:
            return "is not between \(minimum.map(\.description) ?? "-∞") and \(maximum.map(\.description) ?? "∞")"
        }
    }
}
