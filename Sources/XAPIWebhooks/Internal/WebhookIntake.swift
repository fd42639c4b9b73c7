import Crypto
import Foundation
import Hummingbird
import HTTPTypes
import Logging
import XAPIRuntime

/// One verified, new, decoded delivery on its way to the consumer, with what the receiver
/// needs if it is dropped: its envelope's names for the log, its keys to forget.
struct QueuedEvent<Event: Sendable>: Sendable {
    var event: Event
    var probe: EnvelopeProbe
    var keys: [ReplayGuard.Key]
}

/// What a ``WebhookReceiver`` does with each request, apart from Hummingbird's routing: the
/// CRC answer, and a delivery's way from raw bytes to the bounded buffer. Every path answers
/// at once; nothing here waits for the consumer.
struct WebhookIntake<Event: Decodable & Sendable>: Sendable {
    let secret: ConsumerSecret
    let configuration: WebhookReceiverConfiguration
    let decoder: JSONDecoder
    let logger: Logger
    let replays: ReplayGuard
    let counters: Counters
    let continuation: AsyncStream<QueuedEvent<Event>>.Continuation

    static var signatureField: HTTPField.Name { HTTPField.Name(WebhookSignature.headerName)! }

    // MARK: CRC

    /// `GET path?crc_token=…`: the response token, or 400 without a token.
    func challenge(query: String?) -> Response {
        guard let token = FormQuery.value(of: WebhookSignature.crcTokenParameter, in: query), !token.isEmpty else {
            logger.notice("Webhook CRC request without a crc_token: answered 400")
            return WebhookAnswers.missingCRCToken
        }
        logger.debug("Webhook CRC request answered")
        return WebhookAnswers.crc(responseToken: WebhookSignature.crcResponse(to: token, consumerSecret: secret.value))
    }

    // MARK: Deliveries

    /// `POST path`: reads the body up to the limit (413 beyond it), then ``accept(_:signature:)``.
    func deliver(_ request: Request) async -> Response {
        let limit = configuration.maximumBodySize
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            return refuseTooLarge(declared: declared)
        }
        var buffer = ByteBuffer()
        do {
            for try await part in request.body {
                guard buffer.readableBytes + part.readableBytes <= limit else { return refuseTooLarge(declared: nil) }
                buffer.writeImmutableBuffer(part)
            }
        } catch {
            logger.warning("Webhook delivery whose body could not be read: answered 400",
                           metadata: ["error.type": "\(type(of: error))"])
            return WebhookAnswers.unreadable
        }
        return accept(Data(buffer.readableBytesView), signature: request.headers[Self.signatureField])
    }

    /// A delivery's raw body and signature header: 401 when the signature is missing or
    /// wrong; otherwise 200, whether the event was queued, a replay, undecodable or dropped.
    func accept(_ body: Data, signature: String?) -> Response {
        guard WebhookSignature.isValid(signature, body: body, consumerSecret: secret.value) else {
            counters.increment(\.forged)
            let reason = signature == nil ? "is missing" : "does not match the body"
            logger.warning("Webhook delivery refused: its \(WebhookSignature.headerName) header \(reason)",
                           metadata: ["webhook.body_bytes": "\(body.count)"])
            return WebhookAnswers.forged("The \(WebhookSignature.headerName) header \(reason).")
        }
        let probe = EnvelopeProbe(body)
        var keys: [ReplayGuard.Key] = [.digest(SHA256.hash(data: body))]
        if let uuid = probe.eventUUID { keys.append(.eventUUID(uuid)) }
        if let known = replays.admit(keys) {
            counters.increment(\.replayed)
            var metadata = Self.metadata(probe)
            metadata["webhook.replay_of"] = if case .digest = known { "same body" } else { "same event_uuid" }
            logger.info("Webhook delivery already received within the replay window: acknowledged, not delivered again",
                        metadata: metadata)
            return WebhookAnswers.acknowledged
        }
        let event: Event
        do {
            event = try decoder.decode(Event.self, from: body)
        } catch {
            counters.increment(\.undecodable)
            let failure = DecodingFailure(error)
            var metadata = Self.metadata(probe)
            metadata["webhook.coding_path"] = .string(EnvelopeProbe.printable(failure.location))
            metadata["webhook.decoding_failure"] = .string(EnvelopeProbe.printable(failure.reason))
            logger.error("Webhook delivery does not decode as \(Event.self): acknowledged, not delivered",
                         metadata: metadata)
            return WebhookAnswers.acknowledged
        }
        counters.buffering()
        switch continuation.yield(QueuedEvent(event: event, probe: probe, keys: keys)) {
        case .enqueued:
            break
        case .dropped(let dropped):
            drop(dropped.probe, keys: dropped.keys, because: "the buffer of \(configuration.capacity) events is full")
        case .terminated:
            drop(probe, keys: keys, because: "the event sequence has ended")
        @unknown default:
            drop(probe, keys: keys, because: "the event sequence refused it")
        }
        return WebhookAnswers.acknowledged
    }

    /// Counts and logs a verified event that will not reach the consumer (counted as
    /// buffering), and forgets it, so X's redelivery of it (a replay job) is delivered.
    func drop(_ probe: EnvelopeProbe, keys: [ReplayGuard.Key], because reason: String) {
        counters.unbuffered(into: \.dropped)
        replays.forget(keys)
        logger.warning("Webhook event dropped: \(reason)", metadata: Self.metadata(probe))
    }

    private func refuseTooLarge(declared: Int?) -> Response {
        var metadata: Logger.Metadata = ["webhook.body_limit": "\(configuration.maximumBodySize)"]
        if let declared { metadata["webhook.body_bytes"] = "\(declared)" }
        logger.warning("Webhook delivery refused: its body is too large", metadata: metadata)
        return WebhookAnswers.tooLarge(limit: configuration.maximumBodySize)
    }

    private static func metadata(_ probe: EnvelopeProbe) -> Logger.Metadata {
        probe.metadata.mapValues { .string($0) }
    }
}
