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
            let status = GenerateRun(spec: spec, output: output, mode: mode, imports: imports,
                                     check: check, quiet: quiet).run()
            if status != 0 { throw ExitCode(status) }
        }
    }
}

extension Generator.Mode: ExpressibleByArgument {}
