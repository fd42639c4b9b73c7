import ArgumentParser
import Foundation
import Logging
import XFollows
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

            It serves X's Activity API for follows too: subscriptions to follow.follow and \
            follow.unfollow (/2/activity/subscriptions), the persistent stream (GET /2/activity/stream, \
            with keep-alive lines, backfill_minutes and two connections per App) and webhooks \
            (/2/webhooks, registered after X's challenge-response check, deliveries signed with the \
            App's API secret). A follow or unfollow made through it becomes an event; so does one \
            scripted with POST /_sandbox/follows {"source_user_id", "target_user_id", "action": \
            "follow" | "unfollow"}.

            It bills as X's pay-per-usage pricing does (prices from the spec, Owned Reads for the App \
            owner's own lists, each user charged once per UTC day): GET /_sandbox/bill shows what \
            each App was charged. Its first demo App is on enterprise (following works); its second \
            is on pay-per-use, where follow answers X's client-forbidden 403, as on X since \
            2026-04-20.

            By default it serves a deterministic seeded graph: 100,000 ordinary users, @XDevelopers \
            (2244994945) with 100,003 followers, @tenk_club (1497258931620306945) with exactly 10,000, \
            protected, withheld and suspended accounts, and three demo users whose credentials it prints.

            Examples:
              x-sandbox                          # port 8080, seeded graph, X's limits
              x-sandbox --port 0                 # a free port; the URL is printed
              x-sandbox --no-limits              # no rate limits or daily caps
              x-sandbox --rate-limit usersIdFollowers=15/900   # a 429 after 15 lookups
              x-sandbox --credits 5.00           # X's 402 once $5.00 is spent
              x-sandbox --usage-cap 1000         # X's usage-capped 429 after 1,000 charged users
              x-sandbox --drop-stream-every 3    # close each activity stream after 3 events
              x-sandbox --faults rate=0.1,seed=42                 # X's failures on 1 request in 10
              x-sandbox --faults rate=0.2,kinds=503-retry-after+reset-mid-body,delay=2
              x-sandbox --faults-file faults.txt # the same settings from a file
              x-sandbox --graph my-graph.json    # serve your own users and follows
              x-sandbox --seed 42                # another seeded graph
              x-sandbox --verbose                # log every request
              x-sandbox --state ./state          # keep follows, tokens, limits and the bill across restarts

            With --state DIR it keeps its state in DIR (a write-ahead journal, synced before each \
            answer, replayed on start): the graph's changes, OAuth 2.0 grants and tokens, the App-only \
            bearer token, rate-limit windows, daily caps and the bill survive a restart or a kill -9, \
            and pagination tokens stay valid. A state belongs to its graph (same --graph or --seed). \
            GET /_sandbox/state/export, POST /_sandbox/state/import and POST /_sandbox/state/reset \
            work on it while it runs; `x-sandbox state export|import|reset` while it does not.

            GET /_sandbox/dashboard is the sandbox's own dashboard (not an X page): the journal of \
            requests, each rate-limit window and daily cap, the bill and injected faults, live \
            (it polls GET /_sandbox/state, which answers the same as JSON, without secrets).
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

    @Option(help: ArgumentHelp(
        "Each App's prepaid credits in dollars, e.g. 5.00: once spent, requests get X's 402 (credits-depleted); "
            + "POST /_sandbox/credits adds more. Default: unlimited.",
        valueName: "dollars"))
    var credits: String?

    @Option(name: .customLong("usage-cap"), help: ArgumentHelp(
        "Charged units (users read, requests) each App may use per month before X's usage-capped 429. Default: none.",
        valueName: "n"))
    var usageCap: Int?

    @Option(name: .customLong("token-lifetime"), help: ArgumentHelp(
        "How long OAuth 2.0 access tokens live, in seconds (X: 7200); short lifetimes make clients refresh often, for tests.",
        valueName: "seconds"))
    var tokenLifetime: Int = 7200

    @Option(name: .customLong("keep-alive"), help: ArgumentHelp(
        "Seconds between the activity stream's keep-alive lines (X: 20).", valueName: "seconds"))
    var keepAlive: Double = 20

    @Option(name: .customLong("drop-stream-every"), help: ArgumentHelp(
        "Close each activity stream connection after N events, so clients' reconnection and backfill run. Default: never.",
        valueName: "n"))
    var dropStreamEvery: Int?

    @Option(help: ArgumentHelp(
        "Keep the state (follows, tokens, limits, the bill) in this directory across restarts; created if missing.",
        valueName: "dir"))
    var state: String?

    @Option(help: ArgumentHelp(
        "Inject X's failures: comma-separated settings rate=SHARE (required, 0 to 1), seed=N, kinds=NAME+NAME "
            + "(default all: \(SandboxFault.names)), delay=SECONDS (slow faults, default 1), retry-after=SECONDS "
            + "(default 1), burst=N (429s in a row, default 3), operations=ID+ID (only these, e.g. usersIdFollow), sandbox-paths=yes (also /_sandbox/ and the OAuth pages). "
            + "The same seed gives the same faults to the same requests; each is recorded in the journal.",
        valueName: "settings"))
    var faults: String?

    @Option(name: .customLong("faults-file"), help: ArgumentHelp(
        "Read the --faults settings from a file: one or more a line, # comments.", valueName: "file"))
    var faultsFile: String?

    @Flag(help: "Log every request.")
    var verbose = false

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("The port must be between 0 and 65535, not \(port).")
        }
        if let credits, USD(credits) == nil {
            throw ValidationError("--credits takes an amount of dollars such as 5.00, not \"\(credits)\".")
        }
        if tokenLifetime < 1 {
            throw ValidationError("--token-lifetime must be at least 1 second, not \(tokenLifetime).")
        }
        if let usageCap, usageCap < 1 {
            throw ValidationError("--usage-cap must be at least 1, not \(usageCap).")
        }
        if !(keepAlive > 0 && keepAlive <= 3600) {
            throw ValidationError("--keep-alive takes seconds between 0 and 3600, such as 20, not \(keepAlive).")
        }
        if let dropStreamEvery, dropStreamEvery < 1 {
            throw ValidationError("--drop-stream-every must be at least 1, not \(dropStreamEvery).")
        }
        if faults != nil, faultsFile != nil {
            throw ValidationError("--faults and --faults-file both set the faults. Choose one.")
        }
        _ = try faultPlan()
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
        var configuration = SandboxConfiguration(port: port, graph: loaded, limits: limits,
                                                 credits: credits.flatMap(USD.init), usageCap: usageCap,
                                                 accessTokenLifetime: TimeInterval(tokenLifetime), logger: logger)
        configuration.activity.keepAliveInterval = .milliseconds(Int64((keepAlive * 1000).rounded()))
        configuration.activity.dropStreamEvery = dropStreamEvery
        configuration.stateDirectory = state.map { URL(fileURLWithPath: $0, isDirectory: true) }
        configuration.faults = try faultPlan()
        let server: SandboxServer
        do {
            server = try await SandboxServer.start(configuration)
        } catch {
            throw ValidationError(String(describing: error))
        }
        let banner = Banner(server: server, graph: loaded, limitsEnabled: !noLimits,
                            credits: configuration.credits, usageCap: usageCap, stateDirectory: state,
                            faults: configuration.faults)
        FileHandle.standardOutput.write(Data((banner.text + "\n").utf8))
        await Termination.wait()
        FileHandle.standardOutput.write(Data("\nStopping the sandbox…\n".utf8))
        await server.shutdown()
    }

    /// The faults of `--faults` or `--faults-file`; none without either.
    private func faultPlan() throws -> SandboxFaults {
        do {
            if let faults { return try SandboxFaults(parsing: faults) }
            if let faultsFile { return try SandboxFaults(contentsOf: URL(fileURLWithPath: faultsFile)) }
            return .none
        } catch let error as SandboxFaults.ParseError {
            throw ValidationError(error.description)
        }
    }
}
