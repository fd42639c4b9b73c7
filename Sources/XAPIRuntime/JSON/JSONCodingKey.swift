/// A coding key for any member name, used by generated `Codable` code that keeps unknown
/// members (`additionalProperties`).
///
/// ```swift
/// let container = try decoder.container(keyedBy: JSONCodingKey.self)
/// for key in container.allKeys where key.stringValue != "id" { ... }
/// try container.decode(String.self, forKey: JSONCodingKey("id"))
/// ```
public struct JSONCodingKey: CodingKey, Hashable, Sendable {
    /// The member name.
    public var stringValue: String
    /// The array index, for keys made from an integer.
    public var intValue: Int?

    /// A key for the member `name`.
    public init(_ name: String) {
        self.stringValue = name
        self.intValue = nil
    }

    /// A key for the member `stringValue`.
    public init(stringValue: String) {
        self.init(stringValue)
    }

    /// A key for an array index.
    public init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}
