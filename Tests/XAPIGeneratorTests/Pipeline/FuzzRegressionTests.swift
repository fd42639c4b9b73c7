import Foundation
import Testing
@testable import XAPIGenerator

/// Inputs that once crashed, hung or exhausted the generator, or that probe
/// its guards (deep nesting, alias bombs, bytes that are not UTF-8): each
/// must end in located diagnostics. `.ci/fuzz` seeds libFuzzer with them;
/// a crash it finds belongs here.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/FuzzRegressions")

    /// The inputs' file names, sorted, or why the folder could not be listed.
    static let listing = Result { try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() }

    /// The inputs; none when the folder cannot be listed, which fails ``corpus()``.
    static let inputs: [String] = (try? listing.get()) ?? []

    /// How many inputs the folder held when this was written; fewer means it was not read whole.
    static let minimumInputCount = 9

    @Test("The folder is read, with every input in it")
    func corpus() throws {
        let names = try Self.listing.get()
        #expect(names.count >= Self.minimumInputCount, "\(names)")
        #expect(names.contains("invalid-utf8.yaml") && names.contains("timeout-alias-as-mapping-key.yaml"), "\(names)")
    }

    /// What the fuzz harness (`Tests/Fuzzing`) asks of every input: the fixed files, or a
    /// failure with an error diagnostic; every diagnostic located and worded.
    @Test("Every regression input ends in files or located diagnostics", arguments: inputs)
    func input(_ name: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(name))
        let found: [Diagnostic]
        do {
            let result = try Generator().generate(yaml: String(decoding: data, as: UTF8.self), file: name)
            #expect(result.files.map(\.name) == Generator.Mode.client.files)
            found = result.diagnostics
        } catch let error as GeneratorError {
            #expect(error.diagnostics.contains { $0.severity == .error }, "a failure without an error diagnostic")
            found = error.diagnostics
        }
        for diagnostic in found {
            #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "\(diagnostic)")
            #expect(!diagnostic.message.isEmpty, "\(diagnostic)")
        }
    }

    @Test("Flow nesting past the limit is refused where it crosses it")
    func deepFlowNesting() {
        let found = diagnostics("openapi: " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300))
        #expect(found.map(\.description) == ["spec.yaml:1:\(9 + SpecLoader.maximumFlowDepth + 1): error: collections nest deeper than \(SpecLoader.maximumFlowDepth) levels"])
    }

    @Test("Nesting past the converter's depth is refused")
    func deepBlockNesting() throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent("deep-block-nesting.yaml"))
        let found = diagnostics(String(decoding: data, as: UTF8.self))
        #expect(found.first?.message == "the document nests deeper than 200 levels")
    }

    @Test("An empty file is an error")
    func emptyFile() {
        #expect(diagnostics("").map(\.description) == ["spec.yaml:1:1: error: the spec is empty"])
    }

    @Test("A YAML alias is expanded wherever it is; one that is no scalar is no key")
    func aliases() {
        // A sequence as a key: refused where the alias is written.
        #expect(diagnostics("openapi: 3.1.0\nbase: &base [1, 2]\nmapping:\n  *base : value\n").first?.description == "spec.yaml:4:3: error: mapping keys must be scalars")
        #expect(diagnostics("openapi: 3.1.0\nbase: &base [1, 2]\nmapping:\n  ? *base\n  : value\n").first?.description == "spec.yaml:4:5: error: mapping keys must be scalars")
        // Values, in flow and block sequences, and a scalar as a key: read as if written out.
        let document = """
        openapi: 3.1.0
        info: &info
          title: &title Aliased
          version: '1'
        x-copy: *info
        x-list: [a, *title]
        x-block:
          - *info
        x-keys:
          *title : value
        paths: {}
        """
        #expect(diagnostics(document).isEmpty)
    }

    @Test("Asterisks that are not aliases pass: in text, quotes, comments and block scalars")
    func asterisksInText() {
        let text = """
        openapi: 3.1.0
        info:
          title: A *bold* title, and a 5 * 3 product
          version: '1'
          summary: "*a: b"
          description: |
            *Note*: not an alias.
            [[[[ nor nesting
          x-note: it's fine # *not* an alias
        paths: {}
        """
        #expect(diagnostics(text).isEmpty)
        // JSON, where values touch their keys: strings are strings.
        let json = #"{"openapi":"3.1.0","info":{"title":"a,*b [[ *c","version":"1"},"paths":{}}"#
        #expect(diagnostics(json).isEmpty)
    }

    @Test("The timeouts libFuzzer found: aliases in keys over an alias bomb, refused at the alias that crosses the bound", arguments: [
        "timeout-alias-as-mapping-key.yaml", "timeout-alias-in-flow-key.yaml",
    ])
    func aliasKeyTimeouts(_ name: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(name))
        let clock = ContinuousClock()
        var found: [Diagnostic] = []
        let elapsed = clock.measure { found = diagnostics(String(decoding: data, as: UTF8.self)) }
        let refusal = found.first { $0.message.contains("past \(YAMLEventLoader.maximumNodes) nodes") }
        #expect(refusal != nil, "\(found)")
        #expect(refusal?.location.line == 8, "\(found)")
        #expect(elapsed < .seconds(5))
    }

    @Test("An alias bomb is refused at the alias that would cross the bound, never expanded")
    func aliasBomb() throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent("alias-expansion-bomb.yaml"))
        let clock = ContinuousClock()
        var found: [Diagnostic] = []
        let elapsed = clock.measure { found = diagnostics(String(decoding: data, as: UTF8.self)) }
        // a..f expand to 672,604 nodes; g's first *f (597,871 more) would pass a million.
        #expect(found.map(\.description) == ["spec.yaml:8:8: error: the YAML alias '*f' would expand the document past 1000000 nodes (it stands for 597871 nodes, after 672606); it is refused, not expanded"])
        #expect(elapsed < .seconds(5))
    }

    @Test("Brackets inside quotes and comments do not count as nesting")
    func quotedBrackets() {
        let yaml = "openapi: 3.1.0\ninfo:\n  title: \"" + String(repeating: "[", count: 400) + "\" # " + String(repeating: "{", count: 400) + "\n  version: '1'\npaths: {}\n"
        #expect(diagnostics(yaml).isEmpty)
    }
}
