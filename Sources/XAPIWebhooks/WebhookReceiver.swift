import Foundation
import Hummingbird
import Logging
import XAPIRuntime

/// Receives X's webhook deliveries: answers the challenge-response check (CRC), verifies each
/// delivery's signature, recognises replays, decodes the event and hands it to your code as
/// an `AsyncSequence` — acknowledging X at once, whatever your code is doing.
///
/// ## Overview
///
/// X calls one URL of yours for two things (X API, webhooks quickstart):
///
/// - `GET <path>?crc_token=…`, when the webhook is registered, hourly and on `PUT
///   /2/webhooks/:id`: the receiver answers `200 {"response_token":"sha256=…"}`, the
///   HMAC-SHA256 of the token under your App's consumer secret. No token: `400`.
/// - `POST <path>` with an event, signed in `x-twitter-webhooks-signature`: the receiver
///   reads the raw body (`413` past ``WebhookReceiverConfiguration/maximumBodySize``),
///   checks the signature in constant time (`401` if missing or wrong, and the body is never
///   decoded), and answers `200` to everything else without waiting for your code:
///   - a body, or an `event_uuid`, received within the replay window is not delivered again
///     (``WebhookStatistics/replayed``);
///   - a body that does not decode as `Event` is not delivered: it is counted
///     (``WebhookStatistics/undecodable``) and logged at `error` with the decoding error's
///     coding path, never with the body's values. X would only retry it, with the same
///     result, so it is acknowledged. The sequence carries events only, so a `for await`
///     loop stays a loop over events; watch the counter, or the log, for what did not fit
///     your type (an event type newer than your code, say);
///   - otherwise the event goes into a buffer of ``WebhookReceiverConfiguration/capacity``
///     events that ``events`` reads. When it is full the newest event is dropped, counted
///     (``WebhookStatistics/dropped``) and logged with its type and UUID: see
///     ``WebhookEvents`` for why the newest.
///
/// Refusals are X's problem JSON (`application/problem+json`).
///
/// ```swift
/// import XAPIWebhooks
///
/// struct ActivityEnvelope: Decodable, Sendable {   // or the generated Activity event type
///     struct Event: Decodable, Sendable { var event_type: String; var event_uuid: String }
///     var data: Event
/// }
///
/// let receiver = WebhookReceiver<ActivityEnvelope>(consumerSecret: consumerSecret)
///
/// // Either on a port of its own…
/// let server = try await receiver.start(host: "0.0.0.0", port: 8080)
/// print("X can call \(server.url)")
/// // …or on the routes of an application you already have:
/// // receiver.addRoutes(to: router)
///
/// for await event in receiver.events {
///     print(event.data.event_type, event.data.event_uuid)
/// }
/// ```
///
/// The consumer secret is used for HMACs only: the receiver's description, debug description
/// and mirror (so `dump(_:)`) show `<redacted>`, and no log line or answer contains it.
public struct WebhookReceiver<Event: Decodable & Sendable>: Sendable {
    /// The path, buffer, replay window and size limit.
    public let configuration: WebhookReceiverConfiguration

    /// The received events, in arrival order: see ``WebhookEvents``.
    ///
    /// ```swift
    /// for await event in receiver.events { try await store.save(event) }
    /// ```
    public let events: WebhookEvents<Event>

    let intake: WebhookIntake<Event>

    /// Creates a receiver; it receives nothing until ``addRoutes(to:)``, ``start(host:port:logger:)``
    /// or ``run(host:port:onListening:)`` puts it on a server.
    ///
    /// ```swift
    /// let receiver = WebhookReceiver<ActivityEnvelope>(
    ///     consumerSecret: ProcessInfo.processInfo.environment["X_CONSUMER_SECRET"]!,
    ///     configuration: WebhookReceiverConfiguration(capacity: 4_096),
    ///     logger: Logger(label: "webhooks"))
    /// ```
    ///
    /// - Parameters:
    ///   - consumerSecret: The App's consumer secret (its API secret key), the key of X's
    ///     CRC answers and delivery signatures; not a bearer or access token.
    ///   - configuration: The path, buffer capacity, replay window and body limit.
    ///   - decoder: Decodes a body as `Event`; X's JSON conventions (`XAPIJSON.makeDecoder()`) by default.
    ///   - logger: Where the receiver logs refusals, replays, undecodable bodies and drops.
    public init(
        consumerSecret: String,
        configuration: WebhookReceiverConfiguration = WebhookReceiverConfiguration(),
        decoder: JSONDecoder = XAPIJSON.makeDecoder(),
        logger: Logger = Logger(label: "XAPIWebhooks")
    ) {
        configuration.checkLimits()
        let counters = Counters()
        let (stream, continuation) = AsyncStream<QueuedEvent<Event>>.makeStream(
            bufferingPolicy: .bufferingOldest(configuration.capacity))
        let intake = WebhookIntake(
            secret: ConsumerSecret(consumerSecret),
            configuration: configuration,
            decoder: decoder,
            logger: logger,
            replays: ReplayGuard(window: configuration.replayWindow, capacity: configuration.replayMemory),
            counters: counters,
            continuation: continuation
        )
        self.configuration = configuration
        self.intake = intake
        self.events = WebhookEvents(stream: stream, counters: counters) { queued in
            intake.drop(queued.probe, keys: queued.keys, because: "the consumer's task was cancelled before it read the event")
        }
    }

    /// What the receiver has done so far: delivered, buffered, dropped, forged, replayed and
    /// undecodable deliveries.
    ///
    /// ```swift
    /// print(receiver.statistics)   // delivered 41, buffered 3, dropped 0, forged 2, replayed 1, undecodable 0
    /// ```
    public var statistics: WebhookStatistics { intake.counters.snapshot }

    /// Ends ``events`` once the consumer has read the events already buffered. Deliveries
    /// after it are still verified and acknowledged, and counted as dropped.
    ///
    /// ```swift
    /// await server.shutdown()
    /// receiver.finish()   // the `for await` loop ends after the last buffered event
    /// ```
    public func finish() {
        intake.continuation.finish()
    }

    /// Adds the receiver's two routes, `GET` and `POST` of
    /// ``WebhookReceiverConfiguration/path``, to a router of yours (or a group of it, whose
    /// prefix then comes before the path).
    ///
    /// ```swift
    /// let router = Router()
    /// router.get("/health") { _, _ in "ok" }
    /// receiver.addRoutes(to: router)
    /// let app = Application(router: router, configuration: .init(address: .hostname("0.0.0.0", port: 8080)))
    /// try await app.runService()
    /// ```
    public func addRoutes<Routes: RouterMethods>(to router: Routes) {
        let intake = intake
        let path = RouterPath(configuration.path)
        router.get(path) { request, _ in intake.challenge(query: request.uri.query) }
        router.post(path) { request, _ in await intake.deliver(request) }
    }
}

extension WebhookReceiver: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `WebhookReceiver<Event>(path: /webhooks/x, capacity: 1024, …, consumerSecret: <redacted>)`.
    public var description: String {
        "WebhookReceiver<\(Event.self)>(path: \(configuration.path), capacity: \(configuration.capacity), "
            + "replayWindow: \(configuration.replayWindow), maximumBodySize: \(configuration.maximumBodySize), "
            + "consumerSecret: \(intake.secret), statistics: \(statistics))"
    }

    /// Same as ``description``: the secret is never shown.
    public var debugDescription: String { description }

    /// A mirror without the secret, so `dump(_:)` shows none either.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "configuration": configuration,
            "consumerSecret": intake.secret,
            "statistics": statistics,
        ], displayStyle: .struct)
    }
}
