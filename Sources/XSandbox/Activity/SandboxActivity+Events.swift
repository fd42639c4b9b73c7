import Foundation
import XAPIServerRuntime
import XFollows

extension SandboxActivity {
    /// What a change of the graph becomes: `follow.follow` when `source` now follows
    /// `target`, `follow.unfollow` when it stopped.
    enum Change: Sendable {
        case follow
        case unfollow

        var eventType: ActivityEventType { self == .follow ? .followFollow : .followUnfollow }
    }

    /// Turns a change into an event for every matching subscription, delivered to its App's
    /// open streams and its webhook, and billed once delivered. Answers the events made.
    @discardableResult
    func publish(_ change: Change, source: UInt64, target: UInt64, at now: Date) async -> [ActivityStreamMessage] {
        let sourceID = String(source)
        let targetID = String(target)
        let matching = subscriptions.values
            .filter { $0.value.eventType == change.eventType && [sourceID, targetID].contains($0.value.filter.userID) }
            .sorted { (UInt64($0.value.subscriptionID) ?? 0) < (UInt64($1.value.subscriptionID) ?? 0) }
        guard !matching.isEmpty, let sourceUser = await present(source), let targetUser = await present(target) else { return [] }
        pruneHistory(at: now)
        var messages: [ActivityStreamMessage] = []
        for subscription in matching {
            let id = String(nextEventID)
            nextEventID += 1
            let message = ActivityStreamMessage(data: ActivityEvent(
                eventUUID: id, eventType: change.eventType, filter: subscription.value.filter, tag: subscription.value.tag,
                payload: FollowEventPayload(source: FollowEventUser(data: sourceUser), target: FollowEventUser(data: targetUser))))
            history.append(Delivered(app: subscription.app, date: now, message: message))
            messages.append(message)
            var delivered = false
            for (connection, stream) in connections where stream.app == subscription.app {
                delivered = send(message, on: connection, at: now) || delivered
            }
            if let webhookID = subscription.value.webhookID, let webhook = webhooks[webhookID], webhook.value.valid,
               let app = app(withKey: subscription.app) {
                deliver(message, to: webhook.value, app: app)
                delivered = true
            }
            if delivered { await bill(message, app: subscription.app, at: now) }
        }
        return messages
    }

    /// Charges an event delivered, once per event ID and UTC day, at its kind's price.
    func bill(_ message: ActivityStreamMessage, app: String, at now: Date) async {
        guard let pricing = OperationDescriptor.activityStream.pricing, let event = message.data else { return }
        _ = await store.charge(app: app, operation: .activityStream, pricing: pricing.pricing(forEvent: event.eventType.rawValue),
                               resourceIDs: [event.eventUUID], ownedRead: false, at: now)
    }

    /// A user as a follow event carries it: every user field (X's event payloads show them
    /// all), with the live counts, as the public sees them.
    func present(_ id: UInt64) async -> User? {
        guard let user = directory.user(withID: id), let app = apps.first else { return nil }
        let presenter = UserPresenter(directory: directory, store: store, selection: FieldSelection(userFields: Set(User.Field.allCases)),
                                      principal: SandboxPrincipal(method: .appOnly, appKey: app.key))
        return await presenter.present([user]).0.first
    }
}
