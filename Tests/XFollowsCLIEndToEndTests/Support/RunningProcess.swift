import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A built executable of this package run as a process, as a person runs it: its output
/// collected as it comes, its standard input writable, waited for with a timeout, signalled.
final class RunningProcess: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let name: String
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let error = Pipe()
    private let lock = NSLock()
    private var outputData = Data()
    private var errorData = Data()
    private var openStreams = 2

    /// The package's build directory, where `swift build` puts every product beside the tests.
    static func executable(_ name: String) throws -> URL {
        var candidates: [URL] = []
        if let main = Bundle.main.executableURL?.deletingLastPathComponent() { candidates.append(main.appendingPathComponent(name)) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name))
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent(name))
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Failure(description: "\(name) is not built next to the tests (looked at \(candidates.map(\.path))); run `swift build` first")
        }
        return found
    }

    /// Starts `name arguments…` (a product of this package, or a path) with exactly `environment`.
    init(_ name: String, _ arguments: [String], environment: [String: String], directory: URL? = nil) throws {
        self.name = name
        process.executableURL = name.hasPrefix("/") ? URL(fileURLWithPath: name) : try Self.executable(name)
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // One thread per stream reads until the end, in order; exitStatus waits for both.
        for (pipe, isOutput) in [(output, true), (error, false)] {
            let handle = pipe.fileHandleForReading
            Thread { [self] in
                while true {
                    let data = handle.availableData
                    if data.isEmpty { break }
                    lock.withLock { if isOutput { outputData.append(data) } else { errorData.append(data) } }
                }
                lock.withLock { openStreams -= 1 }
            }.start()
        }
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }
    var standardOutput: String { lock.withLock { String(decoding: outputData, as: UTF8.self) } }
    var standardError: String { lock.withLock { String(decoding: errorData, as: UTF8.self) } }

    /// Writes to the process's standard input.
    func write(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    /// Closes its standard input.
    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Sends a signal.
    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits until `condition` holds (checked every 20 ms), or throws after `timeout`.
    func wait(for what: String, timeout: Duration = .seconds(60), until condition: () throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while try !condition() {
            guard ContinuousClock.now < deadline else {
                throw Failure(description: "\(name) did not show \(what) within \(timeout).\nstdout: \(standardOutput.suffix(2000))\n"
                    + "stderr: \(standardError.suffix(2000))")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Waits for the exit; returns the status (128 + the signal for a killed process).
    @discardableResult
    func exitStatus(timeout: Duration = .seconds(300)) async throws -> Int32 {
        try await wait(for: "an exit", timeout: timeout) { !process.isRunning }
        try await wait(for: "the end of its output", timeout: .seconds(30)) { lock.withLock { openStreams == 0 } }
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }
}
