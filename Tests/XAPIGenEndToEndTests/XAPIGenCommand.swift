import Foundation
import Testing

/// Runs the built `xapi-gen` executable as a user would.
struct XAPIGenCommand {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `xapi-gen` binary (or `tool`, another of the package's executables) beside the
    /// running test bundle (SwiftPM builds every executable of the package before it runs the
    /// tests).
    static func executable(_ tool: String = "xapi-gen") throws -> URL {
        var candidates: [URL] = []
        if let bundle = Bundle.main.executableURL?.deletingLastPathComponent() {
            candidates.append(bundle.appendingPathComponent(tool))
        }
        let argument0 = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        candidates.append(argument0.appendingPathComponent(tool))
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent(tool))
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CommandError("\(tool) is not built next to the tests (looked at \(candidates.map(\.path))); run `swift build` first")
        }
        return found
    }

    /// Runs `xapi-gen arguments…` (or `tool arguments…`) in `directory` and waits for it.
    ///
    /// The pipes are read and the exit waited for on threads of their own, never on the
    /// concurrency pool: tests run in parallel, and a blocked pool thread (there are as many as
    /// cores) would stall every other test's servers and timers on a small machine.
    static func run(_ arguments: [String], in directory: URL = packageRoot,
                    tool: String = "xapi-gen") async throws -> Result {
        let process = Process()
        process.executableURL = try executable(tool)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        return await withCheckedContinuation { continuation in
            Thread {
                // Both pipes are drained at once so a full one cannot block the child.
                let errorReader = PipeReader(error)
                let outputData = output.fileHandleForReading.readDataToEndOfFile()
                let errorData = errorReader.wait()
                process.waitUntilExit()
                continuation.resume(returning: Result(
                    status: process.terminationStatus,
                    standardOutput: String(decoding: outputData, as: UTF8.self),
                    standardError: String(decoding: errorData, as: UTF8.self)
                ))
            }.start()
        }
    }

    /// Reads a pipe to its end on a thread of its own.
    private final class PipeReader: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()

        init(_ pipe: Pipe) {
            Thread { [self] in
                data = pipe.fileHandleForReading.readDataToEndOfFile()
                done.signal()
            }.start()
        }

        /// Everything the pipe carried, once it has ended.
        func wait() -> Data {
            done.wait()
            return data
        }
    }

    struct CommandError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// A fresh temporary directory, removed when the test is done with it.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("xapi-gen-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Every file below the directory with its contents, to compare before and after.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
        while let file = enumerator?.nextObject() as? URL {
            guard (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(file.path.dropFirst(url.path.count))] = try Data(contentsOf: file)
        }
        return files
    }
}
