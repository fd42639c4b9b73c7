/// How a stream behaves: reconnection, the silence that counts as a dead connection, lines
/// that are not events, delivering each event once, and what to tell the caller along the way.
///
/// ```swift
/// var options = StreamOptions()
/// options.malformedLines = .fail             // throw at the first line that is not an event
/// options.onNotice = { print($0) }           // connections, reconnections, skipped lines, charges
/// for try await event in try client.activityStream(options: options) { … }
/// ```
public struct StreamOptions: Sendable {
    /// What to do with a line that is not an event.
    public enum MalformedLinePolicy: Sendable, Hashable {
        /// Report it (``StreamNotice/malformedLine(_:)``) and go on with the next line.
        case skip
        /// End the stream, throwing ``XAPIError`` with ``XAPIError/Code/decoding`` and the
        /// ``StreamLineError`` as its underlying error.
        case fail
    }

    /// When and how long to wait before connecting again (X's policy by default).
    public var reconnection = StreamReconnectionPolicy()
    /// How long a connection may stay silent, keep-alives included, before it counts as dead
    /// and the stream reconnects. X sends a keep-alive at least every 20 seconds and suggests
    /// a 20-second read timeout; the default, 30 seconds, leaves a late keep-alive room.
    public var stallTimeout: Duration = .seconds(30)
    /// What to do with a line that is not an event; ``MalformedLinePolicy/skip`` by default.
    public var malformedLines: MalformedLinePolicy = .skip
    /// The longest line accepted, in bytes; a longer one is a malformed line and the
    /// connection is dropped (its end cannot be found without reading on).
    public var maximumLineBytes = 4 * 1024 * 1024
    /// Whether a reconnection asks the server to send again the events since the
    /// disconnection (when the operation has a backfill parameter, as X's activity stream
    /// has `backfill_minutes`), so nothing is lost; duplicates are skipped by event ID.
    public var backfillOnReconnect = true
    /// How many recent event IDs are remembered to skip duplicates.
    public var rememberedEventIDs = 10_000
    /// Called with everything that happens to the stream besides its events; keep it quick.
    public var onNotice: (@Sendable (StreamNotice) -> Void)?

    /// The defaults.
    public init() {}
}
