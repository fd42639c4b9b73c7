import Foundation
import Testing
import XAPIGenerator

/// `xapi-gen-plugin`, the tool the build and command plugins run, as a process: the same
/// `generate` run as `xapi-gen`'s, with the arguments only the plugins write.
@Suite("xapi-gen-plugin, the plugins' tool")
struct PluginToolTests {
    let spec = XAPIGenCommand.packageRoot.appendingPathComponent("spec/follows.yaml").path

    @Test("The build plugin's arguments write the server mode's files quietly, as xapi-gen does")
    func buildPluginArguments() async throws {
        let viaPlugin = try TemporaryDirectory()
        let viaCommand = try TemporaryDirectory()
        let plugin = try await XAPIGenCommand.run(
            [spec, "--output", viaPlugin.url.path, "--quiet", "--mode", "server", "--import", "XFollows"],
            tool: "xapi-gen-plugin")
        #expect(plugin.status == 0, "\(plugin.standardError)")
        #expect(plugin.standardOutput.isEmpty)
        let command = try await XAPIGenCommand.run(
            ["generate", spec, "--output", viaCommand.url.path, "--mode", "server", "--import", "XFollows"])
        #expect(command.status == 0, "\(command.standardError)")
        let files = try viaPlugin.snapshot()
        #expect(files.keys.sorted() == Generator.Mode.server.files.map { "/\($0.rawValue)" })
        #expect(files == (try viaCommand.snapshot()))
    }

    @Test("The command plugin's --check fails on a stale directory, with xapi-gen's diff and message")
    func commandPluginCheck() async throws {
        let output = try TemporaryDirectory()
        let stale = try await XAPIGenCommand.run([spec, "--output", output.url.path, "--check"], tool: "xapi-gen-plugin")
        #expect(stale.status == 1)
        #expect(stale.standardOutput.contains("+++ b/Models.swift"))
        #expect(stale.standardError.contains("\(output.url.path) is stale ("))
        #expect(try output.snapshot().isEmpty)
    }

    @Test("Arguments no plugin writes are refused with exit 64, saying which")
    func refusesOtherArguments() async throws {
        let result = try await XAPIGenCommand.run(["generate", spec, "--output", "/tmp/x"], tool: "xapi-gen-plugin")
        #expect(result.status == 64)
        #expect(result.standardError.contains("xapi-gen-plugin: error: a second spec '\(spec)'"))
        let mode = try await XAPIGenCommand.run([spec, "--output", "/tmp/x", "--mode", "both"], tool: "xapi-gen-plugin")
        #expect(mode.status == 64)
        #expect(mode.standardError.contains("--mode 'both' is not one of client, server"))
    }
}
