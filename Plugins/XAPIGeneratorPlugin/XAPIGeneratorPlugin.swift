import Foundation
import PackagePlugin

/// Runs `xapi-gen generate` (through the `xapi-gen-plugin` tool, the same run without
/// swift-argument-parser) during `swift build` for every target that carries an
/// `xapi-gen.json`.
///
/// The spec and the configuration are the command's declared inputs (and the
/// tool is an implicit one), so editing the spec regenerates
/// the sources while a no-op build does not run the generator at all.
@main
struct XAPIGeneratorPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        guard let sourceTarget = target as? SourceModuleTarget else { return [] }
        return try Self.commands(
            targetName: target.name,
            targetDirectory: sourceTarget.directoryURL,
            workDirectory: context.pluginWorkDirectoryURL,
            tool: try context.tool(named: "xapi-gen-plugin").url
        )
    }

    static func commands(
        targetName: String,
        targetDirectory: URL,
        workDirectory: URL,
        tool: URL
    ) throws -> [Command] {
        guard let inputs = try GeneratorConfiguration.load(inTargetDirectory: targetDirectory) else {
            throw PluginError.noConfiguration(target: targetName)
        }
        let outputDirectory = workDirectory.appendingPathComponent("GeneratedSources")
        return [
            .buildCommand(
                displayName: "Generating \(targetName) from \(inputs.spec.lastPathComponent)",
                executable: tool,
                arguments: [inputs.spec.path, "--output", outputDirectory.path, "--quiet"]
                    + inputs.settings.generatorArguments,
                inputFiles: [inputs.spec, inputs.configuration],
                outputFiles: inputs.settings.outputs.map {
                    outputDirectory.appendingPathComponent($0)
                }
            )
        ]
    }
}

#if canImport(XcodeProjectPlugin)
import XcodeProjectPlugin

extension XAPIGeneratorPlugin: XcodeBuildToolPlugin {
    func createBuildCommands(context: XcodePluginContext, target: XcodeTarget) throws -> [Command] {
        guard let configuration = target.inputFiles.first(where: { $0.url.lastPathComponent == GeneratorConfiguration.fileName }) else {
            throw PluginError.noConfiguration(target: target.displayName)
        }
        return try Self.commands(
            targetName: target.displayName,
            targetDirectory: configuration.url.deletingLastPathComponent(),
            workDirectory: context.pluginWorkDirectoryURL,
            tool: try context.tool(named: "xapi-gen-plugin").url
        )
    }
}
#endif
