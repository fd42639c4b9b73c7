import Foundation
import XAPIServerRuntime
import XFollows

/// The X Activity API of the sandbox: each App's subscriptions and webhooks, the events its
/// follows and unfollows become, and the streams and webhooks they go to, billed per event
/// delivered as X bills them.
///
/// A follow or unfollow that changes the graph (through the API, or the sandbox's own
/// `POST /_sandbox/follows`) becomes a `follow.follow` or `follow.unfollow` event for every
/// subscription whose `filter.user_id` is either user; each goes to the App's open streams
/// and, when the subscription names one, to its webhook, signed.
actor SandboxActivity {
    /// A subscription, with the App it belongs to.
    struct Subscription: Sendable {
        var app: String
        var value: ActivitySubscription
    }

    /// A webhook, with the App it belongs to.
    struct Webhook: Sendable {
        var app: String
        var value: WebhookConfig
    }

    /// An event already delivered, kept for backfills.
    struct Delivered: Sendable {
        var app: String
        var date: Date
        var message: ActivityStreamMessage
    }

    let apps: [SandboxApp]
    let directory: SandboxDirectory
    let store: SandboxStore
    let options: SandboxActivityOptions
    let webhookClient: WebhookClient

    var subscriptions: [String: Subscription] = [:]
    var webhooks: [String: Webhook] = [:]
    var history: [Delivered] = []
    var connections: [UUID: StreamConnection] = [:]
    /// The next subscription, webhook and event IDs: numeric strings like X's.
    var nextSubscriptionID: UInt64 = 1_976_325_569_252_868_096
    var nextWebhookID: UInt64 = 1_234_567_890
    var nextEventID: UInt64 = 2_080_761_390_344_937_796

    init(apps: [SandboxApp], directory: SandboxDirectory, store: SandboxStore, options: SandboxActivityOptions) {
        self.apps = apps
        self.directory = directory
        self.store = store
        self.options = options
        self.webhookClient = WebhookClient(timeout: options.webhookTimeout)
    }

    func app(withKey key: String) -> SandboxApp? {
        apps.first { $0.key == key }
    }

    // MARK: Subscriptions

    /// Creates a subscription of `app`.
    func subscribe(_ request: CreateSubscriptionRequest, app: String, at now: Date) throws(InvalidRequestError) -> (ActivitySubscription, Int) {
        var problems: [InvalidParameter] = []
        if case .unknown(let value) = request.eventType {
            problems.append(InvalidParameter(parameter: "event_type", value: value,
                                             message: "The sandbox delivers follow.follow and follow.unfollow events only."))
        }
        if NumericID.parse(request.filter.userID).map(directory.contains) != true {
            problems.append(InvalidParameter(parameter: "filter.user_id", value: request.filter.userID,
                                             message: "Could not find user with filter.user_id: [\(request.filter.userID)]."))
        }
        if let webhook = request.webhookID, webhooks[webhook]?.app != app {
            problems.append(InvalidParameter(parameter: OperationParameter.UpdateActivitySubscription.webhookID.name, value: webhook,
                                             message: "No webhook [\(webhook)] belongs to this App."))
        }
        guard problems.isEmpty else { throw InvalidRequestError(errors: problems) }
        let id = String(nextSubscriptionID)
        nextSubscriptionID += 1
        let subscription = ActivitySubscription(subscriptionID: id, eventType: request.eventType, filter: request.filter,
                                                tag: request.tag, webhookID: request.webhookID, createdAt: now, updatedAt: now)
        subscriptions[id] = Subscription(app: app, value: subscription)
        return (subscription, count(of: app))
    }

    /// A page of `app`'s subscriptions, oldest first, from the one `token` names.
    func subscriptions(of app: String, after token: String?, size: Int) throws(InvalidRequestError) -> SubscriptionsPage {
        let mine = subscriptions.values.filter { $0.app == app }.map(\.value)
            .sorted { (UInt64($0.subscriptionID) ?? 0) < (UInt64($1.subscriptionID) ?? 0) }
        var start = 0
        if let token {
            guard let id = UInt64(token), let index = mine.firstIndex(where: { (UInt64($0.subscriptionID) ?? 0) >= id }) else {
                throw InvalidRequestError(errors: [InvalidParameter(
                    parameter: OperationParameter.GetActivitySubscriptions.paginationToken.name, value: token,
                    message: "The `pagination_token` query parameter value [\(token)] is not valid")])
            }
            start = index
        }
        let page = Array(mine[start..<min(mine.count, start + size)])
        let next = start + size < mine.count ? Self.token(for: mine[start + size].subscriptionID) : nil
        return SubscriptionsPage(data: page, meta: .init(resultCount: page.count, nextToken: next, totalSubscriptions: mine.count))
    }

    /// A page token: the next subscription's ID, padded to X's 19 digits.
    static func token(for id: String) -> String {
        String(repeating: "0", count: max(0, 19 - id.count)) + id
    }

    /// Changes a subscription's tag or webhook.
    func update(_ id: String, tag: String?, webhookID: String?, app: String, at now: Date) throws(InvalidRequestError) -> (ActivitySubscription, Int) {
        guard var subscription = subscriptions[id], subscription.app == app else { throw Self.unknownSubscription(id) }
        if let webhookID, webhooks[webhookID]?.app != app {
            throw InvalidRequestError(errors: [InvalidParameter(parameter: OperationParameter.UpdateActivitySubscription.webhookID.name, value: webhookID,
                                                                message: "No webhook [\(webhookID)] belongs to this App.")])
        }
        if let tag { subscription.value.tag = tag }
        if let webhookID { subscription.value.webhookID = webhookID }
        subscription.value.updatedAt = now
        subscriptions[id] = subscription
        return (subscription.value, count(of: app))
    }

    /// Ends a subscription; answers how many the App has left.
    func unsubscribe(_ id: String, app: String) throws(InvalidRequestError) -> Int {
        guard subscriptions[id]?.app == app else { throw Self.unknownSubscription(id) }
        subscriptions[id] = nil
        return count(of: app)
    }

    func count(of app: String) -> Int {
        subscriptions.values.reduce(0) { $0 + ($1.app == app ? 1 : 0) }
    }

    private static func unknownSubscription(_ id: String) -> InvalidRequestError {
        InvalidRequestError(errors: [InvalidParameter(parameter: OperationParameter.DeleteActivitySubscription.subscriptionID.name,
                                                      value: id, message: "No subscription [\(id)] belongs to this App.")])
    }
}
