import Foundation
import Testing
import Yams
@testable import XAPIGenerator

/// The loader reads libyaml's events itself (``YAMLEventLoader``). Yams' own
/// composer, which the loader used before, reads the same events into its
/// node tree; converted as the loader converted it then, that tree is the
/// reference: every document must load to exactly the same ``SpecNode``s
/// (kinds, text, lines and columns), and what Yams refuses the loader refuses.
@Suite("YAML event loader")
struct YAMLEventLoaderTests {
    /// The specs the package and its tests generate from, and X's and the shape matrix's JSON
    /// documents read as YAML.
    static let specs = ["spec/follows.yaml", "Tests/XAPICompatibilityTests/x-api-v2-subset.yaml",
                        "Tests/XAPIOfficialDocumentTests/openapi-2.159.json",
                        "Tests/XAPIShapeMatrix30Tests/shape-matrix.json", "Tests/XAPIShapeMatrix31Tests/shape-matrix.json"]

    /// The fixture folders whose every file is a document, each with how many files it held
    /// when this was written: fewer means the folder was not read whole.
    static let fixtureFolders = [
        (path: "Tests/XAPIGenEndToEndTests/Fixtures/BadSpecs", atLeast: 48),  // 47 specs and expectations.json
        (path: "Tests/XAPIGeneratorTests/Fixtures/FuzzRegressions", atLeast: 9),
    ]

