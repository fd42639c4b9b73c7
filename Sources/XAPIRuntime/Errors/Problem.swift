/// An X API problem document (RFC 7807 style): the body of a failed request, or one entry of
/// a successful response's `errors`.
///
/// Members other than `type`, `title`, `detail` and `status` (`value`, `parameter`,
/// `resource_id`, `errors`, ...) are kept in ``additionalProperties``:
///
/// ```swift
/// let problem = try XAPIJSON.makeDecoder().decode(Problem.self, from: body)
/// problem.kind                                // .resourceNotFound
/// problem.additionalProperties["resource_id"] // .string("2244994945")
/// ```
public struct Problem: Codable, Hashable, Sendable {
    /// A URL naming the problem type, e.g. `https://api.x.com/2/problems/resource-not-found`.
    public var type: String?
    /// A short summary of the problem type.
    public var title: String?
    /// An explanation specific to this occurrence.
    public var detail: String?
    /// The HTTP status code.
    public var status: Int?
    /// Every other member, as sent.
    public var additionalProperties: [String: JSONValue]

    /// Creates a problem.
    public init(
        type: String? = nil,
        title: String? = nil,
        detail: String? = nil,
        status: Int? = nil,
        additionalProperties: [String: JSONValue] = [:]
    ) {
        self.type = type
        self.title = title
        self.detail = detail
        self.status = status
        self.additionalProperties = additionalProperties
    }

    private static let knownMembers: Set<String> = ["type", "title", "detail", "status"]

    /// Decodes a problem object, keeping unknown members. A `status` sent as a string of
    /// digits is accepted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: JSONCodingKey.self)
        type = try container.decodeIfPresent(String.self, forKey: JSONCodingKey("type"))
        title = try container.decodeIfPresent(String.self, forKey: JSONCodingKey("title"))
        detail = try container.decodeIfPresent(String.self, forKey: JSONCodingKey("detail"))
        if let number = try? container.decodeIfPresent(Int.self, forKey: JSONCodingKey("status")) {
            status = number
        } else if let text = try? container.decodeIfPresent(String.self, forKey: JSONCodingKey("status")) {
            status = Int(text)
        } else {
            status = nil
        }
        var additional: [String: JSONValue] = [:]
        for key in container.allKeys where !Self.knownMembers.contains(key.stringValue) {
            additional[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        additionalProperties = additional
    }

    /// Encodes the known members and every additional one.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONCodingKey.self)
        for (name, value) in additionalProperties where !Self.knownMembers.contains(name) {
            try container.encode(value, forKey: JSONCodingKey(name))
        }
        try container.encodeIfPresent(type, forKey: JSONCodingKey("type"))
        try container.encodeIfPresent(title, forKey: JSONCodingKey("title"))
        try container.encodeIfPresent(detail, forKey: JSONCodingKey("detail"))
        try container.encodeIfPresent(status, forKey: JSONCodingKey("status"))
    }
}
