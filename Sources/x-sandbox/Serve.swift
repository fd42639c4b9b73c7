import ArgumentParser
import Foundation
import Logging
import XSandbox

/// `x-sandbox serve` (the default): serves the graph on 127.0.0.1 until Ctrl-C.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the spec's endpoints and X's OAuth endpoints on 127.0.0.1 until Ctrl-C (the default).",
        discussion: """
            Serves every operation of spec/follows.yaml — GET /2/users/:id/followers, \
            GET /2/users/:id/following, POST /2/users/:id/following, \
            DELETE /2/users/:source_user_id/following/:target_user_id, and the user lookups \
            GET /2/users/me, /2/users/:id, /2/users?ids=, /2/users/by/username/:username and \
            /2/users/by?usernames= — with X's fields, expansions, pagination, OAuth 1.0a and OAuth 2.0 \
            checks, rate limits, daily caps and error shapes, and X's OAuth endpoints (authorize page, \
            token, revoke, OAuth 1.0a request and access token, App-only token). It prints its URL \
            and demo credentials, then runs until Ctrl-C.

            By default it serves a deterministic seeded graph: 100,000 ordinary users, @XDevelopers \
            (2244994945) with 100,003 followers, @tenk_club (1497258931620306945) with exactly 10,000, \
            protected, withheld and suspended accounts, and three demo users whose credentials it prints.

            Examples:
              x-sandbox                          # port 8080, seeded graph, X's limits
              x-sandbox --port 0                 # a free port; the URL is printed
              x-sandbox --no-limits              # no rate limits or daily caps
              x-sandbox --rate-limit usersIdFollowers=15/900   # a 429 after 15 lookups
              x-sandbox --graph my-graph.json    # serve your own users and follows
              x-sandbox --seed 42                # another seeded graph
              x-sandbox --verbose                # log every request
            """
    )

    @Option(help: "The port to listen on (127.0.0.1 only); 0 picks a free port.")
    var port: Int = 8080

    @OptionGroup var graphOptions: GraphOptions

    @Flag(name: .customLong("no-limits"), help: "Enforce no rate limits or daily caps, and send no limit headers.")
    var noLimits = false

    @Option(name: .customLong("rate-limit"), help: ArgumentHelp(
        "A window of its own for one operation, e.g. usersIdFollowers=15/900 (15 requests per 15 minutes); repeatable.",
        valueName: "operation=requests/seconds"))
    var rateLimits: [RateLimitOverride] = []

    @Flag(help: "Log every request.")
    var verbose = false

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("The port must be between 0 and 65535, not \(port).")
        }
        if noLimits, !rateLimits.isEmpty {
            throw ValidationError("--rate-limit sets a window; --no-limits enforces none. Choose one.")
        }
    }

    func run() async throws {
        var logger = Logger(label: "x-sandbox")
        logger.logLevel = verbose ? .info : .warning
        let loaded = try graphOptions.load()
        var limits = noLimits ? SandboxLimits.unlimited : .documented
        for override in rateLimits { override.apply(to: &limits) }
        let configuration = SandboxConfiguration(port: port, graph: loaded, limits: limits, logger: logger)
        let server: SandboxServer
        do {
            server = try await SandboxServer.start(configuration)
        } catch {
            throw ValidationError(String(describing: error))
        }
        FileHandle.standardOutput.write(Data((Banner(server: server, graph: loaded, limitsEnabled: !noLimits).text + "\n").utf8))
        await Termination.wait()
        FileHandle.standardOutput.write(Data("\nStopping the sandbox…\n".utf8))
        await server.shutdown()
    }
}
