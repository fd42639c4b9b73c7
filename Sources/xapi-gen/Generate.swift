import ArgumentParser
import Foundation
import XAPIGenerator

extension XAPIGen {
    /// `xapi-gen generate [SPEC] [--output DIR] [--mode client|server] [--import MODULE] [--check] [--quiet]`.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate Swift sources from a spec (the default command).",
            discussion: """
            Writes \(Generator.Mode.client.files.map(\.rawValue).joined(separator: ", ")) (the client, \
            the default) or \(Generator.Mode.server.files.map(\.rawValue).joined(separator: ", ")) (the \
            server side, which imports the client module named with --import) into the output \
            directory. Each file is written atomically and only when its contents changed; when the \
            spec has an error nothing is written.

            Examples:
              xapi-gen generate
              xapi-gen generate spec/follows.yaml --output Generated/XFollows
              xapi-gen generate --mode server --import XFollows --output Generated/XFollowsServer
              xapi-gen generate --check
            """
        )

        @Argument(help: "The OpenAPI spec (YAML or JSON).")
        var spec: String = "spec/follows.yaml"

        @Option(name: .shortAndLong, help: "The directory to write the Swift files into.")
        var output: String = "Generated/XFollows"

        @Option(help: "The side to generate: client (models and client functions) or server.")
        var mode: Generator.Mode = .client

        @Option(name: .customLong("import"), help: "A module the generated files import (repeatable); the server imports the client module.")
        var imports: [String] = []

        @Flag(help: "Write nothing; exit 1 with a diff when the output directory is stale.")
        var check = false

        @Flag(name: .shortAndLong, help: "Print only diagnostics (for build plugins).")
        var quiet = false

        func run() throws {
            let result: Generator.Result
            do {
                result = try Generator(mode: mode, imports: imports).generate(specAt: spec)
            } catch let error as GeneratorError {
                report(error.diagnostics)
                let count = error.diagnostics.filter { $0.severity == .error }.count
                FileHandle.standardError.write(Data("xapi-gen: \(count) error\(count == 1 ? "" : "s") in \(spec); nothing was written\n".utf8))
                throw ExitCode(1)
            }
            report(result.diagnostics)

            let writer = OutputWriter(directory: URL(fileURLWithPath: output))
            if check {
                let stale = writer.staleFiles(comparedWith: result.files)
                guard stale.isEmpty else {
                    for file in stale { print(file.diff, terminator: "") }
                    FileHandle.standardError.write(Data("xapi-gen: \(output) is stale (\(stale.map(\.name.rawValue).joined(separator: ", "))); run `swift run xapi-gen generate \(spec) --output \(output)`\n".utf8))
                    throw ExitCode(1)
                }
                if !quiet { print("\(output) is up to date with \(spec)") }
                return
            }
            let outcomes: [(name: GeneratedFile.Name, outcome: OutputWriter.Outcome)]
            do {
                outcomes = try writer.write(result.files)
            } catch {
                FileHandle.standardError.write(Data("xapi-gen: error: cannot write \(output): \(error.localizedDescription)\n".utf8))
                throw ExitCode(1)
            }
            guard !quiet else { return }
            for entry in outcomes {
                print("\(entry.outcome.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(output)/\(entry.name.rawValue)")
            }
            let changed = outcomes.filter { $0.outcome != .unchanged }.count
            print("Generated \(outcomes.count) files from \(spec) (\(changed) changed).")
        }
    }
}

extension Generator.Mode: ExpressibleByArgument {}
