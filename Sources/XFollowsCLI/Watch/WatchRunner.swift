import Foundation
import XFollows

/// One `watch` run: the subscriptions it reuses or makes, and the events it prints, from the
/// stream or from a webhook.
struct WatchRunner: Sendable {
    let context: CommandContext
    let client: AppOnlyClient
    /// Whose follows and unfollows are watched.
    let watched: Account
    /// The kinds of events watched.
    let kinds: [ActivityEventType]
    let json: Bool

    /// The tag of the subscriptions `watch` makes.
    static let tag = "xfollows watch"

    /// Makes sure a subscription exists for each kind, reusing the App's own (and pointing it
    /// at `webhookID` when given); answers how many were reused and made.
    func subscribe(webhookID: String? = nil) async throws -> (reused: Int, created: Int) {
        var existing: [ActivityEventType: ActivitySubscription] = [:]
        for try await subscription in client.subscriptionsPages(maxResults: 1000).items
        where subscription.filter.userID == watched.id && kinds.contains(subscription.eventType) {
            if existing[subscription.eventType] == nil || subscription.webhookID == webhookID {
                existing[subscription.eventType] = subscription
            }
        }
        var created = 0
        for kind in kinds {
            if let subscription = existing[kind] {
                if let webhookID, subscription.webhookID != webhookID {
                    _ = try await client.updateSubscription(subscription.subscriptionID, webhookID: webhookID)
                }
                continue
            }
            _ = try await client.createSubscription(body: CreateSubscriptionRequest(
                eventType: kind, filter: SubscriptionFilter(userID: watched.id), tag: Self.tag, webhookID: webhookID))
            created += 1
        }
        return (kinds.count - created, created)
    }

    /// Prints `message` when it is an event about the watched account; answers the event.
    @discardableResult
    func print(_ message: ActivityStreamMessage, encoder: JSONEncoder) throws -> ActivityEvent? {
        guard let event = message.data, event.filter.userID == watched.id, kinds.contains(event.eventType) else { return nil }
        context.output.line(json ? try WatchLine.json(event, encoder: encoder) : WatchLine.text(event))
        return event
    }

    /// Reads the stream until the task is cancelled (Ctrl-C) or it ends with a failure;
    /// answers the counts of follows and unfollows printed.
    func stream() async throws -> WatchTally {
        var options = StreamOptions()
        let errors = context.errors
        options.onNotice = { notice in
            switch notice {
            case .reconnecting(let reconnect) where reconnect.failedAttempts > 0 || reconnect.delay > .zero:
                errors.line("xfollows: the stream is reconnecting in \(Formatting.duration(reconnect.delay)) (\(reconnect.reason)).")
            case .disconnected(_, let reason):
                errors.line("xfollows: the stream dropped (\(reason)); reconnecting, asking for the missed minutes again.")
            case .malformedLine(let error):
                errors.line("xfollows: warning: \(error)")
            default:
                break
            }
        }
        let encoder = XAPIJSON.makeEncoder()
        var tally = WatchTally()
        for try await message in try client.activityStream(options: options) {
            if let event = try print(message, encoder: encoder) { tally.count(event) }
        }
        return tally
    }
}

/// What a watch printed.
struct WatchTally: Sendable {
    var follows = 0
    var unfollows = 0

    mutating func count(_ event: ActivityEvent) {
        if event.eventType == .followFollow { follows += 1 } else { unfollows += 1 }
    }

    /// `3 follows and 1 unfollow`.
    var summary: String {
        "\(Formatting.count(follows, "follow")) and \(Formatting.count(unfollows, "unfollow"))"
    }
}
