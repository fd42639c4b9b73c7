/// Which of X's failures the sandbox injects, how often, and from which seed
/// (`x-sandbox --faults rate=0.1,seed=42`): a share of eligible requests, drawn
/// deterministically from the seed and the request's place in the run, gets one fault drawn
/// from ``kinds``. Each fault is recorded in the journal (``SandboxRequestRecord/fault``).
///
/// Eligible are the spec's operations (not the activity stream): the sandbox's own
/// `/_sandbox/` paths and its OAuth pages and endpoints get faults only with
/// ``includesSandboxPaths``.
///
/// ```swift
/// var configuration = SandboxConfiguration()
/// configuration.faults = SandboxFaults(rate: 0.1, seed: 7)                  // every kind
/// configuration.faults = SandboxFaults(rate: 1, seed: 7, kinds: [.resetMidBody])
/// configuration.faults = try SandboxFaults(parsing: "rate=0.1,kinds=503+truncated-body")
/// ```
public struct SandboxFaults: Sendable, Hashable {
    /// The share of eligible requests that get a fault, from 0 (none) to 1 (all).
    public var rate: Double
    /// The seed: the same seed, rate and kinds give the same fault to the same request of a
    /// run (the n-th eligible request, in the order they reach the sandbox).
    public var seed: UInt64
    /// The faults drawn from, each as likely as the others.
    public var kinds: [SandboxFault]
    /// How long a slow first byte waits, and how long a slow body takes.
    public var delay: Duration
    /// The `Retry-After` of the faults that send one, and how long a 429 burst's window says
    /// it is spent, in seconds.
    public var retryAfterSeconds: Int
    /// How many eligible requests in a row a 429 burst refuses, the first included.
    public var burstLength: Int
    /// The operations (by ID, such as `usersIdFollow`) that get faults; `nil` (the default)
    /// for every operation of the spec.
    public var operations: Set<String>?
    /// Whether the sandbox's own paths (`/_sandbox/…`) and its OAuth pages and endpoints get
    /// faults too.
    public var includesSandboxPaths: Bool

    /// Creates a fault plan; every argument but `rate` has a default.
    public init(
        rate: Double, seed: UInt64 = 1, kinds: [SandboxFault] = SandboxFault.allCases, delay: Duration = .seconds(1),
        retryAfterSeconds: Int = 1, burstLength: Int = 3, operations: Set<String>? = nil, includesSandboxPaths: Bool = false
    ) {
        self.operations = operations
        self.rate = min(1, max(0, rate))
        self.seed = seed
        self.kinds = kinds.isEmpty ? SandboxFault.allCases : kinds
        self.delay = delay
        self.retryAfterSeconds = max(0, retryAfterSeconds)
        self.burstLength = max(1, burstLength)
        self.includesSandboxPaths = includesSandboxPaths
    }

    /// No faults.
    public static let none = SandboxFaults(rate: 0)
}
