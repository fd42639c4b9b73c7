import Foundation

/// The `xapi-gen.json` file a target carries to opt in to code generation.
///
/// ```json
/// { "spec": "../../spec/follows.yaml" }
/// ```
///
/// `spec` is resolved relative to the directory that holds the configuration
/// file, so a target can point at a spec anywhere in its package.
struct GeneratorConfiguration: Decodable {
    /// The configuration file name the plugins look for in a target's directory.
    static let fileName = "xapi-gen.json"

    /// The Swift files `xapi-gen generate` always writes, whatever the spec holds.
    ///
    /// SwiftPM needs a build command's outputs before the command runs, so the
    /// generator writes a fixed set; `XAPIGeneratorTests` checks this list
    /// against the generator's own.
    static let outputFileNames = ["Models.swift", "Fields.swift", "Operations.swift", "Clients.swift"]

    /// The path of the spec, relative to the configuration file's directory.
    var spec: String

    /// Reads the configuration in `directory`, or returns `nil` when the target has none.
    static func load(inTargetDirectory directory: URL) throws -> (configuration: URL, spec: URL)? {
        let configurationURL = directory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: configurationURL.path) else { return nil }
        let data = try Data(contentsOf: configurationURL)
        let configuration: GeneratorConfiguration
        do {
            configuration = try JSONDecoder().decode(GeneratorConfiguration.self, from: data)
        } catch {
            throw PluginError.invalidConfiguration(path: configurationURL.path, reason: "\(error)")
        }
        let specURL = directory.appendingPathComponent(configuration.spec).standardizedFileURL
        guard FileManager.default.fileExists(atPath: specURL.path) else {
            throw PluginError.missingSpec(path: specURL.path, configuration: configurationURL.path)
        }
        return (configurationURL, specURL)
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
