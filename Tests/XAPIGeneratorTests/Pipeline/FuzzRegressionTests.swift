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

    static let inputs: [String] = (try? FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()) ?? []

    @Test("Every regression input ends in files or located diagnostics", arguments: inputs)
    func input(_ name: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(name))
        let found = diagnostics(String(decoding: data, as: UTF8.self), file: name)
        for diagnostic in found {
            #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
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

    @Test("An alias used as a mapping key is refused before Yams hashes it")
    func aliasAsKey() {
        let yaml = "openapi: 3.1.0\nbase: &base [1, 2]\nmapping:\n  *base: value\n"
        #expect(diagnostics(yaml).map(\.description) == ["spec.yaml:4:3: error: an alias used as a mapping key is not supported"])
        let explicit = "openapi: 3.1.0\nbase: &base [1, 2]\nmapping:\n  ? *base\n  : value\n"
        #expect(diagnostics(explicit).map(\.description) == ["spec.yaml:4:5: error: an alias used as a mapping key is not supported"])
        // Text that only looks like an alias key, in a block scalar or quotes, is fine.
        let text = "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\n  description: |\n    *Note*: not an alias.\n    [[[[ nor nesting\n  summary: \"*a: b\"\npaths: {}\n"
        #expect(diagnostics(text).isEmpty)
        // An alias as a value is fine.
        #expect(!diagnostics("openapi: 3.1.0\nbase: &base value\ncopy: *base\n").contains { $0.message.contains("alias") })
    }

    @Test("The timeout libFuzzer found: an alias key over an alias bomb")
    func aliasKeyTimeout() throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent("timeout-alias-as-mapping-key.yaml"))
        let found = diagnostics(String(decoding: data, as: UTF8.self))
        #expect(found.first?.message == "an alias used as a mapping key is not supported")
    }

    @Test("An alias bomb is refused instead of expanded")
    func aliasBomb() throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent("alias-expansion-bomb.yaml"))
        let found = diagnostics(String(decoding: data, as: UTF8.self))
        #expect(found.first?.message == "the document expands to more than 1000000 nodes (through aliases?)")
    }

    @Test("Brackets inside quotes and comments do not count as nesting")
    func quotedBrackets() {
        let yaml = "openapi: 3.1.0\ninfo:\n  title: \"" + String(repeating: "[", count: 400) + "\" # " + String(repeating: "{", count: 400) + "\n  version: '1'\npaths: {}\n"
        #expect(diagnostics(yaml).isEmpty)
    }
}
