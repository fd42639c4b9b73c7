import ArgumentParser
import Foundation
import XAPIGenerator

/// `xapi-gen`: generates the Swift client of an X API spec.
@main
struct XAPIGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xapi-gen",
        abstract: "Generate Swift models and typed endpoint functions from an X API OpenAPI spec.",
        discussion: """
        The spec is the single source of truth: models, field and expansion names, \
        operation descriptors (auth, rate limits, daily caps) and the typed endpoint \
        functions all come from it. Diagnostics print as path:line:col: severity: message.

        Examples:
          swift run xapi-gen                                   # spec/follows.yaml -> Generated/XFollows
          swift run xapi-gen generate spec/follows.yaml --output Generated/XFollows
          swift run xapi-gen generate --check                  # fail with a diff when Generated/ is stale
          swift run xapi-gen lint spec/follows.yaml            # diagnostics only
        """,
        version: "1.0.0",
        subcommands: [Generate.self, Lint.self],
        defaultSubcommand: Generate.self
    )
}
