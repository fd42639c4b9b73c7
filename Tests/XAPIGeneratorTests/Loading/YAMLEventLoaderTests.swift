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

    @Test("Aliases are refused where they are written, before anything expands them")
    func aliases() throws {
        // The text scan finds it first; the event loader refuses one it misses.
        let text = "a: &x [1]\nb: *x\n"
        let error = try #require(loadError(text))
        #expect(error.message == "YAML aliases are not supported; reuse parts of the spec with $ref")
        #expect(error.location.line == 2 && error.location.column == 4)
        var diagnostics = DiagnosticCollector()
        let direct = #expect(throws: GeneratorError.self) {
            try YAMLEventLoader.load(text: text, file: "spec.yaml", diagnostics: &diagnostics)
        }
        #expect(direct?.diagnostics.first?.location.line == 2)
        #expect(direct?.diagnostics.first?.location.column == 4)
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
            // Aliases and deep flow nesting: Yams could take exponential time on them (the
            // fuzzer's hangs), so there is no reference; the loader refuses them on its own too.
            if case .success = loaded {
                Issue.record("the text scan refuses it (\(problem.message)) but the loader reads it", sourceLocation: sourceLocation)
            }
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
