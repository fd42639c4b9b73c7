import ArgumentParser

/// `x-sandbox`: serves the X API v2 follows endpoints on loopback until Ctrl-C (`serve`, the
/// default), and answers from the same graph without a server (`ids`, `credentials`), so that
/// scripts can check what a client got against what the sandbox holds.
@main
struct XSandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "x-sandbox",
        abstract: "A local X API v2 sandbox on 127.0.0.1: followers, following, follow, unfollow, user lookup and X's OAuth endpoints.",
        discussion: """
            Without a subcommand it serves (see `x-sandbox help serve` for --port, --graph, --seed, --faults, \
            --no-limits, --state and --verbose). `ids` and `credentials` read the same graph and print, \
            without starting a server; `state` exports, imports or resets a kept state.

            Examples:
              x-sandbox                           # serve on port 8080
              x-sandbox --port 0                  # serve on a free port
              x-sandbox --faults rate=0.1,seed=42 # serve with X's failures on 1 request in 10
              x-sandbox ids followers 2244994945  # what a client should page through
              x-sandbox credentials               # the demo credentials, as JSON
              x-sandbox --state ./state           # keep the state across restarts
              x-sandbox state export --state ./state -o state.json
            """,
        subcommands: [Serve.self, ListIDs.self, PrintCredentials.self, StateCommand.self],
        defaultSubcommand: Serve.self
    )
}
