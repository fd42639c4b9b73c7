import ArgumentParser
import Foundation
import XAPIGenerator

extension XAPIGen {
    /// `xapi-gen lint SPEC`.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a spec and print its diagnostics without generating anything.",
            discussion: """
            Exits 1 when the spec has an error, 0 otherwise (warnings included).

            Example:
              xapi-gen lint spec/follows.yaml
            """
        )

        @Argument(help: "The OpenAPI spec (YAML or JSON).")
        var spec: String = "spec/follows.yaml"

        func run() throws {
            let diagnostics = Generator().lint(specAt: spec)
            GenerateRun.report(diagnostics)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            print("\(spec): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            if errors > 0 { throw ExitCode(1) }
        }
    }
}
