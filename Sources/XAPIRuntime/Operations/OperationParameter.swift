/// One parameter of an operation as the spec declares it: its name, where it goes and the
/// rules a value keeps. Generated code names each operation's parameters in a namespace of
/// their own, so code that needs a parameter's name or bounds — a server naming it in an
/// error, a tool sizing its pages or batches — reads them from the spec instead of retyping
/// them:
///
/// ```swift
/// extension OperationParameter {
///     public enum UsersIDFollowers {
///         public static let maxResults = OperationParameter(name: "max_results", location: .query, minimum: 1, maximum: 1000)
///     }
/// }
/// OperationParameter.UsersIDFollowers.maxResults.range   // 1...1000
/// ```
///
/// The generated clients and servers check the same rules (``ParameterValidation``,
/// ``ParameterRules``); these values describe them.
public struct OperationParameter: Sendable, Hashable, CustomStringConvertible {
    /// Where a parameter travels.
    public enum Location: String, Sendable, Hashable {
        /// A segment of the path, `/2/users/{id}`.
        case path
        /// The query, `?max_results=100`.
        case query
        /// A member of the JSON body, `{"target_user_id": "…"}`.
        case body
        /// A header field, `Api-Key: …`.
        case header
        /// A cookie, `Cookie: session=…`.
        case cookie
    }

    /// The name as the spec writes it and requests and errors spell it, e.g. `max_results`.
    public let name: String
    /// Where it travels.
    public let location: Location
    /// The pattern (ECMA-262) a value, or each item of a list, must match.
    public let pattern: String?
    /// The fewest characters a value, or each item of a list, may have.
    public let minLength: Int?
    /// The most characters a value, or each item of a list, may have.
    public let maxLength: Int?
    /// The least an integer may be (inclusive).
    public let minimum: Int?
    /// The most an integer may be (inclusive).
    public let maximum: Int?
    /// The fewest items a list may have.
    public let minItems: Int?
    /// The most items a list may have.
    public let maxItems: Int?

    /// Creates a parameter description; a rule left `nil` does not apply.
    public init(
        name: String,
        location: Location,
        pattern: String? = nil,
        minLength: Int? = nil,
        maxLength: Int? = nil,
        minimum: Int? = nil,
        maximum: Int? = nil,
        minItems: Int? = nil,
        maxItems: Int? = nil
    ) {
        self.name = name
        self.location = location
        self.pattern = pattern
        self.minLength = minLength
        self.maxLength = maxLength
        self.minimum = minimum
        self.maximum = maximum
        self.minItems = minItems
        self.maxItems = maxItems
    }

    /// `minimum...maximum`, when the spec bounds the integer on both sides.
    public var range: ClosedRange<Int>? {
        guard let minimum, let maximum, minimum <= maximum else { return nil }
        return minimum...maximum
    }

    /// The name.
    public var description: String { name }
}