    /// A fixture folder's files, as paths from the package root, sorted.
    static func fixtures(in folder: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent(folder).path)
        return names.sorted().map { "\(folder)/\($0)" }
    }

    /// Every YAML document the tests and the fuzzer start from. A folder that cannot be listed
    /// adds nothing here, and fails ``corpus()``.
    static let documents: [String] = specs + fixtureFolders.flatMap { (try? fixtures(in: $0.path)) ?? [] }

    /// The documents that are not UTF-8 on purpose: fuzz regressions. Any other that is not
    /// cannot be read, and fails.
    static let notUTF8: Set = [
        "Tests/XAPIGeneratorTests/Fixtures/FuzzRegressions/invalid-utf8.yaml",
        "Tests/XAPIGeneratorTests/Fixtures/FuzzRegressions/timeout-alias-as-mapping-key.yaml",
    ]

    @Test("The documents are every spec and every fixture, none missing")
    func corpus() throws {
        var count = Self.specs.count
        for folder in Self.fixtureFolders {
            let found = try Self.fixtures(in: folder.path)
            #expect(found.count >= folder.atLeast, "\(folder.path) holds \(found.count) files, not at least \(folder.atLeast)")
            count += found.count
        }
        #expect(Self.documents.count == count)
        #expect(Self.notUTF8.isSubset(of: Self.documents))
    }

    @Test("Every document loads as Yams' composer reads it", arguments: documents)
    func document(path: String) throws {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent(path))
        guard let text = String(data: data, encoding: .utf8) else {
            try #require(Self.notUTF8.contains(path), "\(path) is not UTF-8: it cannot be read as a spec")
            // Bytes that are not UTF-8 stop before either loader sees them; what the fuzzer
            // reads of them (with U+FFFD for each bad byte) must still load alike.
            var diagnostics = DiagnosticCollector()
            let error = #expect(throws: GeneratorError.self) {
                try SpecLoader.load(path: packageRoot.appendingPathComponent(path).path, diagnostics: &diagnostics)
            }
            #expect(error?.diagnostics.map(\.message) == ["the spec is not valid UTF-8"])
            try compare(String(decoding: data, as: UTF8.self))
            return
        }
        #expect(!Self.notUTF8.contains(path), "\(path) is UTF-8 now: take it off the list")
        try compare(text)
    }

    @Test("Tags, styles, anchors, block scalars, complex keys, Unicode columns and line ends load as Yams reads them", arguments: [
        "a: !!str 1\nb: !!int \"2\"\nc: !custom 3\nd: ! 4\ne: !!float 5\nf: !!bool yes\ng: !!null ~\n",
        "plain: 12\nquoted: '12'\ndouble: \"12\"\nnull: ~\nempty:\nbool: true\nno: no\nhex: 0x1F\noct: 0o17\nfloat: .5\ninf: -.inf\nnan: .NaN\n",
        "folded: >-\n  one\n  two\nliteral: |+\n  keep\n\nafter: x\n",
        "base: &anchor\n  a: 1\nlist: &items [1, 2, {b: c}]\n",
        "base: &anchor\n  a: &one 1\ncopy: *anchor\nlist: [*one, *anchor, &s text, *s]\nblock:\n  - *anchor\n  - &again {x: *one}\n  - *again\n",
        "a: &x first\nb: *x\na2: &x second\nc: *x\n",
        "? [a, b]\n: value\n? {c: d}\n: other\nplain: 1\n",
        "é😀: 1\n  # comment\nkey: \"naïve\" # trailing\nnext: [ü, {ß: ✓}]\n",
        "a: 1\r\nb:\r\n  - x\r\n  - y\r\n",
        "---\nopenapi: 3.1.0\n...\n",
        "- a\n- - b\n  - c\n- d: e\n  f: g\n",
        "{a: [1, 2], 'b': {\"c\": null}, d: }",
        "text: \"line\\none \\u00e9 \\t\"\nsingle: 'it''s'\nmulti: a\n  b\n\n  c\n",
        "# only a comment\n",
        "",
    ])
    func sample(text: String) throws {
        try compare(text)
    }

    @Test("Duplicate keys are refused at the second key, with the first's place")
    func duplicateKeys() throws {
        let text = "info:\n  title: x\n  version: 1\n  title: y\n"
        #expect(throws: (any Error).self) { try Yams.compose(yaml: text, .basic) }
        let error = try #require(loadError(text))
        #expect(error.message == "duplicate key 'title' (first defined at 2:3)")
        #expect(error.location.line == 4 && error.location.column == 3)
    }

    @Test("An alias is the node its anchor names, with that node's places")
    func aliases() throws {
        let root = try load("a: &x [1, {b: c}]\nb: *x\n")
        #expect(root["b"] == root["a"])
        // Where the anchored node starts: at its anchor, as Yams places it too.
        #expect(root["b"]?.location == SourceLocation(file: "spec.yaml", line: 1, column: 4))
        #expect(root["b"]?.elements?.count == 2)
    }

    @Test("An alias that names no anchor, or the node it is in, is refused where it is written")
    func undefinedAliases() throws {
        #expect(loadError("a: *nothing\n")?.description == "spec.yaml:1:4: error: the YAML alias '*nothing' names no anchor defined before it")
        #expect(loadError("a: *later\nb: &later 1\n")?.description == "spec.yaml:1:4: error: the YAML alias '*later' names no anchor defined before it")
        #expect(loadError("a: &self [1, *self]\n")?.description == "spec.yaml:1:14: error: the YAML alias '*self' is inside the node its anchor names, which would contain itself")
    }

    @Test("A billion laughs is refused at the alias that would pass the bound, in milliseconds")
    func billionLaughs() throws {
        var text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let clock = ContinuousClock()
        var error: Diagnostic?
        let elapsed = clock.measure { error = loadError(text) }
        // l0 … l4 are 11, 111, 1,111, 11,111 and 111,111 nodes (123,456 with the root): l5's
        // eighth *l4 would pass a million.
        #expect(error?.location.line == 6)
        #expect(error?.location.column == 1 + "l5: &l5 [".count + 7 * "*l4, ".count)
        #expect(error?.message.hasPrefix("the YAML alias '*l4' would expand the document past 1000000 nodes") == true, "\(String(describing: error))")
        #expect(elapsed < .seconds(2))
    }

    @Test("An alias that would nest past the depth bound is refused where it is written")
    func deepAlias() throws {
        let levels = YAMLEventLoader.maximumDepth - 10
        var text = "deep: &deep "
        text += String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "\n"
        text += "nest:\n" + (1...20).map { String(repeating: "  ", count: $0) + "k\($0):\n" }.joined()
        text += String(repeating: "  ", count: 21) + "v: *deep\n"
        let error = try #require(loadError(text))
        #expect(error.message == "the YAML alias '*deep' would nest the document deeper than \(YAMLEventLoader.maximumDepth) levels; it is refused, not expanded")
        #expect(error.location.line == 23)
    }

    @Test("YAML with anchors and the same document written out in JSON generate the same files")
    func anchorsAndJSONAgree() throws {
        let yaml = """
        openapi: 3.1.0
        info: {title: Anchors, version: '1'}
        paths:
          /things/{id}:
            get:
              operationId: getThing
              parameters:
                - &id {name: id, in: path, required: true, schema: {type: string, pattern: '^[0-9]+$'}}
              responses:
                '200': &thing
                  description: A thing
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Thing'}
            delete:
              operationId: deleteThing
              parameters: [*id]
              responses: {'200': *thing}
        components:
          schemas:
            Thing:
              type: object
              properties:
                id: &text {type: string}
                name: *text
        """
        let thing = ##"{"description":"A thing","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}"##
        let id = ##"{"name":"id","in":"path","required":true,"schema":{"type":"string","pattern":"^[0-9]+$"}}"##
        let json = ##"{"openapi":"3.1.0","info":{"title":"Anchors","version":"1"},"paths":{"/things/{id}":{"get":{"operationId":"getThing","parameters":["## + id + ##"],"responses":{"200":"## + thing + ##"}},"delete":{"operationId":"deleteThing","parameters":["## + id + ##"],"responses":{"200":"## + thing + ##"}}}},"components":{"schemas":{"Thing":{"type":"object","properties":{"id":{"type":"string"},"name":{"type":"string"}}}}}}"##
        let fromYAML = try Generator().generate(yaml: yaml, file: "spec.yaml")
        let fromJSON = try Generator().generate(yaml: json, file: "spec.yaml")
        #expect(fromYAML.diagnostics.isEmpty && fromJSON.diagnostics.isEmpty)
        for (ours, theirs) in zip(fromYAML.files, fromJSON.files) {
            expectSame(ours.contents, theirs.contents)
        }
        #expect(fromYAML.files.first { $0.name == .clients }?.contents.contains("func deleteThing(") == true)
        // The trees agree but for places.
        #expect(try stripped(load(yaml)) == stripped(load(json)))
    }

    @Test("Nesting deeper than the limit is one located error, not a crash")
    func depth() throws {
        let levels = YAMLEventLoader.maximumDepth + 5
        var text = ""
        for level in 0..<levels { text += String(repeating: " ", count: level) + "k\(level):\n" }
        text += String(repeating: " ", count: levels) + "leaf: 1\n"
        var diagnostics = DiagnosticCollector()
        let error = #expect(throws: GeneratorError.self) {
            try YAMLEventLoader.load(text: text, file: "spec.yaml", diagnostics: &diagnostics)
        }
        let found = error?.diagnostics.filter { $0.severity == .error } ?? []
        #expect(found.count == 1)
        #expect(found.first?.message == "the document nests deeper than \(YAMLEventLoader.maximumDepth) levels")
        // The root mapping is level 0 on line 1; level n is the value of `k(n-1)`, on line n + 1.
        #expect(found.first?.location.line == YAMLEventLoader.maximumDepth + 2)
    }

    // MARK: The reference

    private func compare(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var diagnostics = DiagnosticCollector()
        let loaded = Result { try YAMLEventLoader.load(text: text, file: "spec.yaml", diagnostics: &diagnostics) }
        if let problem = SpecLoader.prescan(text) {
            // Deep flow nesting: Yams could take exponential time on it, so there is no
            // reference; the loader refuses it on its own too.
            if case .success = loaded {
                Issue.record("the text scan refuses it (\(problem.message)) but the loader reads it", sourceLocation: sourceLocation)
            }
            return
        }
        let failed: Bool
        if case .failure = loaded { failed = true } else { failed = diagnostics.hasErrors }
        if failed, text.contains("*") {
            // An alias bomb, or aliases in keys over one, which Yams takes exponential time to
            // hash (the fuzzer's hangs): the loader refuses it on its own, with no reference.
            return
        }
        let reference: SpecNode??
        do {
            reference = try Yams.compose(yaml: text, .basic).map { Reference.convert($0) }
        } catch {
            reference = nil
        }
        switch (reference, loaded) {
        case (let tree??, .success(let node)):
            #expect(node == tree, "the loader's tree differs from Yams'", sourceLocation: sourceLocation)
        case (.some(nil), .failure(let error)):
            // An empty stream: no tree on either side.
            #expect((error as? GeneratorError)?.diagnostics.first?.message == "the spec is empty", sourceLocation: sourceLocation)
        case (nil, .failure):
            break  // Both refuse it; the bad-spec corpus checks the words and places.
        case (nil, .success):
            Issue.record("Yams refuses the text but the loader reads it", sourceLocation: sourceLocation)
        case (.some(nil), .success):
            Issue.record("Yams finds no document but the loader reads one", sourceLocation: sourceLocation)
        case (_, .failure(let error)):
            // The loader bounds depth as the conversion of Yams' tree did; nothing else may differ.
            let message = (error as? GeneratorError)?.diagnostics.first?.message ?? "\(error)"
            #expect(message == "the document nests deeper than \(YAMLEventLoader.maximumDepth) levels",
                    "the loader refuses what Yams reads", sourceLocation: sourceLocation)
        }
    }

    private func load(_ text: String) throws -> SpecNode {
        var diagnostics = DiagnosticCollector()
        return try SpecLoader.load(text: text, file: "spec.yaml", diagnostics: &diagnostics)
    }

    /// The tree with every place the same, to compare documents written differently.
    private func stripped(_ node: SpecNode) -> SpecNode {
        let nowhere = SourceLocation(file: "", line: 1, column: 1)
        switch node.value {
        case .scalar:
            return SpecNode(value: node.value, location: nowhere)
        case .sequence(let elements):
            return SpecNode(value: .sequence(elements.map(stripped)), location: nowhere)
        case .mapping(let entries):
            return SpecNode(value: .mapping(entries.map { .init(key: $0.key, keyLocation: nowhere, value: stripped($0.value)) }), location: nowhere)
        }
    }

    private func loadError(_ text: String) -> Diagnostic? {
        var diagnostics = DiagnosticCollector()
        do {
            _ = try SpecLoader.load(text: text, file: "spec.yaml", diagnostics: &diagnostics)
            return nil
        } catch let error as GeneratorError {
            return error.diagnostics.first { $0.severity == .error }
        } catch {
            return nil
        }
    }

    /// Yams nodes to ``SpecNode``s, as the loader converted them before it read events itself.
    private enum Reference {
        static func convert(_ node: Node) -> SpecNode {
            let here = location(node.mark)
            switch node {
            case .scalar(let scalar):
                return SpecNode(value: .scalar(type(scalar)), location: here)
            case .sequence(let sequence):
                return SpecNode(value: .sequence(sequence.map(convert)), location: here)
            case .mapping(let mapping):
                let entries = mapping.compactMap { key, value -> SpecNode.Entry? in
                    guard case .scalar(let keyScalar) = key else { return nil }
                    return SpecNode.Entry(key: keyScalar.string, keyLocation: location(key.mark), value: convert(value))
                }
                return SpecNode(value: .mapping(entries), location: here)
            case .alias(let alias):
                return SpecNode(value: .scalar(.init(text: alias.anchor.rawValue, kind: .string)), location: here)
            }
        }

        static func location(_ mark: Mark?) -> XAPIGenerator.SourceLocation {
            XAPIGenerator.SourceLocation(file: "spec.yaml", line: mark?.line ?? 1, column: mark?.column ?? 1)
        }

        static func type(_ scalar: Node.Scalar) -> SpecNode.Scalar {
            let text = scalar.string
            if scalar.style != .plain && scalar.style != .any { return .init(text: text, kind: .string) }
            switch scalar.tag.rawValue {
            case Tag.Name.str.rawValue: return .init(text: text, kind: .string)
            case Tag.Name.null.rawValue: return .init(text: text, kind: .null)
            case Tag.Name.bool.rawValue: return .init(text: text, kind: .bool)
            case Tag.Name.int.rawValue: return .init(text: text, kind: .integer)
            case Tag.Name.float.rawValue: return .init(text: text, kind: .number)
            case "", "!": return SpecScalarTyping.type(plain: text)
            default: return .init(text: text, kind: .string)
            }
        }
    }
}
