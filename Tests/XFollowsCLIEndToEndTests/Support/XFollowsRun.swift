import Foundation

/// A place for one test's xfollows runs: its own configuration directory and files, the
/// server in the environment, and nothing of the developer's environment (no browser, no
/// credentials).
final class Workspace: @unchecked Sendable {
    let directory: URL
    let sandbox: Sandbox

    init(sandbox: Sandbox) throws {
        self.sandbox = sandbox
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("xfollows-e2e-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    var configDirectory: URL { directory.appendingPathComponent("config", isDirectory: true) }
    func file(_ name: String) -> URL { directory.appendingPathComponent(name) }

    var environment: [String: String] {
        [
            "PATH": "/usr/bin:/bin",
            "HOME": directory.path,
            "XFOLLOWS_CONFIG_DIR": configDirectory.path,
            "XFOLLOWS_SERVER": sandbox.url.absoluteString,
        ]
    }

    /// Starts `xfollows arguments…`.
    func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> RunningProcess {
        try RunningProcess("xfollows", arguments, environment: environment.merging(extra) { $1 }, directory: directory)
    }

    /// Runs `xfollows arguments…` to the end, with `input` on its standard input.
    func run(_ arguments: [String], environment extra: [String: String] = [:], input: String? = nil,
             timeout: Duration = .seconds(300)) async throws -> (status: Int32, output: String, errors: String) {
        let process = try start(arguments, environment: extra)
        if let input { process.write(input) }
        process.closeInput()
        let status = try await process.exitStatus(timeout: timeout)
        return (status, process.standardOutput, process.standardError)
    }
}
