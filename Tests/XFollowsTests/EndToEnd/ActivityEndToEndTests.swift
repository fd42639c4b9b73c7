import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import XAPIWebhooks
import XFollows
import XSandbox

/// The X Activity API against x-sandbox over HTTP: subscriptions, the stream with its
/// keep-alives and reconnections, the connection limit, charges, and webhooks checked by
/// challenge-response and signed, received by `XAPIWebhooks`.
@Suite("Activity: subscriptions, the stream and webhooks, end to end", .timeLimit(.minutes(2)))
struct ActivityEndToEndTests {
    @Test("Subscriptions are created, listed a page at a time, updated and deleted")
    func subscriptions() async throws {
        try await withActivitySandbox { server in
            let app = server.appClient()
            var ids: [String] = []
            for user in [SandboxAccounts.alice, SandboxAccounts.bob, SandboxAccounts.xDevelopers] {
                let created = try await app.createSubscription(body: CreateSubscriptionRequest(
                    eventType: .followFollow, filter: SubscriptionFilter(userID: user), tag: "follows of \(user)"))
                let subscription = try #require(created.data?.subscription)
                #expect(subscription.filter.userID == user)
                #expect(created.meta?.totalSubscriptions == ids.count + 1)
                ids.append(subscription.subscriptionID)
            }
            var listed: [String] = []
            for try await subscription in app.subscriptionsPages(maxResults: 2).items {
                listed.append(subscription.subscriptionID)
            }
            #expect(listed == ids)

            let updated = try await app.updateSubscription(ids[0], tag: "renamed")
            #expect(updated.data?.subscription?.tag == "renamed")
            let deleted = try await app.deleteSubscription(ids[1])
            #expect(deleted.data?.deleted == true)
            #expect(deleted.meta?.totalSubscriptions == 2)
            let error = await expectXAPIError { try await app.deleteSubscription(ids[1]) }
            #expect(error?.status == 400)

            let unknownUser = await expectXAPIError {
                try await app.createSubscription(body: CreateSubscriptionRequest(eventType: .followUnfollow, filter: SubscriptionFilter(userID: "42")))
            }
            #expect(unknownUser?.problem?.invalidParameters == ["filter.user_id"])
        }
    }

    @Test("A follow and an unfollow through the API arrive on the stream, in order, with both users; each is charged once", .needsStreamingTransport)
    func followsArriveOnTheStream() async throws {
        try await withActivitySandbox { server in
            let app = try server.streamingAppClient()
            try await subscribe(app, to: SandboxAccounts.quietQuinn)
            let collector = EventCollector()
            let reading = Task { try await collector.read(try app.activityStream()) }
            try await collector.waitUntilConnected(server)

            let alice = server.oauth1Client(SandboxAccounts.alice)
            try await alice.follow(SandboxAccounts.quietQuinn)
            try await alice.follow(SandboxAccounts.quietQuinn)      // no change, no event
            try await alice.unfollow(SandboxAccounts.quietQuinn)
            let events = try await collector.first(2)
            reading.cancel()

            #expect(events.map(\.eventType) == [.followFollow, .followUnfollow])
            #expect(events.allSatisfy { $0.payload.source.data.id == SandboxAccounts.alice && $0.payload.target.data.id == SandboxAccounts.quietQuinn })
            #expect(events.allSatisfy { $0.filter.userID == SandboxAccounts.quietQuinn && $0.tag == "watching" })
            #expect(events[0].payload.source.data.username == "sandbox_alice")
            #expect(events[0].payload.target.data.publicMetrics != nil)
            #expect(Set(events.map(\.eventUUID)).count == 2)

            let bill = await server.bill()
            let charges = bill.apps[0].charges.filter { $0.operationID == OperationDescriptor.activityStream.id }
            #expect(charges.map(\.amount) == [USD("0.010")!, USD("0.010")!])
            // Cancelling the task closes the connection: the sandbox lets it go within a keep-alive.
            try await waitFor { await server.openActivityStreams() == 0 }
        }
    }

