import Foundation
import Testing
@testable import XAPIGenerator

/// `Generated/XFollows` is the generator's output for `spec/follows.yaml`,
/// committed so users can read it; these tests hold it to the byte.
@Suite("Golden files")
struct GoldenTests {
    static let command = "swift run xapi-gen generate spec/follows.yaml --output Generated/XFollows"

    @Test("Generated/XFollows matches what spec/follows.yaml generates", arguments: GeneratedFile.Name.allCases)
    func committedOutputIsCurrent(_ name: GeneratedFile.Name) throws {
        let spec = packageRoot.appendingPathComponent("spec/follows.yaml").path
        let result = try Generator().generate(specAt: spec)
        let generated = try #require(result.files.first { $0.name == name })
        let committedURL = packageRoot.appendingPathComponent("Generated/XFollows").appendingPathComponent(name.rawValue)
        let committed = (try? String(contentsOf: committedURL, encoding: .utf8)) ?? ""
        let diff = UnifiedDiff(
            old: committed,
            new: generated.contents,
            oldName: "a/Generated/XFollows/\(name.rawValue)",
            newName: "b/Generated/XFollows/\(name.rawValue)"
        )
        #expect(diff.isEmpty, "Generated/XFollows/\(name.rawValue) is stale:\n\(diff)\nRe-record with: \(Self.command)")
    }

    @Test("The spec generates without warnings")
    func specIsClean() throws {
        let result = try Generator().generate(specAt: packageRoot.appendingPathComponent("spec/follows.yaml").path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test("Two runs produce the same bytes")
    func outputIsDeterministic() throws {
        let spec = packageRoot.appendingPathComponent("spec/follows.yaml").path
        let first = try Generator().generate(specAt: spec).files
        let second = try Generator().generate(specAt: spec).files
        #expect(first == second)
    }

    @Test("The build plugin declares the generator's file set")
    func pluginOutputsMatchTheGenerator() throws {
        let plugin = try String(
            contentsOf: packageRoot.appendingPathComponent("Plugins/PluginsShared/GeneratorConfiguration.swift"),
            encoding: .utf8
        )
        let declared = GeneratedFile.Name.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        #expect(plugin.contains("static let outputFileNames = [\(declared)]"))
    }
}
