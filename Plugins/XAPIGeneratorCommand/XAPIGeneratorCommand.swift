import Foundation
import PackagePlugin

/// Refreshes the committed copy of generated sources:
/// `swift package --allow-writing-to-package-directory generate-xapi`.
///
/// For every non-test target with an `xapi-gen.json` (or only those passed
/// with `--target NAME`), it runs `xapi-gen generate SPEC --output Generated/NAME` (through
/// the `xapi-gen-plugin` tool).
/// Pass `--check` to fail, with a diff, when `Generated/` is stale instead.
@main
struct XAPIGeneratorCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let requestedTargets = Set(extractor.extractOption(named: "target"))
        let check = extractor.extractFlag(named: "check") > 0
        let tool = try context.tool(named: "xapi-gen-plugin").url

        var generated = 0
        for target in context.package.targets {
            guard let sourceTarget = target as? SourceModuleTarget else { continue }
            // Test targets generate for themselves; they have no committed copy unless asked for.
            if requestedTargets.isEmpty, sourceTarget.kind == .test { continue }
            guard requestedTargets.isEmpty || requestedTargets.contains(target.name) else { continue }
            guard let inputs = try GeneratorConfiguration.load(inTargetDirectory: sourceTarget.directoryURL) else {
                if requestedTargets.contains(target.name) { throw PluginError.noConfiguration(target: target.name) }
                continue
            }
            let output = context.package.directoryURL
                .appendingPathComponent("Generated")
                .appendingPathComponent(target.name)
            var arguments = [inputs.spec.path, "--output", output.path] + inputs.settings.generatorArguments
            if check { arguments.append("--check") }
            let process = Process()
            process.executableURL = tool
            process.arguments = arguments
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw PluginError.generatorFailed(target: target.name, status: process.terminationStatus)
            }
            generated += 1
        }
        if generated == 0 {
            Diagnostics.warning("no target has an \(GeneratorConfiguration.fileName); nothing to generate")
        }
    }
}