    @Test("Dropped every two events, the stream reconnects with a backfill: nothing lost, nothing doubled", .needsStreamingTransport)
    func reconnectionLosesNothing() async throws {
        try await withActivitySandbox(dropStreamEvery: 2) { server in
            let app = try server.streamingAppClient()
            try await subscribe(app, to: SandboxAccounts.alice)
            let notices = NoticeRecorder()
            var options = StreamOptions()
            options.onNotice = { notices.record($0) }
            let collector = EventCollector()
            let reading = Task { try await collector.read(try app.activityStream(options: options)) }
            try await collector.waitUntilConnected(server)

            var targets: [String] = []
            for candidate in SandboxAccounts.shapes + [SandboxAccounts.quietQuinn, SandboxAccounts.lockedLucy]
            where await !server.isFollowing(SandboxAccounts.alice, candidate) {
                targets.append(candidate)
            }
            #expect(targets.count >= 5)
            for target in targets {
                #expect(await server.scriptFollow(SandboxAccounts.alice, target, follow: true).count == 1)
            }
            let events = try await collector.first(targets.count)
            reading.cancel()
            #expect(events.map(\.payload.target.data.id) == targets)
            #expect(Set(events.map(\.eventUUID)).count == targets.count)
            #expect(notices.reconnects.count >= 1)
            #expect(notices.reconnects.allSatisfy { $0.backfillMinutes == 1 })
        }
    }

    @Test("A third connection is refused with X's ConnectionException 429; the App holds two", .needsStreamingTransport)
    func twoConnectionsPerApp() async throws {
        try await withActivitySandbox { server in
            let app = try server.streamingAppClient()
            var readers: [Task<Void, any Error>] = []
            for _ in 0..<2 {
                let collector = EventCollector()
                readers.append(Task { try await collector.read(try app.activityStream()) })
            }
            try await waitFor { await server.openActivityStreams() == 2 }
            var options = StreamOptions()
            options.reconnection.maximumAttempts = 1
            let third = try app.activityStream(options: options)
            let error = await expectXAPIError { for try await _ in third {} }
            #expect(error?.status == 429)
            #expect(error?.problem?.title == "ConnectionException")
            for reader in readers { reader.cancel() }
            try await waitFor { await server.openActivityStreams() == 0 }
        }
    }

    @Test("A webhook passes the sandbox's challenge-response check, gets signed deliveries, and refuses forged and replayed ones")
    func webhooks() async throws {
        try await withActivitySandbox { server in
            let secret = server.apps[0].credentials.consumerSecret
            let receiver = WebhookReceiver<ActivityStreamMessage>(consumerSecret: secret)
            let listening = try await receiver.start()
            defer { Task { await listening.shutdown() } }
            let app = server.appClient()

            let wrongReceiver = WebhookReceiver<ActivityStreamMessage>(consumerSecret: "not the App's secret")
            let wrong = try await wrongReceiver.start()
            let refused = await expectXAPIError { try await app.registerWebhook(url: wrong.url.absoluteString) }
            #expect(refused?.problem?.title == "CrcValidationFailed")
            await wrong.shutdown()

            let webhook = try #require(try await app.registerWebhook(url: listening.url.absoluteString).data)
            #expect(webhook.valid)
            #expect(try await app.webhooks().data?.map(\.id) == [webhook.id])
            try await subscribe(app, to: SandboxAccounts.bob, webhookID: webhook.id)
            #expect(await server.scriptFollow(SandboxAccounts.quietQuinn, SandboxAccounts.bob, follow: true).count == 1)

            var iterator = receiver.events.makeAsyncIterator()
            let delivered = try #require(await iterator.next())
            #expect(delivered.data?.eventType == .followFollow)
            #expect(delivered.data?.payload.source.data.id == SandboxAccounts.quietQuinn)

            // The delivery again (a replay), and one whose signature is forged.
            let body = try XAPIJSON.makeEncoder().encode(delivered)
            var replay = URLRequest(url: listening.url)
            replay.httpMethod = "POST"
            replay.httpBody = body
            replay.setValue(WebhookSignature.signature(of: body, consumerSecret: secret), forHTTPHeaderField: WebhookSignature.headerName)
            #expect(try await statusOf(replay) == 200)
            var forged = replay
            forged.setValue(WebhookSignature.signature(of: body, consumerSecret: "guess"), forHTTPHeaderField: WebhookSignature.headerName)
            #expect(try await statusOf(forged) == 401)
            #expect(receiver.statistics.replayed == 1)
            #expect(receiver.statistics.forged == 1)
            #expect(receiver.statistics.delivered == 1)

            #expect(try await app.validateWebhook(webhook.id).data?.valid == true)
            #expect(try await app.deleteWebhook(webhook.id).data?.deleted == true)
            #expect(try await app.webhooks().data?.isEmpty == true)
        }
    }
}
