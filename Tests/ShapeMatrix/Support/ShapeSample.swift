import Foundation
import Testing
import XAPIRuntime

/// A JSON sample of one generated type: it must decode, encode and decode
/// again to the same value, and encode to the JSON it came from.
struct ShapeSample: Sendable, CustomTestStringConvertible {
    let typeName: String
    let json: String
    let check: @Sendable () throws -> Void

    init<Value: Codable & Hashable & Sendable>(_ type: Value.Type, _ json: String) {
        self.typeName = String(describing: type)
        self.json = json
        self.check = { try roundTrip(Value.self, json) }
    }

    var testDescription: String { "\(typeName): \(json.count > 70 ? json.prefix(70) + "…" : json)" }
}

/// Decodes `json` as `Value`, encodes it, and checks both the value and the JSON survive.
@discardableResult
func roundTrip<Value: Codable & Hashable & Sendable>(
    _ type: Value.Type, _ json: String, sourceLocation: SourceLocation = #_sourceLocation
) throws -> Value {
    let value = try XAPIJSON.makeDecoder().decode(Value.self, from: Data(json.utf8))
    let encoded = try XAPIJSON.makeEncoder().encode(value)
    let again = try XAPIJSON.makeDecoder().decode(Value.self, from: encoded)
    #expect(again == value, "decoding the encoded value gives another value", sourceLocation: sourceLocation)
    try expectSameJSON(encoded, Data(json.utf8), sourceLocation: sourceLocation)
    return value
}

/// The two JSON texts hold the same value, where an object member that is
/// `null` counts as absent (an optional member without a value is left out).
func expectSameJSON(_ actual: Data, _ expected: Data, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let decoder = JSONDecoder()
    let actualValue = try decoder.decode(JSONValue.self, from: actual).withoutNullMembers
    let expectedValue = try decoder.decode(JSONValue.self, from: expected).withoutNullMembers
    #expect(actualValue == expectedValue, "sent \(String(decoding: actual, as: UTF8.self))", sourceLocation: sourceLocation)
}

extension JSONValue {
    /// The value with every object member that is `null` removed, at any depth.
    var withoutNullMembers: JSONValue {
        switch self {
        case .object(let members):
            .object(members.compactMapValues { member -> JSONValue? in
                member == .null ? Optional.none : member.withoutNullMembers
            })
        case .array(let elements):
            .array(elements.map(\.withoutNullMembers))
        default:
            self
        }
    }
}
