import Testing
import XAPIGenerator

/// `GenerateRun(pluginArguments:)`: the arguments the plugins pass `xapi-gen-plugin`, read
/// into the run `xapi-gen generate` would make of them, and anything else refused by name.
@Suite("The plugins' arguments")
struct GenerateRunTests {
    @Test("The build plugin's and the command plugin's arguments")
    func pluginArguments() throws {
        #expect(try GenerateRun(pluginArguments: ["/p/spec.yaml", "--output", "/w/GeneratedSources", "--quiet"])
                == GenerateRun(spec: "/p/spec.yaml", output: "/w/GeneratedSources", quiet: true))
        #expect(try GenerateRun(pluginArguments: ["/p/spec.yaml", "--output", "/p/Generated/S", "--mode", "server",
                                                  "--import", "XFollows", "--import", "Other", "--check"])
                == GenerateRun(spec: "/p/spec.yaml", output: "/p/Generated/S", mode: .server,
                               imports: ["XFollows", "Other"], check: true))
    }

    @Test("Refused, naming the argument", arguments: [
        (["--output", "/o"], "no spec"),
        (["/s.yaml"], "no --output directory"),
        (["/s.yaml", "--output"], "--output needs a value"),
        (["/s.yaml", "--output", "--quiet"], "--output needs a value"),
        (["/s.yaml", "--output", "/o", "--mode", "both"], "--mode 'both' is not one of client, server"),
        (["/s.yaml", "--output", "/o", "--verbose"], "unknown option '--verbose'"),
        (["generate", "/s.yaml", "--output", "/o"], "a second spec '/s.yaml'"),
    ])
    func refused(arguments: [String], message: String) {
        let error = #expect(throws: GenerateRun.ArgumentError.self) {
            try GenerateRun(pluginArguments: arguments)
        }
        #expect(error?.description == message)
    }
}
