import Foundation

/// A value a path or query parameter carries, written as OpenAPI's `simple` and `form` styles
/// write a primitive: strings as they are, numbers in their shortest form, Booleans as
/// `true`/`false`, dates as X timestamps, URLs as their absolute string, enums as their raw
/// value. Percent-encoding happens when the URL is built.
///
/// ```swift
/// 1000.parameterText                                        // "1000"
/// Date(timeIntervalSince1970: 0).parameterText              // "1970-01-01T00:00:00.000Z"
/// var request = OperationRequest(.usersIdFollowers)
/// request.appendQueryItems("user.fields", [User.Field.createdAt, .id], explode: false)
/// ```
public protocol ParameterValue: Sendable {
    /// The value as a parameter writes it, before percent-encoding.
    var parameterText: String { get }
}

extension String: ParameterValue {
    /// The string itself.
    public var parameterText: String { self }
}

extension Int: ParameterValue {
    /// The decimal digits.
    public var parameterText: String { String(self) }
}

extension Int32: ParameterValue {
    /// The decimal digits.
    public var parameterText: String { String(self) }
}

extension Int64: ParameterValue {
    /// The decimal digits.
    public var parameterText: String { String(self) }
}

extension Double: ParameterValue {
    /// The shortest text that reads back as the same number; integral values without a fraction.
    public var parameterText: String {
        rounded() == self && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }
}

extension Float: ParameterValue {
    /// The shortest text that reads back as the same number; integral values without a fraction.
    public var parameterText: String {
        rounded() == self && abs(self) < 1e7 ? String(Int64(self)) : String(self)
    }
}

extension Bool: ParameterValue {
    /// `true` or `false`.
    public var parameterText: String { self ? "true" : "false" }
}

extension Date: ParameterValue {
    /// The X timestamp, e.g. `2013-12-14T04:35:55.000Z`.
    public var parameterText: String { XAPIJSON.string(from: self) }
}

extension URL: ParameterValue {
    /// The absolute string.
    public var parameterText: String { absoluteString }
}
