/// Where and how a body failed to decode as the receiver's `Event`, told without a single
/// value of the body: the coding path, the kind of failure, and the missing key or the type
/// expected. A `DecodingError`'s own `debugDescription` is left out on purpose: decoders put
/// the offending value in it (`found "…"`), and a body's values are the user's data.
///
/// ```swift
/// DecodingFailure(error).location   // "data.payload.source.id"
/// DecodingFailure(error).reason     // "key not found: id"
/// ```
struct DecodingFailure: Sendable, Hashable, CustomStringConvertible {
    /// The dotted coding path (`data.payload.users[2].id`), or `(root)`.
    var location: String
    /// What went wrong there, e.g. `type mismatch: expected String`.
    var reason: String

    init(_ error: any Error) {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            location = Self.path(context.codingPath)
            reason = "key not found: \(key.stringValue)"
        case DecodingError.valueNotFound(let type, let context):
            location = Self.path(context.codingPath)
            reason = "null where a value was expected: \(type)"
        case DecodingError.typeMismatch(let type, let context):
            location = Self.path(context.codingPath)
            reason = "type mismatch: expected \(type)"
        case DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty:
            location = Self.path([])
            reason = "not valid JSON"
        case DecodingError.dataCorrupted(let context):
            location = Self.path(context.codingPath)
            reason = "invalid value"
        default:
            location = Self.path([])
            reason = "\(type(of: error))"
        }
    }

    /// `location: reason`.
    var description: String { "\(location): \(reason)" }

    /// A coding path as `data.users[2].id`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        guard !codingPath.isEmpty else { return "(root)" }
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }
}
