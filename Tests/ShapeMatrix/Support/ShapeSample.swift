import Foundation
import Testing
import XAPIRuntime

/// A JSON sample of one generated type: it must decode, encode and decode
/// again to the same value, and encode to the JSON it came from, or to
/// `encoded` where the sample says the encoding differs (an optional member
/// that is `null` is left out: a Swift optional has one `nil`).
struct ShapeSample: Sendable, CustomTestStringConvertible {
    let typeName: String
    let json: String
    let check: @Sendable () throws -> Void

    init<Value: Codable & Hashable & Sendable>(_ type: Value.Type, _ json: String, encoded: String? = nil) {
        self.typeName = String(describing: type)
        self.json = json
        self.check = { try roundTrip(Value.self, json, encoded: encoded ?? json) }
    }

    var testDescription: String { "\(typeName): \(json.count > 70 ? json.prefix(70) + "…" : json)" }
}

/// Decodes `json` as `Value`, encodes it, and checks the value survives and the
/// JSON is `encoded`, exactly.
@discardableResult
func roundTrip<Value: Codable & Hashable & Sendable>(
    _ type: Value.Type, _ json: String, encoded expected: String, sourceLocation: SourceLocation = #_sourceLocation
) throws -> Value {
    let value = try XAPIJSON.makeDecoder().decode(Value.self, from: Data(json.utf8))
    let encoded = try XAPIJSON.makeEncoder().encode(value)
    let again = try XAPIJSON.makeDecoder().decode(Value.self, from: encoded)
    #expect(again == value, "decoding the encoded value gives another value", sourceLocation: sourceLocation)
    try expectSameJSON(encoded, Data(expected.utf8), sourceLocation: sourceLocation)
    return value
}

/// The two JSON texts hold the same value. A member that is `null` and a member that is
/// absent are different: a round trip may not turn one into the other.
func expectSameJSON(_ actual: Data, _ expected: Data, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let decoder = JSONDecoder()
    let actualValue = try decoder.decode(JSONValue.self, from: actual)
    let expectedValue = try decoder.decode(JSONValue.self, from: expected)
    #expect(actualValue == expectedValue, "sent \(String(decoding: actual, as: UTF8.self))", sourceLocation: sourceLocation)
}
