import Foundation
import Testing
@testable import XAPIGenerator

/// `Generated/XFollows` (the client) and `Generated/XFollowsServer` (the
/// server side) are the generator's output for `spec/follows.yaml`, committed
/// so users can read them; these tests hold them to the byte.
@Suite("Golden files")
struct GoldenTests {
    /// A committed output: its mode, directory and the command that re-records it.
    struct Output: Sendable, CustomStringConvertible {
        var mode: Generator.Mode
        var imports: [String]
        var directory: String

        var command: String {
            "swift run xapi-gen generate spec/follows.yaml --output \(directory)"
                + (mode == .client ? "" : " --mode \(mode.rawValue)") + imports.map { " --import \($0)" }.joined()
        }

        var description: String { directory }
    }

    static let outputs = [
        Output(mode: .client, imports: [], directory: "Generated/XFollows"),
        Output(mode: .server, imports: ["XFollows"], directory: "Generated/XFollowsServer"),
    ]

    @Test("Generated/ matches what spec/follows.yaml generates", arguments: outputs)
    func committedOutputIsCurrent(_ output: Output) throws {
        let spec = packageRoot.appendingPathComponent("spec/follows.yaml").path
        let result = try Generator(mode: output.mode, imports: output.imports).generate(specAt: spec)
        #expect(result.files.map(\.name) == output.mode.files)
        for generated in result.files {
            let name = generated.name.rawValue
            let committedURL = packageRoot.appendingPathComponent(output.directory).appendingPathComponent(name)
            let committed = (try? String(contentsOf: committedURL, encoding: .utf8)) ?? ""
            let diff = UnifiedDiff(
                old: committed,
                new: generated.contents,
                oldName: "a/\(output.directory)/\(name)",
                newName: "b/\(output.directory)/\(name)"
            )
            #expect(diff.isEmpty, "\(output.directory)/\(name) is stale:\n\(diff)\nRe-record with: \(output.command)")
        }
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

    @Test("The build plugin declares the generator's file set of each mode", arguments: Generator.Mode.allCases)
    func pluginOutputsMatchTheGenerator(_ mode: Generator.Mode) throws {
        let plugin = try String(
            contentsOf: packageRoot.appendingPathComponent("Plugins/PluginsShared/GeneratorConfiguration.swift"),
            encoding: .utf8
        )
        let declared = mode.files.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        #expect(plugin.contains("\"\(mode.rawValue)\": [\(declared)]"))
    }
}
