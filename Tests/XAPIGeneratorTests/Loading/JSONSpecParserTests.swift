import Foundation
import Testing
@testable import XAPIGenerator

/// The JSON fast path builds exactly the tree the YAML path builds (kinds,
/// text, lines and columns), and leaves everything it does not accept to it.
@Suite("JSON loader")
struct JSONSpecParserTests {
    /// The YAML path's tree of `text`.
    private func yamlTree(_ text: String) throws -> SpecNode {
        var diagnostics = DiagnosticCollector()
        return try SpecLoader.loadYAML(text: text, file: "spec.json", diagnostics: &diagnostics)
    }

    @Test("The repository's JSON documents load to the same tree both ways", arguments: [
        "Tests/XAPIOfficialDocumentTests/openapi-2.159.json",
        "Tests/XAPIShapeMatrix30Tests/shape-matrix.json",
        "Tests/XAPIShapeMatrix31Tests/shape-matrix.json",
    ])
    func documents(path: String) throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
        let fast = try #require(JSONSpecParser.parse(text, file: "spec.json"))
        #expect(fast == (try yamlTree(text)))
    }

    @Test("Escapes, Unicode, numbers, empty collections and line breaks load to the same tree both ways", arguments: [
        #"{"a": "x\"y\\z\/w\b\f\n\r\t", "b": "\u00e9\u4e2d\u0041", "é": "naïve ✓ 😀"}"#,
        "{\"n\": [0, -0, 1, -12, 3.25, -0.5, 1e5, 1E+5, 2.5e-3, 10000000000000000000000]}",
        #"{"t": true, "f": false, "z": null, "e": {}, "l": [], "s": "", "q": "true", "w": " 42 "}"#,
        "{\r\n  \"a\": [\r\n    1,\r\n    {\"b\": \"c\"}\r\n  ],\n\t\"é😀\": {\"x\": [[], [[]]]}\n}\n",
        "[1, \"two\", {\"three\": 3}]",
    ])
    func samples(text: String) throws {
        let fast = try #require(JSONSpecParser.parse(text, file: "spec.json"))
        #expect(fast == (try yamlTree(text)))
    }

    @Test("What strict JSON does not allow is left to the YAML path", arguments: [
        #"{"a": 1, "a": 2}"#,             // a duplicate key: the YAML path reports it
        #"{"a": 1,}"#,                    // a trailing comma
        "{a: 1}",                          // an unquoted key (YAML flow style)
        "{'a': 1}",                        // single quotes
        "{\"a\": 1} # comment",            // a comment
        #"{"a": 01}"#,                     // a leading zero
        #"{"a": .5}"#,                     // a number JSON does not write
        "{\"a\": \"tab\tinside\"}",       // a raw control character
        #"{"a": "\ud83d\ude00"}"#,         // a surrogate pair, which libyaml refuses
        #"{"a": "\x41"}"#,                 // an escape JSON does not have
        "openapi: 3.1.0",                  // YAML
        "{\"a\": 1} {\"b\": 2}",           // two documents
        String(repeating: "[", count: 300) + String(repeating: "]", count: 300),  // deeper than the YAML path allows
    ])
    func refused(text: String) {
        #expect(JSONSpecParser.parse(text, file: "spec.json") == nil)
    }

    @Test("A bad JSON document is still reported where the YAML path stops")
    func errorsComeFromTheYAMLPath() {
        let found = diagnostics("{\n  \"openapi\": \"3.1.0\",\n  \"openapi\": \"3.0.0\"\n}", file: "spec.json")
        #expect(found.count == 1)
        #expect(found.first?.severity == .error)
        #expect(found.first?.message.hasPrefix("duplicate key 'openapi'") == true)
    }
}
