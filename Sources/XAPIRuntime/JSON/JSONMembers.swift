/// The key of a JSON object's member, for the `Codable` code xapi-gen writes: one key type for
/// every model instead of a synthesized `CodingKeys` enum per struct.
///
/// Only a name, no integer: 16 bytes. Foundation's `JSONDecoder` keeps the coding path as
/// `any CodingKey` while it decodes a nested object or array, and a key of 16 bytes fits in the
/// existential inline; ``JSONCodingKey`` (25 bytes, with its optional integer) needs a heap box,
/// one more allocation for every nested member decoded (measured: 1.5 M vs 1.4 M allocations
/// for 100,000 objects with one nested member each).
public struct JSONMemberKey: CodingKey, Hashable, Sendable {
    /// The member name.
    public let stringValue: String

    /// A key for the member `name`.
    public init(_ name: String) {
        self.stringValue = name
    }

    /// A key for the member `stringValue`.
    public init(stringValue: String) {
        self.stringValue = stringValue
    }

    /// Members have no integer keys: `nil`.
    public var intValue: Int? { nil }

    /// Members have no integer keys: `nil`.
    public init?(intValue: Int) {
        nil
    }
}

/// The members of a JSON object by name, for the `Codable` code xapi-gen writes: one generic
/// function per use, so the compiler resolves each member at once.
///
/// ```swift
/// public init(from decoder: any Decoder) throws {
///     let members = try decoder.container(keyedBy: JSONMemberKey.self)
///     self.id = try members.member("id")
///     self.pinnedTweetID = try members.optionalMember("pinned_tweet_id")
/// }
/// ```
extension KeyedDecodingContainer where Key == JSONMemberKey {
    /// The member `name`, which must be present (and not `null`, unless `Value` is optional).
    public func member<Value: Decodable>(_ name: String) throws -> Value {
        try decode(Value.self, forKey: JSONMemberKey(name))
    }

    /// The member `name`, or `nil` when it is absent or `null`.
    public func optionalMember<Value: Decodable>(_ name: String) throws -> Value? {
        try decodeIfPresent(Value.self, forKey: JSONMemberKey(name))
    }

    /// The member `name`, whose case `discriminator` (a sibling member) names.
    public func member<Value: ParentDiscriminated>(_ name: String, discriminator: String?) throws -> Value {
        try Value(from: superDecoder(forKey: JSONMemberKey(name)), discriminator: discriminator)
    }

    /// The member `name`, whose case `discriminator` (a sibling member) names; `nil` when it is
    /// absent or `null`.
    public func optionalMember<Value: ParentDiscriminated>(_ name: String, discriminator: String?) throws -> Value? {
        let key = JSONMemberKey(name)
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try Value(from: superDecoder(forKey: key), discriminator: discriminator)
    }

    /// The member `name`, or `nil` when it is absent; `null` is refused. Generated code reads
    /// the optional members of request bodies this way: the schema lets a client leave such a
    /// member out, not send it as `null`.
    ///
    /// - Throws: `DecodingError.valueNotFound` for `null`.
    public func absentOrMember<Value: Decodable>(_ name: String) throws -> Value? {
        let key = JSONMemberKey(name)
        guard contains(key) else { return nil }
        if try decodeNil(forKey: key) {
            throw DecodingError.valueNotFound(Value.self, DecodingError.Context(
                codingPath: codingPath + [key], debugDescription: "The member \(name) may be left out, but not null."))
        }
        return try decode(Value.self, forKey: key)
    }
}

/// Writes the members of a JSON object by name, for the `Codable` code xapi-gen writes.
///
/// ```swift
/// public func encode(to encoder: any Encoder) throws {
///     var members = encoder.container(keyedBy: JSONMemberKey.self)
///     try members.encodeMember(self.id, "id")
///     try members.encodeMemberIfPresent(self.pinnedTweetID, "pinned_tweet_id")
/// }
/// ```
extension KeyedEncodingContainer where Key == JSONMemberKey {
    /// Writes the member `name`; an optional without a value is written as `null`.
    public mutating func encodeMember<Value: Encodable>(_ value: Value, _ name: String) throws {
        try encode(value, forKey: JSONMemberKey(name))
    }

    /// Writes the member `name` when it has a value, and leaves it out otherwise.
    public mutating func encodeMemberIfPresent<Value: Encodable>(_ value: Value?, _ name: String) throws {
        try encodeIfPresent(value, forKey: JSONMemberKey(name))
    }
}

/// A `oneOf` whose case a member of the object holding it names (X's activity events name
/// their payload's kind in `event_type`, beside `payload`): generated code passes that member
/// down.
///
/// ```swift
/// self.payload = try members.optionalMember("payload", discriminator: try members.optionalMember("event_type") as String?)
/// ```
public protocol ParentDiscriminated: Decodable {
    /// Decodes the case `discriminator` names.
    init(from decoder: any Decoder, discriminator: String?) throws
}
