/// A string enum generated from a spec: a case per value the spec lists, and `unknown(String)`
/// for a value it does not, so that decoding never fails on a value a server adds later.
///
/// Generated enums implement `init(rawValue:)`, `rawValue` and `allCases`; the JSON coding
/// (a string) comes with `RawRepresentable`, and the text a URL carries with
/// ``ParameterValue``.
///
/// ```swift
/// User.Field(rawValue: "created_at")      // .createdAt
/// User.Field(rawValue: "brand_new")       // .unknown("brand_new")
/// User.Field.createdAt.isListed           // true
/// ```
public protocol OpenStringEnum: RawRepresentable<String>, CaseIterable, Codable, Hashable, Sendable, ParameterValue
where AllCases == [Self] {
    /// Creates the case for a raw value; a value the spec does not list becomes `unknown`.
    init(rawValue: String)
}

extension OpenStringEnum {
    /// The raw value, as a URL carries it.
    public var parameterText: String { rawValue }

    /// Whether the value is one the spec lists (and may be sent), not one kept as `unknown`.
    public var isListed: Bool {
        let raw = rawValue
        return Self.allCases.contains { $0.rawValue == raw }
    }
}
