import Foundation
import XAPIRuntime

/// Reads a received request's path parameters, query and body into typed values, checking
/// the spec's rules as X does and collecting every problem in X's words.
///
/// Generated server code makes one per request, reads each parameter, then calls
/// ``finish()``, which throws all the problems found at once:
///
/// ```swift
/// var decoder = ServerInputDecoder(request, route: route,
///                                  parameters: ["id", "max_results", "pagination_token"])
/// let id = decoder.path("id", .string(pattern: "^[0-9]{1,19}$"))
/// let maxResults = decoder.query("max_results", .integer(minimum: 1, maximum: 1000)) ?? 100
/// try decoder.finish()
/// ```
///
/// The query is checked as X checks it: a parameter the operation does not have, or one sent
/// twice (other than an exploded list), is an error naming the operation's parameters.
public struct ServerInputDecoder: Sendable {
    /// The problems found so far.
    public private(set) var errors: [InvalidParameter] = []
    let request: ServerRequest
    private let pathParameters: [String: String]
    /// The query's values by name, in the order sent.
    private var queryValues: [String: [String]] = [:]
    /// Older values of parameters, each mapped to the value it stands for.
    private let valueAliases: [String: [String: String]]

    /// Starts decoding a request routed to an operation.
    ///
    /// - Parameters:
    ///   - request: The request as received.
    ///   - route: The operation it matched, with its path parameters.
    ///   - parameters: The names of all the operation's path and query parameters; a query item
    ///     named otherwise (or named like a path parameter) is refused.
    ///   - repeatable: Query parameters that may be sent more than once (lists with `explode`).
    ///   - aliases: Older names of query parameters, each mapped to the parameter's name
    ///     (`["tweet.fields": "post.fields"]`); a request may use either, not both.
    ///   - valueAliases: Older values of query parameters, by parameter, each mapped to the
    ///     value it stands for (`["expansions": ["pinned_tweet_id": "pinned_post_id"]]`).
    public init(
        _ request: ServerRequest, route: ServerRoute, parameters: [String], repeatable: Set<String> = [],
        aliases: [String: String] = [:], valueAliases: [String: [String: String]] = [:]
    ) {
        self.request = request
        self.pathParameters = route.pathParameters
        self.valueAliases = valueAliases
        for var item in request.queryItems {
            if let name = aliases[item.name], route.pathParameters[item.name] == nil { item.name = name }
            guard parameters.contains(item.name), route.pathParameters[item.name] == nil else {
                errors.append(InvalidParameter(
                    parameter: item.name, value: item.value,
                    message: "The query parameter [\(item.name)] is not one of [\(parameters.sorted().joined(separator: ","))]"))
                continue
            }
            if queryValues[item.name] != nil, !repeatable.contains(item.name) {
                errors.append(InvalidParameter(parameter: item.name, value: item.value,
                                               message: "Duplicate parameters are not allowed: the `\(item.name)` query parameter"))
                continue
            }
            queryValues[item.name, default: []].append(item.value)
        }
    }

    /// A path parameter; `nil` (and an error) when it is missing or breaks the format's rules.
    public mutating func path<Value>(_ name: String, _ format: ParameterFormat<Value>) -> Value? {
        guard let text = pathParameters[name] else {
            errors.append(InvalidParameter(parameter: name, value: nil, message: "The `\(name)` path parameter is missing"))
            return nil
        }
        return read(text, name: name, format)
    }

    /// A query parameter; `nil` when it is absent (an error too when `required`) or breaks the
    /// format's rules.
    public mutating func query<Value>(_ name: String, _ format: ParameterFormat<Value>, required: Bool = false) -> Value? {
        guard let text = queryValues[name]?.first else {
            if required { missing(name) }
            return nil
        }
        return read(text, name: name, format)
    }

    /// A list query parameter: comma-separated in one item (`explode: false`, X's style) or
    /// repeated; `nil` when absent (an error too when `required`) or when any value, the
    /// number of values, or a value given twice where they must be unique (`uniqueItems`),
    /// breaks the rules.
    public mutating func queryList<Value>(
        _ name: String,
        _ format: ParameterFormat<Value>,
        explode: Bool = false,
        required: Bool = false,
        minItems: Int? = nil,
        maxItems: Int? = nil,
        uniqueItems: Bool = false
    ) -> [Value]? {
        guard let items = queryValues[name] else {
            if required { missing(name) }
            return nil
        }
        return list(name, items: items, format, explode: explode, minItems: minItems, maxItems: maxItems, uniqueItems: uniqueItems)
    }

