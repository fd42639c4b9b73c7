import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import XAPIRuntime
import XAPIWebhooks

/// The consumer secret every test receiver uses, and the CPython vectors computed with it.
enum Vectors {
    static let secret = "webhook-consumer-secret-7Qx2"

    /// A follow.follow envelope, byte for byte, and its signature from CPython:
    /// python3 -c "import hmac,hashlib,base64; body=open('body','rb').read(); print('sha256='+base64.b64encode(hmac.new(b'webhook-consumer-secret-7Qx2', body, hashlib.sha256).digest()).decode())"
    static let followBody = #"{"data":{"event_uuid":"-7953119945885597316","filter":{"user_id":"1111111111111111111"},"event_type":"follow.follow","tag":"follows","payload":{}}}"#
    static let followSignature = "sha256=zwUuJOVoXXTsADcN+Ev1mYlrqKx2g0Urbjzy7ykr+sE="
}

/// The test's own `Event`: X's envelope, only the members the tests look at.
struct TestEnvelope: Decodable, Sendable, Equatable {
    struct Body: Decodable, Sendable, Equatable {
        var eventUUID: String
        var eventType: String

        enum CodingKeys: String, CodingKey {
            case eventUUID = "event_uuid"
            case eventType = "event_type"
        }
    }

    var data: Body

    /// A distinct, valid envelope body.
    static func body(uuid: String, type: String = "follow.follow") -> Data {
        Data(#"{"data":{"event_uuid":"\#(uuid)","event_type":"\#(type)","filter":{"user_id":"2244994945"},"payload":{}}}"#.utf8)
    }
}

/// An answer as a test reads it.
struct Reply: Sendable {
    var status: Int
    var contentType: String?
    var body: Data

    var object: [String: String] {
        let parsed = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        return parsed.compactMapValues { $0 as? String ?? ($0 as? Int).map(String.init) }
    }
}

/// Plain HTTP over loopback with URLSession, as the package's other server tests do. Every
/// request times out after 10 s, so a handler that waited for the consumer fails the test.
enum HTTP {
    static func get(_ url: URL) async throws -> Reply {
        var request = URLRequest(url: url, timeoutInterval: 30)
        request.httpMethod = "GET"
        return try await send(request)
    }

    /// POSTs `body`, with `signature` in `x-twitter-webhooks-signature` when given.
    static func post(_ url: URL, _ body: Data, signature: String?) async throws -> Reply {
        var request = URLRequest(url: url, timeoutInterval: 30)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "content-type")
        if let signature { request.setValue(signature, forHTTPHeaderField: WebhookSignature.headerName) }
        request.httpBody = body
        return try await send(request)
    }

    /// POSTs `body` signed with the test secret.
    static func deliver(_ url: URL, _ body: Data, secret: String = Vectors.secret) async throws -> Reply {
        try await post(url, body, signature: WebhookSignature.signature(of: body, consumerSecret: secret))
    }

    private static func send(_ request: URLRequest) async throws -> Reply {
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        return Reply(status: http?.statusCode ?? 0, contentType: http?.value(forHTTPHeaderField: "content-type"), body: data)
    }
}

/// A logger that drops everything, so test output stays readable.
let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

/// A receiver with the test secret that logs nowhere.
func makeReceiver(_ configuration: WebhookReceiverConfiguration = WebhookReceiverConfiguration()) -> WebhookReceiver<TestEnvelope> {
    WebhookReceiver<TestEnvelope>(consumerSecret: Vectors.secret, configuration: configuration, logger: quiet)
}

/// Starts a receiver on a free loopback port for one test, and stops it after.
func withReceiver<T>(
    _ configuration: WebhookReceiverConfiguration = WebhookReceiverConfiguration(),
    logger: Logger = quiet,
    _ body: (WebhookReceiver<TestEnvelope>, WebhookServer) async throws -> T
) async throws -> T {
    let receiver = WebhookReceiver<TestEnvelope>(consumerSecret: Vectors.secret, configuration: configuration, logger: logger)
    let server = try await receiver.start(port: 0)
    do {
        let result = try await body(receiver, server)
        await server.shutdown()
        receiver.finish()
        return result
    } catch {
        await server.shutdown()
        receiver.finish()
        throw error
    }
}

/// How long a test waits for what must happen before calling it a hang: long, because the
/// whole suite runs in parallel on machines with two cores, and it guards against hangs only
/// (speed is measured in Benchmarks/, never here).
let patience: Duration = .seconds(30)

struct TimedOut: Error, CustomStringConvertible {
    var what: String
    var description: String { "timed out waiting for \(what)" }
}

/// The value of `operation`, or `TimedOut` after `limit`.
func within<T: Sendable>(_ limit: Duration, _ what: String, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw TimedOut(what: what)
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

/// Waits until `condition` holds, checking every 10 ms; `TimedOut` after `limit`.
func eventually(_ what: String, within limit: Duration = patience, _ condition: @escaping @Sendable () -> Bool) async throws {
    try await within(limit, what) {
        while !condition() { try await Task.sleep(for: .milliseconds(10)) }
    }
}

/// Reads a receiver's events in a task of its own and keeps them.
final class Collector: @unchecked Sendable {
    private let lock = NSLock()
    private var received: [TestEnvelope] = []
    private var task: Task<Void, Never>?

    init(_ events: WebhookEvents<TestEnvelope>) {
        task = Task { [self] in
            for await event in events { lock.withLock { received.append(event) } }
        }
    }

    var events: [TestEnvelope] { lock.withLock { received } }
    var uuids: [String] { events.map(\.data.eventUUID) }

    /// Waits until `count` events arrived.
    func wait(for count: Int, within limit: Duration = patience) async throws {
        try await eventually("\(count) events", within: limit) { [self] in events.count >= count }
    }

    func stop() { task?.cancel() }
}

/// Everything logged through ``logger``, one rendered line a record.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var records: [String] { lock.withLock { lines } }

    var logger: Logger {
        Logger(label: "test") { _ in CapturingLogHandler(capture: self) }
    }
}

struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        capture.append("[\(event.level)] \(event.message) \(rendered)")
    }
}
