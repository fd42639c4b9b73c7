/// One of X's failures the sandbox can inject into an answer (``SandboxFaults``).
///
/// Five kinds answer *instead of* the operation, so nothing changes, counts or is charged: ``serverError``,
/// ``serverErrorRetryAfter``, ``unavailable``, ``unavailableRetryAfter`` and ``rateLimitBurst``.
/// The others let the operation run first, so what it did stays done, as on X when an answer
/// is lost on the way: a follow whose connection was reset is still a follow, and was charged
/// and counted under its daily cap.
///
/// ```swift
/// let records = await server.requests()
/// records.filter { $0.fault == .resetMidBody }.count
/// ```
public enum SandboxFault: String, Sendable, Hashable, CaseIterable, Codable {
    /// `500 Internal Server Error` with X's problem JSON, without `Retry-After`; the operation
    /// does not run.
    case serverError = "500"
    /// `500` with `Retry-After` (``SandboxFaults/retryAfterSeconds``); the operation does not run.
    case serverErrorRetryAfter = "500-retry-after"
    /// `503 Service Unavailable` (X's "over capacity"), without `Retry-After`; the operation
    /// does not run.
    case unavailable = "503"
    /// `503` with `Retry-After`; the operation does not run.
    case unavailableRetryAfter = "503-retry-after"
    /// X's `429 Too Many Requests` with its rate-limit headers saying the window is spent
    /// until ``SandboxFaults/retryAfterSeconds`` from now, for this request and the next
    /// ``SandboxFaults/burstLength`` − 1 eligible ones; none of them runs.
    case rateLimitBurst = "429-burst"
    /// The operation runs, then the connection is reset (TCP RST) before any byte of the answer.
    case resetBeforeResponse = "reset-before-response"
    /// The operation runs; the head and half the body go out, then the connection is reset.
    case resetMidBody = "reset-mid-body"
    /// The operation runs; the answer is complete as HTTP (its `content-length` matches) but
    /// its JSON body is cut in half.
    case truncatedBody = "truncated-body"
    /// The operation runs; the answer waits ``SandboxFaults/delay`` before its first byte.
    case slowFirstByte = "slow-first-byte"
    /// The operation runs; the head goes out at once and the body trickles out in pieces over
    /// ``SandboxFaults/delay``.
    case slowBody = "slow-body"
    /// A page requested with a pagination token answers that same token as its `next_token`,
    /// so a client is sent to the page it has (the same `next_token` twice). Only pages
    /// requested with a token are eligible.
    case duplicatePage = "duplicate-page"

    /// Whether the operation runs before the fault (the effect stays), or not at all.
    public var runsOperation: Bool {
        switch self {
        case .serverError, .serverErrorRetryAfter, .unavailable, .unavailableRetryAfter, .rateLimitBurst: false
        case .resetBeforeResponse, .resetMidBody, .truncatedBody, .slowFirstByte, .slowBody, .duplicatePage: true
        }
    }

    /// The names, as `--faults` takes them.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
