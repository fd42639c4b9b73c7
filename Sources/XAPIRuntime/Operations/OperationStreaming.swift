/// How a streaming operation delivers, from the spec's `x-twitter-streaming` (X's own
/// extension) and `x-streaming`: the body is newline-delimited JSON, one event per line, for
/// as long as the connection lasts, and the query parameter that asks for recent events again
/// after a reconnection.
///
/// ```swift
/// OperationDescriptor.activityStream.streaming?.backfillParameter       // "backfill_minutes"
/// OperationDescriptor.activityStream.streaming?.maximumBackfillMinutes  // 5
/// ```
public struct OperationStreaming: Sendable, Hashable {
    /// The integer query parameter that asks the server to send again the events of the last
    /// minutes (`backfill_minutes`), when the operation has one.
    public let backfillParameter: String?
    /// The largest value the backfill parameter takes (its schema's `maximum`), when known.
    public let maximumBackfillMinutes: Int?
    /// How many connections one App may hold open at once (X allows 2 on the activity
    /// stream), when the spec says; a server refuses more with a 429.
    public let maximumConnections: Int?

    /// Creates a streaming description.
    public init(backfillParameter: String? = nil, maximumBackfillMinutes: Int? = nil, maximumConnections: Int? = nil) {
        self.backfillParameter = backfillParameter
        self.maximumBackfillMinutes = maximumBackfillMinutes
        self.maximumConnections = maximumConnections
    }
}
