/// What a ``WebhookReceiver`` has done with the deliveries it received so far: a snapshot,
/// read with ``WebhookReceiver/statistics``.
///
/// Every `POST` with a valid signature is in exactly one of ``buffered`` (until the consumer
/// reads it), ``delivered``, ``dropped``, ``replayed`` or ``undecodable``; every `POST`
/// without one in ``forged``. A body over the size limit (413) is in none of them, because it
/// was never read.
///
/// ```swift
/// let statistics = receiver.statistics
/// if statistics.dropped > 0 {
///     print("\(statistics.dropped) events lost: request a replay job from X for that time")
/// }
/// print(statistics)   // delivered 41, buffered 3, dropped 0, forged 2, replayed 1, undecodable 0
/// ```
public struct WebhookStatistics: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Events handed to the consumer: returned by the iterator of ``WebhookReceiver/events``.
    /// An event still in the buffer is not counted yet.
    public var delivered: Int
    /// Events in the buffer, waiting for the consumer: how far behind it is. A cancelled
    /// iteration discards them, and they move to ``dropped``.
    public var buffered: Int
    /// Verified events that never reach the consumer: the buffer was full (the newest event
    /// is dropped), or the sequence had ended (the consumer's task was cancelled, or
    /// ``WebhookReceiver/finish()`` was called), or they were still buffered when the
    /// consumer's task was cancelled. Each is logged at `warning`, with its `event_type` and
    /// `event_uuid` when it is dropped on arrival.
    public var dropped: Int
    /// Deliveries refused with 401: the `x-twitter-webhooks-signature` header was missing or
    /// was not the signature of the body under the consumer secret. Never decoded.
    public var forged: Int
    /// Verified deliveries acknowledged but not delivered because the same body, or the same
    /// `data.event_uuid`, was received within the replay window.
    public var replayed: Int
    /// Verified deliveries acknowledged but not delivered because they do not decode as the
    /// receiver's `Event`. Each is logged at `error` with the decoding error's coding path.
    public var undecodable: Int

    /// Creates a snapshot; all zero by default.
    public init(delivered: Int = 0, buffered: Int = 0, dropped: Int = 0, forged: Int = 0, replayed: Int = 0,
                undecodable: Int = 0) {
        self.delivered = delivered
        self.buffered = buffered
        self.dropped = dropped
        self.forged = forged
        self.replayed = replayed
        self.undecodable = undecodable
    }

    /// `delivered 41, buffered 3, dropped 0, forged 2, replayed 1, undecodable 0`.
    public var description: String {
        "delivered \(delivered), buffered \(buffered), dropped \(dropped), forged \(forged), replayed \(replayed), undecodable \(undecodable)"
    }
}
