import XAPIRuntime
/// One problem with a received request, as X reports it in the `errors` of an invalid-request
/// problem: `{"parameters": {"max_results": ["5000"]}, "message": "The `max_results` query
/// parameter value [5000] is not between 1 and 1000"}`.
public struct InvalidParameter: Sendable, Hashable {
    /// The parameter, or `nil` for a problem with the body as a whole.
    public var parameter: String?
    /// The offending value as sent; `nil` when it is missing.
    public var value: String?
    /// X's message.
    public var message: String

    /// Creates an entry.
    public init(parameter: String?, value: String?, message: String) {
        self.parameter = parameter
        self.value = value
        self.message = message
    }

    /// The entry as X's JSON.
    public var json: JSONValue {
        var object: [String: JSONValue] = ["message": .string(message)]
        if let parameter {
            object["parameters"] = .object([parameter: .array(value.map { [.string($0)] } ?? [])])
        }
        return .object(object)
    }
}

/// A received request whose parameters or body break the spec's rules: every problem found,
/// not just the first. A server answers it with ``problem`` and status 400.
///
/// ```swift
/// do {
///     let input = try ServerOperations.UsersIdFollowers(request, route: route)
/// } catch {
///     answer(status: 400, problem: error.problem)
/// }
/// ```
public struct InvalidRequestError: Error, Sendable, Hashable {
    /// The problems, in the order found.
    public var errors: [InvalidParameter]

    /// Creates the error.
    public init(errors: [InvalidParameter]) {
        self.errors = errors
    }

    /// X's invalid-request problem document for these errors.
    public var problem: Problem { .invalidRequest(errors) }
}

extension Problem {
    /// X's `invalid-request` problem, the body of a 400:
    /// `{"errors": [...], "title": "Invalid Request", "detail": "One or more parameters to your
    /// request was invalid.", "type": "https://api.twitter.com/2/problems/invalid-request"}`.
    public static func invalidRequest(_ errors: [InvalidParameter]) -> Problem {
        Problem(
            type: "https://api.twitter.com/2/problems/invalid-request",
            title: "Invalid Request",
            detail: "One or more parameters to your request was invalid.",
            additionalProperties: ["errors": .array(errors.map(\.json))]
        )
    }
}
