import Foundation

/// The `xapi-gen.json` file a target carries to opt in to code generation.
///
/// ```json
/// { "spec": "../../spec/follows.yaml" }
/// ```
///
/// `spec` is resolved relative to the directory that holds the configuration
/// file, so a target can point at a spec anywhere in its package. A server
/// target generates the server side of a spec whose client library is another
/// target:
///
/// ```json
/// { "spec": "../../spec/follows.yaml", "mode": "server", "imports": ["XFollows"] }
/// ```
struct GeneratorConfiguration: Decodable {
    /// The configuration file name the plugins look for in a target's directory.
    static let fileName = "xapi-gen.json"

    /// The Swift files `xapi-gen generate` always writes in each mode, whatever
    /// the spec holds.
    ///
    /// SwiftPM needs a build command's outputs before the command runs, so the
    /// generator writes a fixed set; `XAPIGeneratorTests` checks these lists
    /// against the generator's own.
    static let outputFileNames = [
        "client": ["Models.swift", "Models+Nested.swift", "Fields.swift", "Operations.swift", "Clients.swift"],
        "server": ["Server.swift"],
    ]

    /// The path of the spec, relative to the configuration file's directory.
    var spec: String
    /// `client` (the default) or `server`.
    var mode: String?
    /// Modules the generated files import (the client library, for a server).
    var imports: [String]?

    /// The files this configuration's mode writes.
    var outputs: [String] { Self.outputFileNames[mode ?? "client"] ?? [] }

    /// The `xapi-gen generate` arguments for the mode and imports (which `xapi-gen-plugin`
    /// reads with `GenerateRun(pluginArguments:)`).
    var generatorArguments: [String] {
        (mode.map { ["--mode", $0] } ?? []) + (imports ?? []).flatMap { ["--import", $0] }
    }

    /// Reads the configuration in `directory`, or returns `nil` when the target has none.
    static func load(inTargetDirectory directory: URL) throws -> (configuration: URL, spec: URL, settings: GeneratorConfiguration)? {
        let configurationURL = directory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: configurationURL.path) else { return nil }
        let data = try Data(contentsOf: configurationURL)
        let configuration: GeneratorConfiguration
        do {
            configuration = try JSONDecoder().decode(GeneratorConfiguration.self, from: data)
        } catch {
            throw PluginError.invalidConfiguration(path: configurationURL.path, reason: "\(error)")
        }
        if let mode = configuration.mode, Self.outputFileNames[mode] == nil {
            throw PluginError.invalidConfiguration(
                path: configurationURL.path,
                reason: "'mode' is '\(mode)'; it must be one of \(Self.outputFileNames.keys.sorted().joined(separator: ", "))")
        }
        let specURL = directory.appendingPathComponent(configuration.spec).standardizedFileURL
        guard FileManager.default.fileExists(atPath: specURL.path) else {
            throw PluginError.missingSpec(path: specURL.path, configuration: configurationURL.path)
        }
        return (configurationURL, specURL, configuration)
    }
}

/// Errors the plugins report to SwiftPM.
enum PluginError: Error, CustomStringConvertible {
    case invalidConfiguration(path: String, reason: String)
    case missingSpec(path: String, configuration: String)
    case noConfiguration(target: String)
    case generatorFailed(target: String, status: Int32)

    var description: String {
        switch self {
        case .invalidConfiguration(let path, let reason):
            "\(path):1:1: error: invalid xapi-gen configuration: \(reason)"
        case .missingSpec(let path, let configuration):
            "\(configuration):1:1: error: the spec '\(path)' does not exist"
        case .noConfiguration(let target):
            "target '\(target)' has no \(GeneratorConfiguration.fileName); add one that names its spec"
        case .generatorFailed(let target, let status):
            "xapi-gen failed for target '\(target)' (exit status \(status))"
        }
    }
}
