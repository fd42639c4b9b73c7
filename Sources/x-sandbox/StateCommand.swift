import ArgumentParser
import Foundation
import XFollows
import XSandbox

/// `x-sandbox state export|import|reset --state DIR`: the kept state of a sandbox that is not
/// running (a running one answers `/_sandbox/state/export`, `import` and `reset`).
struct StateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Export, import or reset the state a sandbox keeps with --state DIR, while it is not running.",
        discussion: """
            The state is the graph's changes, OAuth 2.0 grants and tokens, App-only bearer token, \
            rate-limit windows, daily caps and the bill. Give the same --graph or --seed the sandbox \
            serves: a state belongs to its graph. An export holds live tokens; it is written with mode 0600.

            Examples:
              x-sandbox state export --state ./state -o state.json
              x-sandbox state import state.json --state ./other-state
              x-sandbox state reset --state ./state
            """,
        subcommands: [Export.self, Import.self, Reset.self]
    )

    /// The directory and the graph every state subcommand needs.
    struct Location: ParsableArguments {
        @Option(help: ArgumentHelp("The state directory (as given to `x-sandbox --state`).", valueName: "dir"))
        var state: String

        @OptionGroup var graphOptions: GraphOptions

        var url: URL { URL(fileURLWithPath: state, isDirectory: true) }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the state as one JSON document (standard output, or -o FILE).")

        @OptionGroup var location: Location

        @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (mode 0600).", valueName: "file"))
        var output: String?

        func run() throws {
            let document: Data
            do {
                document = try SandboxStateDirectory.export(location.url, graph: location.graphOptions.load())
            } catch {
                throw ValidationError(String(describing: error))
            }
            if let output {
                try AtomicFile.write(document, to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(document + Data("\n".utf8))
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace the state with an exported document's, all or nothing.")

        @Argument(help: ArgumentHelp("The exported document.", valueName: "file"))
        var file: String

        @OptionGroup var location: Location

        func run() throws {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw ValidationError("Cannot read \(file): \(error.localizedDescription)")
            }
            do {
                try SandboxStateDirectory.import(data, into: location.url, graph: location.graphOptions.load(), source: file)
            } catch {
                throw ValidationError(String(describing: error))
            }
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Forget every change the state holds.")

        @OptionGroup var location: Location

        func run() throws {
            do {
                try SandboxStateDirectory.reset(location.url, graph: location.graphOptions.load())
            } catch {
                throw ValidationError(String(describing: error))
            }
        }
    }
}
