import Foundation
import Testing
import XAPIGenerator

/// `xapi-gen generate`, `--check` and `lint`, run as processes.
@Suite("xapi-gen command")
struct GenerateCommandTests {
    let spec = XAPIGenCommand.packageRoot.appendingPathComponent("spec/follows.yaml").path

    @Test("generate writes the fixed file set and says what it wrote")
    func generateWritesFiles() async throws {
        let output = try TemporaryDirectory()
        let first = try await XAPIGenCommand.run(["generate", spec, "--output", output.url.path])
        #expect(first.status == 0, "\(first.standardError)")
        for name in Generator.Mode.client.files {
            #expect(first.standardOutput.contains("created   \(output.url.path)/\(name.rawValue)"))
            #expect(FileManager.default.fileExists(atPath: output.url.appendingPathComponent(name.rawValue).path))
        }
        #expect(first.standardOutput.contains("Generated 5 files from \(spec) (5 changed)."))

        // A second run changes nothing and says so.
        let before = try output.snapshot()
        let second = try await XAPIGenCommand.run(["generate", spec, "--output", output.url.path])
        #expect(second.status == 0)
        #expect(second.standardOutput.contains("(0 changed)"))
        #expect(try output.snapshot() == before)
    }

    @Test("generate rewrites only the files that changed")
    func generateUpdatesStaleFiles() async throws {
        let output = try TemporaryDirectory()
        _ = try await XAPIGenCommand.run(["generate", spec, "--output", output.url.path])
        let models = output.url.appendingPathComponent("Models.swift")
        try "// edited by hand\n".write(to: models, atomically: true, encoding: .utf8)
        let result = try await XAPIGenCommand.run(["generate", spec, "--output", output.url.path])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("updated   \(output.url.path)/Models.swift"))
        #expect(result.standardOutput.contains("unchanged \(output.url.path)/Clients.swift"))
        #expect(try String(contentsOf: models, encoding: .utf8) != "// edited by hand\n")
        // No temporary files are left behind.
        #expect(try output.snapshot().keys.sorted() == Generator.Mode.client.files.map { "/\($0.rawValue)" }.sorted())
    }

    @Test("generate with no arguments reads spec/follows.yaml into Generated/XFollows")
    func defaults() async throws {
        // Run in a copy of the layout so the repository's own Generated/ is not touched.
        let workspace = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: workspace.url.appendingPathComponent("spec"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: spec, toPath: workspace.url.appendingPathComponent("spec/follows.yaml").path)
        let result = try await XAPIGenCommand.run([], in: workspace.url)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("created   Generated/XFollows/Models.swift"))
        #expect(FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Generated/XFollows/Clients.swift").path))
    }

    @Test("--check passes on current output and fails with a diff on stale output")
    func check() async throws {
        let output = try TemporaryDirectory()
        _ = try await XAPIGenCommand.run(["generate", spec, "--output", output.url.path])
        let current = try await XAPIGenCommand.run(["generate", spec, "--output", output.url.path, "--check"])
        #expect(current.status == 0)
        #expect(current.standardOutput.contains("is up to date"))

        let fields = output.url.appendingPathComponent("Fields.swift")
        let original = try String(contentsOf: fields, encoding: .utf8)
        try original.replacingOccurrences(of: "case createdAt\n", with: "case creationDate\n").write(to: fields, atomically: true, encoding: .utf8)
        let before = try output.snapshot()
        let stale = try await XAPIGenCommand.run(["generate", spec, "--output", output.url.path, "--check"])
        #expect(stale.status == 1)
        #expect(stale.standardOutput.contains("--- a/Fields.swift (on disk)"))
        #expect(stale.standardOutput.contains("-        case creationDate"))
        #expect(stale.standardOutput.contains("+        case createdAt"))
        #expect(stale.standardError.contains("is stale (Fields.swift); run `swift run xapi-gen generate"))
        // --check writes nothing.
        #expect(try output.snapshot() == before)
    }

    @Test("The committed Generated/XFollows is current")
    func committedOutputIsCurrent() async throws {
        let result = try await XAPIGenCommand.run(["generate", "--check"])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    }

    @Test("lint reports diagnostics and exits by their severity")
    func lint() async throws {
        let clean = try await XAPIGenCommand.run(["lint", spec])
        #expect(clean.status == 0)
        #expect(clean.standardOutput.contains("0 errors, 0 warnings"))

        let directory = try TemporaryDirectory()
        let bad = directory.url.appendingPathComponent("bad.yaml")
        try "openapi: 3.1.0\ninfo:\n  title: T\npaths: {}\n".write(to: bad, atomically: true, encoding: .utf8)
        let result = try await XAPIGenCommand.run(["lint", bad.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(bad.path):3:3: error: missing required key 'version' in 'info'"))
        #expect(result.standardOutput.contains("1 error, 0 warnings"))
    }

    @Test("--help shows examples")
    func help() async throws {
        let result = try await XAPIGenCommand.run(["--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Examples:"))
        #expect(result.standardOutput.contains("swift run xapi-gen generate --check"))
        let generate = try await XAPIGenCommand.run(["generate", "--help"])
        #expect(generate.standardOutput.contains("--output"))
        #expect(generate.standardOutput.contains("--check"))
    }

    @Test("A wrong argument is a usage error")
    func wrongArgument() async throws {
        let result = try await XAPIGenCommand.run(["generate", spec, "--outptu", "x"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("Unknown option '--outptu'"))
    }

    @Test("A spec that cannot be read is an error located at the file")
    func unreadableSpec() async throws {
        let output = try TemporaryDirectory()
        let result = try await XAPIGenCommand.run(["generate", "no/such/spec.yaml", "--output", output.url.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("no/such/spec.yaml:1:1: error: cannot read the spec"))
        #expect(try output.snapshot().isEmpty)
    }

    @Test("An output path that is a file is an error, and the file is untouched")
    func outputIsAFile() async throws {
        let directory = try TemporaryDirectory()
        let file = directory.url.appendingPathComponent("occupied")
        try "keep me\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try await XAPIGenCommand.run(["generate", spec, "--output", file.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("error: cannot write \(file.path)"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me\n")
    }
}
