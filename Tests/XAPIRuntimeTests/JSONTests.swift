import Foundation
import Testing
@testable import XAPIRuntime

@Suite("JSON coders")
struct JSONTests {
    struct Stamped: Codable, Equatable {
        var createdAt: Date
        var name: String
        enum CodingKeys: String, CodingKey {
            case name
            case createdAt = "created_at"
        }
    }

    @Test(arguments: [
        ("2013-12-14T04:35:55.000Z", 1_386_995_755.0),
        ("2013-12-14T04:35:55Z", 1_386_995_755.0),
        ("2013-12-14T04:35:55.5Z", 1_386_995_755.5),
        ("2013-12-14T04:35:55.123456Z", 1_386_995_755.123456),
        ("2013-12-14T06:35:55.000+02:00", 1_386_995_755.0),
        ("1970-01-01T00:00:00Z", 0.0),
        ("1969-12-31T23:59:59.999Z", -0.001),
        ("2024-02-29T12:00:00.000Z", 1_709_208_000.0),
    ])
    func decodesXTimestamps(text: String, seconds: Double) throws {
        let date = try #require(XAPIJSON.date(from: text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_001)
        let json = #"{"created_at":"\#(text)","name":"a"}"#
        let decoded = try XAPIJSON.makeDecoder().decode(Stamped.self, from: Data(json.utf8))
        #expect(abs(decoded.createdAt.timeIntervalSince1970 - seconds) < 0.000_001)
    }

    @Test(arguments: ["2013-12-14", "2013-12-14T04:35:55", "2013-12-14T04:35:55.Z", "2013-02-30T00:00:00Z",
                      "2013-12-14T24:00:00Z", "2013-12-14 04:35:55Z", "2013-12-14T04:35:55.000Zjunk", "yesterday"])
    func rejectsMalformedTimestamps(text: String) {
        #expect(XAPIJSON.date(from: text) == nil)
    }

    @Test func malformedTimestampIsADecodingErrorAtItsPath() {
        let json = #"{"created_at":"last tuesday","name":"a"}"#
        #expect(throws: DecodingError.self) {
            try XAPIJSON.makeDecoder().decode(Stamped.self, from: Data(json.utf8))
        }
    }

    @Test func encodesThreeFractionalDigitsAndSortedKeys() throws {
        let value = Stamped(createdAt: Date(timeIntervalSince1970: 1_386_995_755), name: "x")
        let data = try XAPIJSON.makeEncoder().encode(value)
        #expect(String(decoding: data, as: UTF8.self) == #"{"created_at":"2013-12-14T04:35:55.000Z","name":"x"}"#)
        #expect(XAPIJSON.string(from: Date(timeIntervalSince1970: 1_386_995_755.1237)) == "2013-12-14T04:35:55.124Z")
        #expect(XAPIJSON.string(from: Date(timeIntervalSince1970: 1_386_995_755.9996)) == "2013-12-14T04:35:56.000Z")
        #expect(XAPIJSON.string(from: Date(timeIntervalSince1970: -0.001)) == "1969-12-31T23:59:59.999Z")
        #expect(XAPIJSON.string(from: Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
    }

    @Test func jsonValueRoundTripsEveryKind() throws {
        let json = #"{"array":[1,2.5,"x",true,null],"nested":{"a":{"b":[]}},"number":-3,"text":"☃"}"#
        let value = try XAPIJSON.makeDecoder().decode(JSONValue.self, from: Data(json.utf8))
        #expect(value == [
            "array": [1, 2.5, "x", true, nil], "nested": ["a": ["b": []]], "number": -3, "text": "☃",
        ])
        #expect(value["array"]?[3]?.boolValue == true)
        #expect(value["text"]?.stringValue == "☃")
        #expect(value["number"]?.numberValue == -3)
        #expect(value["missing"] == nil)
        #expect(value["array"]?[9] == nil)
        #expect(String(decoding: try XAPIJSON.makeEncoder().encode(value), as: UTF8.self) == json)
    }

    @Test func jsonCodingKeyHoldsNamesAndIndices() {
        #expect(JSONCodingKey("public_metrics").stringValue == "public_metrics")
        #expect(JSONCodingKey("public_metrics").intValue == nil)
        #expect(JSONCodingKey(intValue: 3).intValue == 3)
        #expect(JSONCodingKey(stringValue: "x") == JSONCodingKey("x"))
    }

    @Test("A member key names a member, has no integer, and fits an existential inline")
    func jsonMemberKeyHoldsNamesOnly() throws {
        #expect(JSONMemberKey("public_metrics").stringValue == "public_metrics")
        #expect(JSONMemberKey("public_metrics").intValue == nil)
        #expect(JSONMemberKey(intValue: 3) == nil)
        #expect(JSONMemberKey(stringValue: "x") == JSONMemberKey("x"))
        // Three words hold an existential's value inline; a wider key is boxed on the heap.
        #expect(MemoryLayout<JSONMemberKey>.size <= 3 * MemoryLayout<Int>.size)

        struct Pair: Decodable {
            var name: String
            var tags: [String]?
            init(from decoder: any Decoder) throws {
                let members = try decoder.container(keyedBy: JSONMemberKey.self)
                name = try members.member("name")
                tags = try members.optionalMember("tags")
            }
        }
        let pair = try JSONDecoder().decode(Pair.self, from: Data(#"{"name":"a","tags":["b"],"other":1}"#.utf8))
        #expect(pair.name == "a" && pair.tags == ["b"])
        let missing = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Pair.self, from: Data(#"{"tags":null}"#.utf8))
        }
        guard case .keyNotFound(let key, _)? = missing else { Issue.record("not keyNotFound: \(String(describing: missing))"); return }
        #expect(key.stringValue == "name")
    }
}
