/// The members of a JSON object by name, for the `Codable` code xapi-gen writes: one generic
/// function per use, so the compiler resolves each member at once, and one key type for every
/// model, instead of a synthesized `CodingKeys` enum per struct.
///
/// ```swift
/// public init(from decoder: any Decoder) throws {
///     let members = try decoder.container(keyedBy: JSONCodingKey.self)
///     self.id = try members.member("id")
///     self.pinnedTweetID = try members.optionalMember("pinned_tweet_id")
/// }
/// ```
extension KeyedDecodingContainer where Key == JSONCodingKey {
    /// The member `name`, which must be present (and not `null`, unless `Value` is optional).
    public func member<Value: Decodable>(_ name: String) throws -> Value {
        try decode(Value.self, forKey: JSONCodingKey(name))
    }

    /// The member `name`, or `nil` when it is absent or `null`.
    public func optionalMember<Value: Decodable>(_ name: String) throws -> Value? {
        try decodeIfPresent(Value.self, forKey: JSONCodingKey(name))
    }
}

/// Writes the members of a JSON object by name, for the `Codable` code xapi-gen writes.
///
/// ```swift
/// public func encode(to encoder: any Encoder) throws {
///     var members = encoder.container(keyedBy: JSONCodingKey.self)
///     try members.encodeMember(self.id, "id")
///     try members.encodeMemberIfPresent(self.pinnedTweetID, "pinned_tweet_id")
/// }
/// ```
extension KeyedEncodingContainer where Key == JSONCodingKey {
    /// Writes the member `name`; an optional without a value is written as `null`.
    public mutating func encodeMember<Value: Encodable>(_ value: Value, _ name: String) throws {
        try encode(value, forKey: JSONCodingKey(name))
    }

    /// Writes the member `name` when it has a value, and leaves it out otherwise.
    public mutating func encodeMemberIfPresent<Value: Encodable>(_ value: Value?, _ name: String) throws {
        try encodeIfPresent(value, forKey: JSONCodingKey(name))
    }
}
