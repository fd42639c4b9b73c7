import Foundation
import OpenAPIRuntime
@testable import XFollowsCLI

/// A temporary configuration directory and a context with captured output, for one test.
final class TestEnvironment: @unchecked Sendable {
    let directory: URL
    let output = TextOutput.capturing()
    let errors: CapturedOutput

    init(terminal: Bool = false) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("xfollows-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        errors = TextOutput.capturing(isTerminal: terminal)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    var configDirectory: ConfigDirectory { ConfigDirectory(url: directory.appendingPathComponent("config", isDirectory: true)) }

    func context(server: ServerTarget = try! ServerTarget(parsing: "http://127.0.0.1:9"), transport: (any ClientTransport)? = nil,
                 environment: [String: String] = [:], verbose: Bool = false) -> CommandContext {
        CommandContext(server: server, directory: configDirectory, environment: environment, output: output.output,
                       errors: errors.output, verbose: verbose, transport: transport)
    }

    /// A context talking to an in-process sandbox through its recording transport.
    func context(_ sandbox: SandboxX) -> CommandContext {
        context(server: try! ServerTarget(parsing: sandbox.server.baseURL.absoluteString), transport: sandbox.transport)
    }

    func file(_ name: String) -> URL { directory.appendingPathComponent(name) }
}
