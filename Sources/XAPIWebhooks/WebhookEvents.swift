/// The events a ``WebhookReceiver`` received, verified, recognised as new and decoded, in the
/// order they arrived: ``WebhookReceiver/events``.
///
/// ```swift
/// for await event in receiver.events {
///     switch event.data.eventType {
///     case "follow.follow": await followers.add(event)
///     default: break
///     }
/// }
/// // here: the receiver was finished, or this task was cancelled
/// ```
///
/// The sequence is fed through a buffer of ``WebhookReceiverConfiguration/capacity`` events.
/// When the consumer falls that far behind, the newest event is dropped, counted in
/// ``WebhookStatistics/dropped`` and logged with its `event_type` and `event_uuid`. Why the
/// newest: the events already buffered were accepted and stay accepted, so the consumer
/// resumes exactly where it stopped, in arrival order, and what it missed is one stretch of
/// time, starting at the first drop in the log, that a replay job can ask X for again (a
/// dropped event is forgotten by the replay check, so its redelivery is delivered).
///
/// Iteration never throws, and ends:
/// - after the buffered events, once ``WebhookReceiver/finish()`` is called;
/// - at once when the iterating task is cancelled: the events still buffered are not handed
///   over but dropped, counted and logged one by one (and forgotten by the replay check), so
///   a cancelled consumer stops promptly and loses nothing silently.
///
/// Either ends the sequence for good; later deliveries are acknowledged to X and counted as
/// dropped. Iterate it from one task: with several, each event goes to one of them.
public struct WebhookEvents<Event: Sendable>: AsyncSequence, Sendable {
    /// An event.
    public typealias Element = Event
    /// Iteration does not throw.
    public typealias Failure = Never

    let stream: AsyncStream<QueuedEvent<Event>>
    let counters: Counters
    /// Drops an event taken from the buffer after the consumer's task was cancelled.
    let discard: @Sendable (QueuedEvent<Event>) -> Void

    /// Starts an iteration.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: stream.makeAsyncIterator(), counters: counters, discard: discard)
    }

    /// Returns the next event, counting it as delivered.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncStream<QueuedEvent<Event>>.Iterator
        let counters: Counters
        let discard: @Sendable (QueuedEvent<Event>) -> Void

        /// The next event; `nil` once the sequence has ended, or once the task is cancelled.
        public mutating func next() async -> Event? {
            guard let queued = await base.next() else { return nil }
            guard !Task.isCancelled else {
                // A cancelled stream still hands out what it buffered: drop it all, counted.
                discard(queued)
                while let rest = await base.next() { discard(rest) }
                return nil
            }
            counters.unbuffered(into: \.delivered)
            return queued.event
        }
    }
}
