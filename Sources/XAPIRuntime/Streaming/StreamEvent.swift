/// An event of a streaming operation that can tell its identity and kind: generated event
/// types conform from the spec (`x-streaming`'s `event-id` and `event-type`, or X's
/// conventions: `data.event_uuid`, else `data.id`; `data.event_type`).
///
/// The client uses the ID to deliver each event once across reconnections (a backfill sends
/// recent events again) and, with the type, to price it. A type that does not conform is
/// streamed all the same, without either.
///
/// ```swift
/// for try await event in try client.activityStream() {
///     print(event.streamEventType ?? "?", event.streamEventID ?? "?")   // follow.follow 1146654567674912769
/// }
/// ```
public protocol StreamEvent: Decodable, Sendable {
    /// The event's unique identifier, when it carries one.
    var streamEventID: String? { get }
    /// The event's kind (`follow.follow`), when it carries one.
    var streamEventType: String? { get }
}

extension StreamEvent {
    /// No kind, unless the type says otherwise.
    public var streamEventType: String? { nil }
}
