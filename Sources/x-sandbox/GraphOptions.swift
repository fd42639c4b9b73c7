import ArgumentParser
import Foundation
import XSandbox

/// Which graph a command reads: a JSON file, or the seeded graph of a seed.
struct GraphOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "A graph JSON file to serve instead of the seeded graph.",
        discussion: "The format (credentials, users, tweets, follows, pending_follows, suspended) is documented on SandboxGraph.init(contentsOf:).",
        valueName: "file"))
    var graph: String?

    @Option(help: "The seed of the generated graph (ignored with --graph).")
    var seed: UInt64 = SandboxGraph.defaultSeed

    /// The graph, loaded or generated.
    func load() throws -> SandboxGraph {
        guard let graph else { return SandboxGraph.seeded(seed: seed) }
        do {
            return try SandboxGraph(contentsOf: URL(fileURLWithPath: graph))
        } catch {
            throw ValidationError(error.description)
        }
    }
}
