import Foundation

/// What the receiver reads of X's event envelope for itself, whatever `Event` is: the
/// `data.event_uuid` it recognises replays by and the `data.event_type` it names events by in
/// its logs (X Activity API, event payloads:
/// `{"data":{"event_uuid":"2080761390344937796","event_type":"follow.follow",…}}`).
///
/// Reading is lenient: a body that is not JSON, not that shape, or has a member of another
/// type gives `nil` members, never an error. A UUID sent as a number is read as its digits.
///
/// ```swift
/// let probe = EnvelopeProbe(Data(#"{"data":{"event_uuid":"-795","event_type":"follow.follow"}}"#.utf8))
/// probe.eventUUID   // "-795"
/// probe.eventType   // "follow.follow"
/// ```
struct EnvelopeProbe: Sendable, Hashable {
    /// `data.event_uuid`, when present.
    var eventUUID: String?
    /// `data.event_type`, when present.
    var eventType: String?

    init(eventUUID: String? = nil, eventType: String? = nil) {
        self.eventUUID = eventUUID
        self.eventType = eventType
    }

    /// Reads the two members from a raw body.
    init(_ body: Data) {
        let envelope = try? JSONDecoder().decode(Envelope.self, from: body)
        self.init(eventUUID: envelope?.data?.eventUUID?.text, eventType: envelope?.data?.eventType?.text)
    }

    /// The two members as log metadata: `webhook.event_uuid`, `webhook.event_type`.
    var metadata: [String: String] {
        var metadata: [String: String] = [:]
        if let eventUUID { metadata["webhook.event_uuid"] = Self.printable(eventUUID) }
        if let eventType { metadata["webhook.event_type"] = Self.printable(eventType) }
        return metadata
    }

    /// A value as it may appear in a log line: at most 64 characters, control characters
    /// replaced, so a hostile body cannot forge log lines or flood them.
    static func printable(_ value: String) -> String {
        let cleaned = String(value.unicodeScalars.prefix(64).map {
            $0.properties.generalCategory == .control ? "\u{FFFD}" : Character($0)
        })
        return value.unicodeScalars.count > 64 ? cleaned + "…" : cleaned
    }

    private struct Envelope: Decodable {
        var data: Members?
    }

    private struct Members: Decodable {
        var eventUUID: Scalar?
        var eventType: Scalar?

        enum CodingKeys: String, CodingKey {
            case eventUUID = "event_uuid"
            case eventType = "event_type"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            eventUUID = try? container.decodeIfPresent(Scalar.self, forKey: .eventUUID)
            eventType = try? container.decodeIfPresent(Scalar.self, forKey: .eventType)
        }
    }

    /// A string, or a number read as its digits.
    private struct Scalar: Decodable {
        var text: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) {
                text = string
            } else if let number = try? container.decode(Int64.self) {
                text = String(number)
            } else {
                text = nil
            }
        }
    }
}
