import Foundation
import Logging
import XFollows

/// How a sandbox runs: where it listens, which graph it serves, which limits it enforces and
/// by which clock.
///
/// ```swift
/// var configuration = SandboxConfiguration()          // 127.0.0.1, a free port, the seeded graph
/// configuration.limits = .unlimited                   // like `x-sandbox --no-limits`
/// configuration.graph = try SandboxGraph(contentsOf: graphFile)
/// let server = try await SandboxServer.start(configuration)
/// ```
public struct SandboxConfiguration: Sendable {
    /// The address to bind, `127.0.0.1` by default (loopback only).
    public var host: String
    /// The port to bind; `0` (the default) picks a free one.
    public var port: Int
    /// The users, Tweets, follows and credentials served.
    public var graph: SandboxGraph
    /// The rate limits and daily caps enforced.
    public var limits: SandboxLimits
    /// Each App's prepaid credits at start (`x-sandbox --credits 5.00`): a request is refused
    /// with X's 402 once they are spent. `nil` (the default) for unlimited credits.
    public var credits: USD?
    /// Charged units (users read, requests) each App may use per UTC month before X's
    /// `usage-capped` 429 (`x-sandbox --usage-cap N`); `nil` (the default) for no cap.
    public var usageCap: Int?
    /// The sandbox's time.
    public var clock: SandboxClock
    /// How far an OAuth 1.0a timestamp may be from the sandbox's clock, in seconds (X: 5 minutes).
    public var timestampTolerance: TimeInterval
    /// How long an OAuth 2.0 access token it issues lives, in seconds (X: two hours;
    /// `x-sandbox --token-lifetime 61` makes clients refresh every second or so).
    public var accessTokenLifetime: TimeInterval
    /// The secret pagination tokens are authenticated with; `nil` (the default) draws a random
    /// one at start, so tokens do not outlive the server, as X's do not outlive their session.
    public var pageTokenSecret: Data?
    /// How many requests the journal keeps (the oldest go first); `0` keeps none.
    public var journalCapacity: Int
    /// Size caps and timeouts of the HTTP connections (``SandboxHTTPLimits/standard`` by default).
    public var http: SandboxHTTPLimits
    /// X's failures injected into answers (`x-sandbox --faults rate=0.1,seed=42`);
    /// ``SandboxFaults/none`` (the default) injects none.
    public var faults = SandboxFaults.none
    /// How activity events are delivered: keep-alives, dropped connections, backfill history.
    public var activity = SandboxActivityOptions()
    /// Where the sandbox keeps its state across restarts (`x-sandbox --state DIR`): the
    /// graph's changes, issued grants and tokens, rate-limit windows, daily caps and the bill,
    /// in a write-ahead journal replayed on start. `nil` (the default) forgets everything when
    /// the server stops. The XFollows article "The sandbox" describes the files.
    public var stateDirectory: URL?
    /// Where the server logs.
    public var logger: Logger

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        graph: SandboxGraph = .seeded(),
        limits: SandboxLimits = .documented,
        credits: USD? = nil,
        usageCap: Int? = nil,
        clock: SandboxClock = .system,
        timestampTolerance: TimeInterval = 300,
        accessTokenLifetime: TimeInterval = 7200,
        pageTokenSecret: Data? = nil,
        journalCapacity: Int = 100_000,
        http: SandboxHTTPLimits = .standard,
        logger: Logger = SandboxConfiguration.quietLogger
    ) {
        self.host = host
        self.port = port
        self.graph = graph
        self.limits = limits
        self.credits = credits
        self.usageCap = usageCap
        self.clock = clock
        self.timestampTolerance = timestampTolerance
        self.accessTokenLifetime = accessTokenLifetime
        self.pageTokenSecret = pageTokenSecret
        self.journalCapacity = journalCapacity
        self.http = http
        self.logger = logger
    }

    /// A logger that only reports warnings and errors.
    public static var quietLogger: Logger {
        var logger = Logger(label: "x-sandbox")
        logger.logLevel = .warning
        return logger
    }
}
