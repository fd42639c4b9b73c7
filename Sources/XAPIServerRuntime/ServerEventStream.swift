import Foundation
import HTTPTypes
import XAPIRuntime

/// What a server's handler of a streaming operation answers: a status, header fields, and
/// the messages to send for as long as the connection lasts. The generated dispatch turns it
/// into an ``EncodedResponse`` whose ``EncodedResponse/stream`` carries one JSON object per
/// line and a blank line for each keep-alive, as X's streams do.
///
/// ```swift
/// func activityStream(_ input: ServerOperations.ActivityStream, context: Context) async throws
///     -> ServerEventStream<ActivityStreamResponse> {
///     let (messages, continuation) = AsyncStream<ServerStreamMessage<ActivityStreamResponse>>.makeStream()
///     hub.subscribe(continuation)
///     return ServerEventStream(messages)
/// }
/// ```
public struct ServerEventStream<Event: Encodable & Sendable>: Sendable {
    /// The status, `200 OK` by default.
    public var status: HTTPResponse.Status
    /// Header fields to send besides `Content-Type`.
    public var headerFields: HTTPFields
    /// What to send, in order; the response ends when the sequence does.
    public var messages: AsyncStream<ServerStreamMessage<Event>>

    /// Creates a streaming response.
    public init(_ messages: AsyncStream<ServerStreamMessage<Event>>, status: HTTPResponse.Status = .ok, headerFields: HTTPFields = [:]) {
        self.messages = messages
        self.status = status
        self.headerFields = headerFields
    }
}

/// One message of a ``ServerEventStream``.
public enum ServerStreamMessage<Event: Encodable & Sendable>: Sendable {
    /// An event, sent as one line of JSON.
    case event(Event)
    /// A keep-alive: an empty line (`\r\n`).
    case keepAlive
}

extension EncodedResponse {
    /// A streaming handler's answer: each event encoded with the X JSON coders on a line of its
    /// own, each keep-alive an empty line, every line ended by `\r\n`, as
    /// `application/json`.
    public init<Event>(streaming response: ServerEventStream<Event>) {
        var fields = response.headerFields
        fields[.contentType] = "application/json"
        self.init(status: response.status, headerFields: fields, body: Data())
        let messages = response.messages
        self.stream = AsyncStream { continuation in
            let task = Task {
                let encoder = XAPIJSON.makeEncoder()
                for await message in messages {
                    switch message {
                    case .keepAlive:
                        continuation.yield(Self.lineEnd)
                    case .event(let event):
                        guard var line = try? encoder.encode(event) else { continue }
                        line.append(Self.lineEnd)
                        continuation.yield(line)
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// The end of every line of a stream, and a keep-alive by itself.
    static let lineEnd = Data("\r\n".utf8)
}
