/// How a ``WebhookReceiver`` listens and how much it holds: its path, the size of its event
/// buffer, its replay window and the largest body it reads. Every limit has a default that
/// fits X's Activity API deliveries; the consumer secret is not part of it, so a
/// configuration can be printed, compared and stored freely.
///
/// ```swift
/// var configuration = WebhookReceiverConfiguration()
/// configuration.path = "/hooks/x-activity"
/// configuration.capacity = 10_000             // a consumer that writes to a slow database
/// configuration.replayWindow = .seconds(3600)
/// let receiver = WebhookReceiver<ActivityEvent>(consumerSecret: secret, configuration: configuration)
/// ```
public struct WebhookReceiverConfiguration: Sendable, Hashable {
    /// The path X calls for both the CRC (`GET`) and deliveries (`POST`); `/webhooks/x` by
    /// default. A missing leading `/` is added. Register `https://<your host><path>` with X.
    public var path: String {
        didSet { path = Self.normalized(path) }
    }

    /// How many decoded events wait for the consumer at most; 1,024 by default, at least 1.
    /// Past it the newest event is dropped and counted (``WebhookStatistics/dropped``).
    public var capacity: Int

    /// How long a received delivery is remembered to recognise a replay of it (the same body,
    /// or the same `data.event_uuid`); 10 minutes by default. `.zero` remembers nothing.
    ///
    /// X retries a delivery it did not get a 200 for, and sometimes sends one twice, within
    /// minutes. Keep the window shorter than the age of the events you ask X to redeliver
    /// with a replay job (`POST /2/webhooks/replay`), or those would be taken for replays.
    public var replayWindow: Duration

    /// How many deliveries are remembered at most for the replay window; 10,000 by default.
    /// Past it the oldest is forgotten early, and a replay of it would be delivered again.
    /// About 200 bytes each.
    public var replayMemory: Int

    /// The largest body read, in bytes; 1 MiB by default. A larger one is answered `413` and
    /// not read.
    public var maximumBodySize: Int

    /// The default path, `/webhooks/x`.
    public static let defaultPath = "/webhooks/x"

    /// Creates a configuration.
    ///
    /// - Precondition: `capacity` and `maximumBodySize` are at least 1, `replayMemory` at
    ///   least 0, `replayWindow` not negative.
    public init(
        path: String = WebhookReceiverConfiguration.defaultPath,
        capacity: Int = 1_024,
        replayWindow: Duration = .seconds(600),
        replayMemory: Int = 10_000,
        maximumBodySize: Int = 1 << 20
    ) {
        self.path = Self.normalized(path)
        self.capacity = capacity
        self.replayWindow = replayWindow
        self.replayMemory = replayMemory
        self.maximumBodySize = maximumBodySize
        checkLimits()
    }

    /// Stops on a limit out of range: here, and again when a receiver is made (the
    /// properties can be changed in between).
    func checkLimits() {
        precondition(capacity >= 1, "A webhook receiver's capacity must be at least 1.")
        precondition(maximumBodySize >= 1, "A webhook receiver's maximumBodySize must be at least 1.")
        precondition(replayMemory >= 0 && replayWindow >= .zero, "A replay window and memory cannot be negative.")
    }

    private static func normalized(_ path: String) -> String {
        path.hasPrefix("/") ? path : "/" + path
    }
}