    /// The values of a list parameter sent as `items`, checked; `nil` (and an error) when any
    /// breaks the rules.
    mutating func list<Value>(
        _ name: String, items: [String], _ format: ParameterFormat<Value>, explode: Bool, place: String = "query",
        minItems: Int?, maxItems: Int?, uniqueItems: Bool
    ) -> [Value]? {
        let sentTexts = explode ? items : items.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        // An older spelling stands for its value, so it and the value are one value twice.
        let texts = valueAliases[name].map { aliases in sentTexts.map { aliases[$0] ?? $0 } } ?? sentTexts
        if texts == [""] || texts.isEmpty {
            missing(name, place: place)
            return nil
        }
        let sent = items.joined(separator: ",")
        if let violation = ParameterRules.violation(count: texts.count, minItems: minItems, maxItems: maxItems, value: sent, parameter: name) {
            errors.append(InvalidParameter(parameter: name, value: sent, message: violation.serverMessage))
            return nil
        }
        if uniqueItems, let violation = ParameterRules.violation(repeatedIn: texts, parameter: name) {
            errors.append(InvalidParameter(parameter: name, value: sent, message: violation.serverMessage))
            return nil
        }
        var values: [Value] = []
        values.reserveCapacity(texts.count)
        let before = errors.count
        for text in texts {
            if let value = read(text, name: name, format, place: place) { values.append(value) }
            // X names the first bad value of a list only.
            if errors.count > before { break }
        }
        return errors.count > before ? nil : values
    }

    /// The JSON body decoded as `type` with the X coders; `nil` (and an error in X's words)
    /// when it is missing, not a JSON object, or not of the type.
    public mutating func jsonBody<Body: Decodable>(_ type: Body.Type, required: Bool = true) -> Body? {
        guard !request.body.isEmpty else {
            if required {
                errors.append(InvalidParameter(parameter: nil, value: nil, message: "The request body must be a JSON object"))
            }
            return nil
        }
        do {
            return try XAPIJSON.makeDecoder().decode(Body.self, from: request.body)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            // Not JSON at all.
            errors.append(InvalidParameter(parameter: nil, value: nil, message: "The request body must be a JSON object"))
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            // JSON, but not an object.
            errors.append(InvalidParameter(parameter: nil, value: nil, message: "The request body must be a JSON object"))
        } catch DecodingError.keyNotFound(let key, let context) {
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            errors.append(InvalidParameter(parameter: nil, value: nil, message: "$.\(path): is missing but it is required"))
        } catch DecodingError.valueNotFound(let type, let context), DecodingError.typeMismatch(let type, let context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            errors.append(InvalidParameter(parameter: nil, value: nil, message: "$.\(path): expected \(Self.jsonKind(type))"))
        } catch DecodingError.dataCorrupted(let context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            errors.append(InvalidParameter(parameter: nil, value: nil, message: "$.\(path): \(context.debugDescription)"))
        } catch {
            errors.append(InvalidParameter(parameter: nil, value: nil, message: "The request body is not valid"))
        }
        return nil
    }

    /// Checks a member of a decoded body against the spec's rules: `$.name: does not match the
    /// regex pattern …`.
    public mutating func bodyMember<Value>(_ name: String, _ value: Value?, _ format: ParameterFormat<Value>) {
        guard let value, let violation = format.rules(value, name) else { return }
        errors.append(InvalidParameter(parameter: name, value: "\(value)", message: violation.serverBodyMessage))
    }

    /// Throws every problem found, if any.
    public func finish() throws(InvalidRequestError) {
        guard errors.isEmpty else { throw InvalidRequestError(errors: errors) }
    }

    /// Records a problem a generated input found itself.
    public mutating func record(_ problem: InvalidParameter) {
        errors.append(problem)
    }

    mutating func read<Value>(_ sent: String, name: String, _ format: ParameterFormat<Value>, place: String = "query") -> Value? {
        let text = valueAliases[name]?[sent] ?? sent
        guard let value = format.parse(text) else {
            errors.append(InvalidParameter(parameter: name, value: text,
                                           message: "The `\(name)` \(place) parameter value [\(text)] \(format.notAValue)"))
            return nil
        }
        if var violation = format.rules(value, name) {
            violation.value = text  // X repeats the text as sent
            errors.append(InvalidParameter(parameter: name, value: text, message: violation.serverMessage))
            return nil
        }
        return value
    }

    mutating func missing(_ name: String, place: String = "query") {
        errors.append(InvalidParameter(parameter: name, value: nil, message: "The `\(name)` \(place) parameter can not be empty"))
    }

    private static func jsonKind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Int32.Type, is Int64.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        default: "a value of another type"
        }
    }
}
