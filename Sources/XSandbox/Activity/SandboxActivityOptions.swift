/// How x-sandbox delivers activity events: how often an idle stream gets a keep-alive line,
/// whether it drops stream connections on purpose so reconnection is exercised, and how
/// long events stay available for `backfill_minutes`.
///
/// ```swift
/// var configuration = SandboxConfiguration()
/// configuration.activity.keepAliveInterval = .milliseconds(200)
/// configuration.activity.dropStreamEvery = 3          // like `x-sandbox --drop-stream-every 3`
/// ```
public struct SandboxActivityOptions: Sendable, Hashable {
    /// How often a stream sends a keep-alive line when nothing else is sent (X: at least every
    /// 20 seconds).
    public var keepAliveInterval: Duration
    /// Close every stream connection after this many events (`nil`, the default, never does),
    /// so a client's reconnection and backfill run for real.
    public var dropStreamEvery: Int?
    /// How long delivered events stay available to `backfill_minutes` (X: 5 minutes).
    public var history: Duration
    /// How long a webhook has to answer a challenge or a delivery (X: 10 seconds).
    public var webhookTimeout: Duration

    /// Creates options; the defaults are X's.
    public init(
        keepAliveInterval: Duration = .seconds(20), dropStreamEvery: Int? = nil, history: Duration = .seconds(300),
        webhookTimeout: Duration = .seconds(10)
    ) {
        self.keepAliveInterval = keepAliveInterval
        self.dropStreamEvery = dropStreamEvery
        self.history = history
        self.webhookTimeout = webhookTimeout
    }
}
