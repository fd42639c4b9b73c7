/// The events of a streaming operation, decoded line by line as they arrive, for as long as
/// you iterate: X's persistent streams (`GET /2/activity/stream`, the post streams) send one
/// JSON object per line and a blank keep-alive line at least every 20 seconds.
///
/// Iterating connects; the stream then follows X's "Handling disconnections" page on its own:
/// a connection that ends is made again at once, failures back off as
/// ``StreamReconnectionPolicy`` says, a silent connection (``StreamOptions/stallTimeout``)
/// counts as dead, and a reconnection asks for the missed minutes again where the operation
/// can (`backfill_minutes`), skipping events already delivered by their ID. A line that is not
/// an event is reported and skipped (or ends the stream, per
/// ``StreamOptions/malformedLines``). Refusals that waiting cannot fix (authentication, a bad
/// request, no credits, a usage cap, a plan without the endpoint, the budget) end it with an
/// ``XAPIError``.
///
/// Cancelling the task that iterates, or leaving the loop, closes the connection.
///
/// ```swift
/// let client = AppOnlyClient(credentials: AppOnlyCredentials(bearerToken: bearer),
///                            configuration: ClientConfiguration(transport: AsyncHTTPClientTransport()))
/// for try await event in try client.activityStream() {
///     if let data = event.data, data.eventType == "follow.follow" {
///         print(data.payload?.followSource?.username ?? "?", "followed", data.filter?.userId ?? "?")
///     }
/// }
/// ```
///
/// On Linux, Foundation's `URLSession` cannot deliver a body before it ends, so a stream
/// needs a transport that can, such as `AsyncHTTPClientTransport` from
/// swift-openapi-async-http-client; with `URLSessionTransport` there the stream throws
/// ``XAPIError/Code/invalidArgument`` before connecting instead of waiting forever.
public struct EventStream<Event: Decodable & Sendable>: AsyncSequence, Sendable {
    /// Each event, decoded.
    public typealias Element = Event

    let environment: StreamEnvironment

    /// Starts iterating; the first call to `next()` connects.
    public func makeAsyncIterator() -> Iterator {
        Iterator(session: StreamSession(environment: environment))
    }

    /// Delivers the stream's events one at a time.
    public struct Iterator: AsyncIteratorProtocol {
        let session: StreamSession<Event>

        /// The next event; `nil` when the task is cancelled.
        ///
        /// - Throws: ``XAPIError`` for a refusal waiting cannot fix, for a malformed line under
        ///   ``StreamOptions/MalformedLinePolicy/fail``, and when
        ///   ``StreamReconnectionPolicy/maximumAttempts`` failed attempts in a row were made.
        public mutating func next() async throws -> Event? {
            try await session.next()
        }
    }
}
