import Foundation
import Testing
@testable import XAPIRuntime

@Suite("Retries", .timeLimit(.minutes(3)))
struct RetryTests {
    static func client(
        _ transport: ScriptedTransport, clock: VirtualClock, retry: RetryPolicy = RetryPolicy(random: { 0 })
    ) -> UserClient {
        var configuration = configuration(transport)
        configuration.clock = clock.clock
        configuration.retryPolicy = retry
        return UserClient(credentials: .oauth1(Secrets.oauth1), configuration: configuration)
    }

    @Test func transportErrorOnAGetIsRetriedWithAFreshSignature() async throws {
        let transport = ScriptedTransport([nil, .json(#"{"meta":{"result_count":0}}"#)])
        let clock = VirtualClock()
        let response = try await Self.client(transport, clock: clock)
            .send(ClientTests.followersRequest(), decoding: FollowsPage.self)
        #expect(response.status == 200)
        #expect(transport.requests.count == 2)
        #expect(clock.sleeps == [.milliseconds(500)])
        let headers = try transport.requests.map { try OAuth1AuthorizationHeader(parsing: try #require($0.authorization)) }
        #expect(headers[0].nonce != headers[1].nonce)
        #expect(headers[0].signature != headers[1].signature)
        #expect(headers[1].timestamp == String(Int(clock.now.timeIntervalSince1970)))
    }

    @Test func serverErrorsBackOffExponentiallyUpToTheMaximumAttempts() async throws {
        let transport = ScriptedTransport([
            .problem(#"{"title":"Service Unavailable"}"#, status: 503),
            .problem(#"{"title":"Service Unavailable"}"#, status: 503),
            .problem(#"{"title":"Service Unavailable"}"#, status: 503),
            .problem(#"{"title":"Bad Gateway"}"#, status: 502),
        ])
        let clock = VirtualClock()
        let retry = RetryPolicy(maximumAttempts: 4, baseDelay: .seconds(1), maximumDelay: .seconds(3), random: { 0 })
        let error = await #expect(throws: XAPIError.self) {
            try await Self.client(transport, clock: clock, retry: retry).send(ClientTests.followersRequest(), decoding: FollowsPage.self)
        }
        #expect(error?.code == .http)
        #expect(error?.status == 502)
        #expect(error?.problem?.title == "Bad Gateway")
        #expect(transport.requests.count == 4)
        #expect(clock.sleeps == [.seconds(1), .seconds(2), .seconds(3)])
    }

    @Test func jitterShortensDelaysByTheRandomFraction() {
        let full = RetryPolicy(baseDelay: .seconds(2), maximumDelay: .seconds(60), jitter: 0.5, random: { 1 })
        #expect(full.delay(beforeRetry: 1) == .seconds(1))
        #expect(full.delay(beforeRetry: 3) == .seconds(4))
        let none = RetryPolicy(baseDelay: .seconds(2), jitter: 0, random: { 0.9 })
        #expect(none.delay(beforeRetry: 2) == .seconds(4))
        let capped = RetryPolicy(baseDelay: .seconds(1), maximumDelay: .seconds(10), random: { 0 })
        #expect(capped.delay(beforeRetry: 80) == .seconds(10))
        #expect(RetryPolicy(baseDelay: .zero, random: { 0 }).delay(beforeRetry: 200) == .zero)
        #expect(RetryPolicy(baseDelay: .seconds(1), random: { .nan }).delay(beforeRetry: 1) == .seconds(1))
    }

    @Test func aFollowWhoseAnswerIsLostIsNeverResentButTold() async throws {
        // Idempotent on X, but charged and capped per request: a lost answer is not resent.
        let replies = [nil, Reply.problem(#"{"title":"Internal"}"#, status: 500), .problem(#"{"title":"Request Timeout"}"#, status: 408),
                       .json(#"{"data":{"follow"#)]
        for reply in replies {
            let transport = ScriptedTransport([reply, .json(#"{"data":{"following":true,"pending_follow":false}}"#)])
            let clock = VirtualClock()
            let error = await #expect(throws: XAPIError.self) {
                try await Self.client(transport, clock: clock).send(try ClientTests.followRequest(), decoding: FollowResult.self)
            }
            #expect(error?.code == .outcomeUnknown)
            #expect(error?.message.contains("Look it up before sending it again") == true)
            #expect(transport.requests.count == 1)
            #expect(clock.sleeps.isEmpty)
        }
        #expect(!OperationDescriptor.follow.isResendable)
        #expect(OperationDescriptor.followers.isResendable)
    }

    @Test func aCutOffBodyOfAReadIsFetchedAgain() async throws {
        let transport = ScriptedTransport([.json(#"{"data":[{"id":"1","#), .json(#"{"meta":{"result_count":0}}"#)])
        let clock = VirtualClock()
        let response = try await Self.client(transport, clock: clock).send(ClientTests.followersRequest(), decoding: FollowsPage.self)
        #expect(response.status == 200)
        #expect(transport.requests.count == 2)
        #expect(clock.sleeps == [.milliseconds(500)])
    }

    @Test func aServerErrorsRetryAfterIsWaitedAtLeast() async throws {
        let transport = ScriptedTransport([
            .problem(#"{"title":"Service Unavailable"}"#, status: 503, headers: [("retry-after", "7")]),
            .json(#"{"meta":{"result_count":0}}"#),
        ])
        let clock = VirtualClock()
        _ = try await Self.client(transport, clock: clock).send(ClientTests.followersRequest(), decoding: FollowsPage.self)
        #expect(clock.sleeps == [.seconds(7)])
    }

    @Test func nonIdempotentOperationsAreNeverRetried() async throws {
        for reply in [nil, Reply.problem(#"{"title":"Internal"}"#, status: 500)] {
            let transport = ScriptedTransport([reply, .json("{}")])
            let clock = VirtualClock()
            await #expect(throws: XAPIError.self) {
                try await Self.client(transport, clock: clock).send(OperationRequest(.createThing), decoding: JSONValue.self)
            }
            #expect(transport.requests.count == 1)
            #expect(clock.sleeps.isEmpty)
        }
    }

    @Test(arguments: [400, 401, 403, 404, 409, 429])
    func clientErrorsAreNotRetried(status: Int) async throws {
        let transport = ScriptedTransport([.problem(#"{"title":"No"}"#, status: status), .json(#"{"meta":{"result_count":0}}"#)])
        let clock = VirtualClock()
        let error = await #expect(throws: XAPIError.self) {
            try await Self.client(transport, clock: clock).send(ClientTests.followersRequest(), decoding: FollowsPage.self)
        }
        #expect(error?.status == status)
        #expect(error?.code == (status == 429 ? .rateLimited : .http))
        #expect(transport.requests.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func noneMeansASingleAttempt() async throws {
        let transport = ScriptedTransport([nil, .json(#"{"meta":{"result_count":0}}"#)])
        let clock = VirtualClock()
        let error = await #expect(throws: XAPIError.self) {
            try await Self.client(transport, clock: clock, retry: .none).send(ClientTests.followersRequest(), decoding: FollowsPage.self)
        }
        #expect(error?.code == .transport)
        #expect(transport.requests.count == 1)
    }

    @Test func cancellationDuringBackoffStopsRetrying() async throws {
        let transport = ScriptedTransport([nil, .json(#"{"meta":{"result_count":0}}"#)])
        var configuration = configuration(transport)
        configuration.retryPolicy = RetryPolicy(baseDelay: .seconds(3600), random: { 0 })
        let client = UserClient(credentials: .oauth1(Secrets.oauth1), configuration: configuration)
        let task = Task { try await client.send(ClientTests.followersRequest(), decoding: FollowsPage.self) }
        while transport.requests.isEmpty { await Task.yield() }
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        #expect(transport.requests.count == 1)
    }
}
