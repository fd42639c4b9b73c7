import Foundation
import Logging
import OpenAPIRuntime
import OpenAPIURLSession

/// How a client reaches the server and copes with failure and cost: URL, transport,
/// middlewares, retries, rate limits, daily caps, spending and budget, clock and logger.
///
/// ```swift
/// var configuration = ClientConfiguration(serverURL: URL(string: "http://127.0.0.1:8080")!)
/// configuration.middlewares = [TracingMiddleware()]   // run outermost, in order
/// configuration.rateLimitPolicy = .wait(maximum: .seconds(900))
/// configuration.dailyCaps = DailyCapLedger()
/// configuration.budget = SpendBudget(perDay: USD("5.00"))
/// let client = UserClient(credentials: credentials, configuration: configuration)
/// ```
public struct ClientConfiguration: Sendable {
    /// The server, `https://api.x.com` by default.
    public var serverURL: URL
    /// Sends requests: `URLSessionTransport` by default; any swift-openapi-runtime
    /// `ClientTransport` (such as AsyncHTTPClient's) plugs in.
    public var transport: any ClientTransport
    /// The caller's middlewares, outermost first. They see every attempt; the client signs
    /// each attempt after them, right before the transport.
    public var middlewares: [any ClientMiddleware]
    /// Which failures are retried, how often and with which backoff (``RetryPolicy/standard``
    /// by default).
    public var retryPolicy: RetryPolicy
    /// What a 429 does: fail (default) or wait for the reset and retry.
    public var rateLimitPolicy: RateLimitPolicy
    /// The client-side ledger of daily caps; `nil` (default) keeps none.
    public var dailyCaps: DailyCapLedger?
    /// What the App spent per UTC day under X's pay-per-usage pricing: every priced response
    /// is settled here into its ``Charge`` (each resource counted once per day, as X does). In
    /// memory by default; share a ``FileSpendStore`` between processes.
    public var spending: SpendLedger
    /// The most the client may spend (per UTC day, over its lifetime); a request whose worst
    /// case would pass it is refused before it is sent. `nil` (default) sets no limit.
    public var budget: SpendBudget?
    /// The user ID of the App's owner, for X's Owned Read prices (reading the owner's own
    /// followers costs $0.001 a user instead of $0.010); `nil` when unknown.
    public var appOwnerID: String?
    /// The clock for timestamps and waits.
    public var clock: ClientClock
    /// Where the client logs method, path and status at `debug`/`trace`; the `Authorization`
    /// header and every secret are redacted.
    public var logger: Logger
    /// The largest response body the client reads, in bytes (10 MiB by default).
    public var maximumResponseBytes: Int

    /// The default server, `https://api.x.com`.
    public static let defaultServerURL = URL(string: "https://api.x.com")!

    /// Creates a configuration.
    public init(
        serverURL: URL = ClientConfiguration.defaultServerURL,
        transport: any ClientTransport = URLSessionTransport(),
        middlewares: [any ClientMiddleware] = [],
        retryPolicy: RetryPolicy = .standard,
        rateLimitPolicy: RateLimitPolicy = .fail,
        dailyCaps: DailyCapLedger? = nil,
        spending: SpendLedger? = nil,
        budget: SpendBudget? = nil,
        appOwnerID: String? = nil,
        clock: ClientClock = .system,
        logger: Logger = Logger(label: "XAPIRuntime"),
        maximumResponseBytes: Int = 10 * 1024 * 1024
    ) {
        self.serverURL = serverURL
        self.transport = transport
        self.middlewares = middlewares
        self.retryPolicy = retryPolicy
        self.rateLimitPolicy = rateLimitPolicy
        self.dailyCaps = dailyCaps
        self.spending = spending ?? SpendLedger(clock: clock)
        self.budget = budget
        self.appOwnerID = appOwnerID
        self.clock = clock
        self.logger = logger
        self.maximumResponseBytes = maximumResponseBytes
    }
}
