import Foundation
import HTTPTypes
import OpenAPIRuntime
@testable import XAPIRuntime

/// An event of the test streams, in X's activity envelope.
struct TestEvent: StreamEvent, Hashable {
    struct Payload: Decodable, Sendable, Hashable {
        var eventUuid: String
        var eventType: String

        enum CodingKeys: String, CodingKey {
            case eventUuid = "event_uuid"
            case eventType = "event_type"
        }
    }

    var data: Payload

    var streamEventID: String? { data.eventUuid }
    var streamEventType: String? { data.eventType }

    static func line(_ id: Int, type: String = "follow.follow") -> String {
        #"{"data":{"event_uuid":"\#(id)","event_type":"\#(type)","filter":{"user_id":"29012345"}}}"#
    }
}

/// What one connection of a ``StreamingTransport`` does.
enum ConnectionScript: Sendable {
    /// How a body ends.
    enum Ending: Sendable {
        /// The server closes it.
        case end
        /// It stays open, silent, until the client goes away.
        case hang
        /// The connection breaks.
        case fail
    }

    /// A 2xx whose body sends `chunks`, then ends as told.
    case stream([String], then: Ending)
    /// A complete non-streaming answer (an error status).
    case reply(Reply)
    /// Nothing comes back.
    case networkError

    static func lines(_ lines: [String], then ending: Ending = .end) -> ConnectionScript {
        .stream(lines.map { $0 + "\r\n" }, then: ending)
    }
}

/// A transport whose every connection follows a script, recording requests and when each
/// streamed body was closed by the client.
final class StreamingTransport: ClientTransport, @unchecked Sendable {
    private let lock = NSLock()
    private let scripts: [ConnectionScript]
    private var recorded: [RecordedRequest] = []
    private var closedBodies = 0

    init(_ scripts: [ConnectionScript]) {
        self.scripts = scripts
    }

    var requests: [RecordedRequest] { lock.withLock { recorded } }
    /// Bodies whose consumer went away (cancelled or dropped) before they ended.
    var closed: Int { lock.withLock { closedBodies } }

    func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let record = RecordedRequest(request: request, body: nil, baseURL: baseURL, operationID: operationID)
        let index = lock.withLock {
            recorded.append(record)
            return recorded.count - 1
        }
        guard index < scripts.count else {
            // Past the script: a server that keeps refusing, so a runaway loop fails the test.
            return (HTTPResponse(status: .init(code: 400)), HTTPBody(#"{"title":"unexpected connection \#(index)"}"#))
        }
        switch scripts[index] {
        case .networkError:
            throw TransportFailure()
        case .reply(let reply):
            var fields = HTTPFields()
            for (name, value) in reply.headers { fields.append(HTTPField(name: HTTPField.Name(name)!, value: value)) }
            return (HTTPResponse(status: .init(code: reply.status), headerFields: fields), reply.body.map { HTTPBody($0) })
        case .stream(let chunks, let ending):
            let (stream, continuation) = AsyncThrowingStream<ArraySlice<UInt8>, any Error>.makeStream()
            continuation.onTermination = { [weak self] termination in
                if case .cancelled = termination { self?.lock.withLock { self?.closedBodies += 1 } }
            }
            for chunk in chunks { continuation.yield(ArraySlice(chunk.utf8)) }
            switch ending {
            case .end: continuation.finish()
            case .fail: continuation.finish(throwing: TransportFailure())
            case .hang: break
            }
            var fields = HTTPFields()
            fields[.contentType] = "application/json"
            return (HTTPResponse(status: .ok, headerFields: fields), HTTPBody(stream, length: .unknown, iterationBehavior: .single))
        }
    }
}

/// Collects a stream's notices.
final class NoticeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [StreamNotice] = []

    var notices: [StreamNotice] { lock.withLock { recorded } }

    func record(_ notice: StreamNotice) {
        lock.withLock { recorded.append(notice) }
    }

    var reconnects: [StreamReconnect] {
        notices.compactMap { if case .reconnecting(let reconnect) = $0 { reconnect } else { nil } }
    }

    var malformed: [StreamLineError] {
        notices.compactMap { if case .malformedLine(let error) = $0 { error } else { nil } }
    }

    var duplicates: [String] {
        notices.compactMap { if case .duplicateSkipped(let id) = $0 { id } else { nil } }
    }
}

extension OperationDescriptor {
    /// A streaming operation like X's activity stream.
    static let testStream = OperationDescriptor(
        id: "activityStream", method: .get, path: "/2/activity/stream", security: [.appOnly], isIdempotent: true,
        streaming: OperationStreaming(backfillParameter: "backfill_minutes", maximumBackfillMinutes: 5))
}

/// A client of `transport` with a virtual clock, and a stream of the test operation.
func testStream(
    _ transport: StreamingTransport, clock: VirtualClock = VirtualClock(), log: NoticeLog = NoticeLog(),
    operation: OperationDescriptor = .testStream, configure: (inout StreamOptions) -> Void = { _ in },
    configureClient: (inout ClientConfiguration) -> Void = { _ in }
) throws -> EventStream<TestEvent> {
    var configuration = ClientConfiguration(serverURL: URL(string: "https://api.x.com")!, transport: transport)
    configuration.clock = clock.clock
    configureClient(&configuration)
    let client = AppOnlyClient(credentials: AppOnlyCredentials(bearerToken: Secrets.bearer), configuration: configuration)
    var options = StreamOptions()
    options.onNotice = { log.record($0) }
    configure(&options)
    return try client.stream(OperationRequest(operation), decoding: TestEvent.self, options: options)
}

/// The first `count` events of a stream, within a time limit.
func firstEvents(_ count: Int, of stream: EventStream<TestEvent>, within seconds: Int = 60) async throws -> [String] {
    try await withThrowingTaskGroup(of: [String]?.self) { group in
        group.addTask {
            var ids: [String] = []
            for try await event in stream {
                ids.append(event.data.eventUuid)
                if ids.count == count { break }
            }
            return ids
        }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let ids = first else {
            throw TimeLimitExceeded()
        }
        return ids
    }
}

struct TimeLimitExceeded: Error {}
