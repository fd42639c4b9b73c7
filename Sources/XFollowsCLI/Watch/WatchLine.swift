import Foundation
import XFollows

/// How `watch` prints an event about the watched account: `+ @alice (id) followed @bob` for a
/// follow, `- …unfollowed…` for an unfollow; with `--json`, one object per line.
enum WatchLine {
    /// The line for a person.
    static func text(_ event: ActivityEvent) -> String {
        let source = event.payload.source.data
        let target = event.payload.target.data
        let follows = event.eventType == .followFollow
        return "\(follows ? "+" : "-") @\(source.username) (\(source.id)) \(follows ? "followed" : "unfollowed") @\(target.username) (\(target.id))"
    }

    /// The line for a program: `{"event":"follow.follow","event_uuid":…,"source":{…},"target":{…},"watched":…}`.
    static func json(_ event: ActivityEvent, encoder: JSONEncoder) throws -> String {
        func person(_ user: User) -> JSONValue {
            .object(["id": .string(user.id), "username": .string(user.username), "name": .string(user.name)])
        }
        let object: [String: JSONValue] = [
            "event": .string(event.eventType.rawValue),
            "event_uuid": .string(event.eventUUID),
            "watched": .string(event.filter.userID),
            "source": person(event.payload.source.data),
            "target": person(event.payload.target.data),
        ]
        return String(decoding: try encoder.encode(JSONValue.object(object)), as: UTF8.self)
    }
}
