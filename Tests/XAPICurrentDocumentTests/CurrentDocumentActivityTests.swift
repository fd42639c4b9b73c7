import AsyncHTTPClient
import Foundation
import OpenAPIAsyncHTTPClient
import Testing
import XAPICurrentDocument
import XSandbox

/// X's Activity API through the client generated from X's current document (2.167): its
/// subscriptions against x-sandbox, and its stream, whose events X's document and X's event
/// payload page describe differently.
@Suite("X's current document (2.167): the Activity API against the sandbox", .timeLimit(.minutes(2)))
struct CurrentDocumentActivityTests {
    @Test("createActivitySubscription and getActivitySubscriptions under 2.167's names")
    func subscriptions() async throws {
        try await withActivitySandbox { server, app in
            let created = try await app.createActivitySubscription(body: CreateActivitySubscriptionRequest(
                eventType: .followFollow, filter: CreateActivitySubscriptionFilter(userID: SandboxAccounts.alice), tag: "2.167"))
            let subscription = try #require(created.data?.subscription)
            #expect(subscription.eventType == "follow.follow")
            #expect(subscription.filter?.userID == SandboxAccounts.alice)
            let listed = try await app.getActivitySubscriptions()
            #expect(listed.data?.map(\.subscriptionID) == [subscription.subscriptionID])
        }
    }

    /// X's event payload page shows each user of a follow event in `data`; 2.167 declares the
    /// users bare, with every member optional. The stream delivers the event, and code from
    /// the document reads users with no members: the difference is X's, kept visible here.
    @Test("The stream delivers a follow event to 2.167's types; its users read empty, as 2.167 declares them bare")
    func streamAgainstTheDocument() async throws {
        try await withActivitySandbox { server, app in
            _ = try await app.createActivitySubscription(body: CreateActivitySubscriptionRequest(
                eventType: .followFollow, filter: CreateActivitySubscriptionFilter(userID: SandboxAccounts.alice)))
            let received = EventLog()
            let reading = Task {
                for try await message in try app.activityStream() { received.append(message) }
            }
            defer { reading.cancel() }
            try await until { await server.openStreams() == 1 }
            #expect(await server.scriptFollow(SandboxAccounts.quietQuinn, SandboxAccounts.alice, follow: true).count == 1)
            try await until { received.count == 1 }
            let event = try #require(received.first?.data)
            #expect(event.eventType == "follow.follow")
            #expect(event.filter?.userID == SandboxAccounts.alice)
            guard case .followActivityResponsePayload(let payload)? = event.payload else {
                Issue.record("the payload decoded as \(String(describing: event.payload))")
                return
            }
            #expect(payload.source != nil && payload.source?.id == nil && payload.source?.username == nil)
        }
    }

    /// The `../event_type` discriminator: the payload of each of X's sample events decodes as
    /// the case its `event_type` names.
    @Test("X's sample post.create and profile.update.bio payloads decode by their event_type")
    func parentDiscriminator() throws {
        let bio = #"{"data":{"filter":{"user_id":"2244994945"},"event_type":"profile.update.bio","tag":"Xdevelopers' bio updates","payload":{"before":"Mars & Cars","after":"Mars, Cars & AI"}}}"#
        let message = try XAPIJSON.makeDecoder().decode(ActivityStreamResponse.self, from: Data(bio.utf8))
        guard case .profileUpdateActivityResponsePayload(let payload)? = message.data?.payload else {
            Issue.record("decoded as \(String(describing: message.data?.payload))")
            return
        }
        #expect(payload.after == "Mars, Cars & AI")
        let post = #"{"data":{"event_uuid":"2080761390344937796","filter":{"user_id":"1111111111111111111"},"event_type":"post.create","tag":"posts","payload":{"id":"2080761390344937796","text":"Hello from the Activity API","edit_history_tweet_ids":["2080761390344937796"]}}}"#
        guard case .post(let tweet)? = try XAPIJSON.makeDecoder().decode(ActivityStreamResponse.self, from: Data(post.utf8)).data?.payload else {
            Issue.record("post.create did not decode as a Post")
            return
        }
        #expect(tweet.text == "Hello from the Activity API")
        let unknown = #"{"data":{"event_type":"news.brand_new","payload":{"x":1}}}"#
        guard case .unknown? = try XAPIJSON.makeDecoder().decode(ActivityStreamResponse.self, from: Data(unknown.utf8)).data?.payload else {
            Issue.record("an unknown event_type did not decode as unknown")
            return
        }
    }
}

// MARK: Support

private func withActivitySandbox(_ body: (SandboxServer, XAPIClient<AppOnlyContext>) async throws -> Void) async throws {
    var configuration = SandboxConfiguration(limits: .unlimited)
    configuration.activity.keepAliveInterval = .milliseconds(100)
    let server = try await SandboxServer.start(configuration)
    let app = XAPIClient<AppOnlyContext>(credentials: server.credentials.appOnlyCredentials,
                                         configuration: ClientConfiguration(serverURL: server.baseURL, transport: AsyncHTTPClientTransport()))
    do {
        try await body(server, app)
        await server.shutdown()
    } catch {
        await server.shutdown()
        throw error
    }
}

private func until(_ condition: @Sendable () async -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(30)
    while await !condition() {
        guard ContinuousClock.now < deadline else { throw CancellationError() }
        try await Task.sleep(for: .milliseconds(20))
    }
}

private final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [ActivityStreamResponse] = []
    func append(_ message: ActivityStreamResponse) { lock.withLock { messages.append(message) } }
    var count: Int { lock.withLock { messages.count } }
    var first: ActivityStreamResponse? { lock.withLock { messages.first } }
}
