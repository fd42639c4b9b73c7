import ArgumentParser
import Foundation
import XSandbox

/// `x-sandbox credentials`: the keys and tokens the graph accepts, as the graph file's
/// `credentials` JSON, for scripts that drive a client against the sandbox.
struct PrintCredentials: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credentials",
        abstract: "Print the credentials the sandbox accepts, as JSON (the graph file's \"credentials\").",
        discussion: """
            These are sandbox credentials, printed by `serve` too; they work nowhere else.

            Example:
              x-sandbox credentials | python3 -c 'import json,sys; print(json.load(sys.stdin)["bearer_token"])'
            """
    )

    @OptionGroup var graphOptions: GraphOptions

    func run() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var json = try encoder.encode(graphOptions.load().credentials)
        json.append(UInt8(ascii: "\n"))
        FileHandle.standardOutput.write(json)
    }
}
