/// How much a request may send and how long it may take, as a real server bounds them: a
/// request past a size cap is refused with X's problem JSON (414, 431, 413), a connection
/// that sends half a request is answered 408 and closed, and an idle keep-alive connection
/// is closed.
///
/// The three timeouts follow the life of a connection:
///
/// - ``idleTimeout``: from the end of the last response (or from the connection's start) to
///   the first byte of the next request; the connection is then closed without an answer.
/// - ``headerTimeout``: from the first byte of a request to the end of its header fields;
///   a request that takes longer is answered `408 Request Timeout` and the connection closed,
///   however steadily its bytes trickle in.
/// - ``bodyTimeout``: from the end of the header fields to the end of the body; likewise 408.
///
/// ```swift
/// var configuration = SandboxConfiguration()
/// configuration.http.headerTimeout = .seconds(2)
/// configuration.http.maximumURLLength = 2_048
/// let server = try await SandboxServer.start(configuration)
/// ```
public struct SandboxHTTPLimits: Sendable, Hashable {
    /// The longest request target (path and query, in bytes) accepted; a longer one is
    /// answered `414 URI Too Long`. 8 KiB by default, as most servers allow.
    public var maximumURLLength: Int
    /// The most bytes the header fields of a request may take, names and values together; more
    /// (or more than 1,000 fields) is answered `431 Request Header Fields Too Large`. 16 KiB by
    /// default.
    public var maximumHeaderSize: Int
    /// The largest request body read (a follow body is a few dozen bytes); a larger one is
    /// answered `413 Content Too Large`. 64 KiB by default.
    public var maximumBodySize: Int
    /// The largest body of `POST /_sandbox/state/import` (an exported state), which is larger
    /// than any request of X's; a larger one is answered `413 Content Too Large`. 64 MiB by
    /// default.
    public var maximumStateImportSize = 64 * 1024 * 1024
    /// How long a connection may wait for the first byte of its next request. 60 seconds by
    /// default.
    public var idleTimeout: Duration
    /// How long a request may take from its first byte to the end of its header fields.
    /// 10 seconds by default.
    public var headerTimeout: Duration
    /// How long a request may take from the end of its header fields to the end of its body.
    /// 10 seconds by default.
    public var bodyTimeout: Duration

    /// Creates limits; every argument has the default described on its property.
    public init(
        maximumURLLength: Int = 8 * 1024,
        maximumHeaderSize: Int = 16 * 1024,
        maximumBodySize: Int = 64 * 1024,
        idleTimeout: Duration = .seconds(60),
        headerTimeout: Duration = .seconds(10),
        bodyTimeout: Duration = .seconds(10)
    ) {
        self.maximumURLLength = maximumURLLength
        self.maximumHeaderSize = maximumHeaderSize
        self.maximumBodySize = maximumBodySize
        self.idleTimeout = idleTimeout
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
    }

    /// The defaults: 8 KiB URLs, 16 KiB of header fields, 64 KiB bodies, 60 s idle, 10 s for
    /// the header fields and 10 s for the body.
    public static let standard = SandboxHTTPLimits()

    /// The most header fields a request may have (more is a 431).
    static let maximumHeaderFieldCount = 1_000

    /// How many bytes a request line may have beyond its target: the method, two spaces,
    /// `HTTP/1.1` and the CR (llhttp's longest method, `UNSUBSCRIBE`, has 11 letters).
    static let requestLineOverhead = 32
}
