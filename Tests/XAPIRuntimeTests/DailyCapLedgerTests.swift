import Foundation
import Testing
@testable import XAPIRuntime

@Suite("Daily caps", .timeLimit(.minutes(3)))
struct DailyCapLedgerTests {
    static let followed = Reply.json(#"{"data":{"following":true,"pending_follow":false}}"#)

    static func client(
        _ transport: ScriptedTransport, ledger: DailyCapLedger, clock: VirtualClock = VirtualClock(),
        credentials: UserCredentials = .oauth1(Secrets.oauth1)
    ) -> UserClient {
        var configuration = configuration(transport)
        configuration.dailyCaps = ledger
        configuration.clock = clock.clock
        configuration.retryPolicy = .none
        return UserClient(credentials: credentials, configuration: configuration)
    }

    @Test func thousandConcurrentFollowsStopExactlyAtTheUserCap() async throws {
        let transport = ScriptedTransport { _, _ in Self.followed }
        let clock = VirtualClock()
        let ledger = DailyCapLedger(clock: clock.clock)
        let client = Self.client(transport, ledger: ledger, clock: clock)
        let outcomes = await withTaskGroup(of: XAPIError.Code?.self) { group in
            for _ in 0..<1000 {
                group.addTask {
                    do {
                        _ = try await client.send(try ClientTests.followRequest(), decoding: FollowResult.self)
                        return nil
                    } catch let error as XAPIError {
                        return error.code
                    } catch {
                        return .transport
                    }
                }
            }
            var outcomes: [XAPIError.Code?] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        #expect(outcomes.filter { $0 == nil }.count == 400)
        #expect(outcomes.filter { $0 == .dailyCapExhausted }.count == 600)
        #expect(transport.requests.count == 400)
        let usage = try await ledger.usage(of: .follow, userID: "370773112")
        #expect(usage.map(\.committed) == [400, 400])
        #expect(usage.map(\.inFlight) == [0, 0])
        #expect(usage.map(\.remaining) == [0, 600])
    }

    @Test func failuresReleaseTheirSlotsSoConcurrentCountsStayExact() async throws {
        let transport = ScriptedTransport { _, index in
            // A clear refusal frees its slot (a lost answer holds it: LostActionTests).
            index % 3 == 0 ? .problem(#"{"title":"Forbidden"}"#, status: 403) : Self.followed
        }
        let clock = VirtualClock()
        let ledger = DailyCapLedger(clock: clock.clock)
        let client = Self.client(transport, ledger: ledger, clock: clock)
        let successes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<300 {
                group.addTask { (try? await client.send(try ClientTests.followRequest(), decoding: FollowResult.self)) != nil }
            }
            var count = 0
            for await success in group where success { count += 1 }
            return count
        }
        let usage = try await ledger.usage(of: .follow, userID: "370773112")
        #expect(successes == 200)
        #expect(usage.map(\.committed) == [200, 200])
        #expect(usage.map(\.inFlight) == [0, 0])
    }

    @Test func refusalSaysWhatRemainsAndWhenTheNextSlotFrees() async throws {
        let capped = OperationDescriptor(
            id: "usersIdFollow", method: .post, path: "/2/users/{id}/following", security: [.oauth1UserContext],
            dailyCaps: [DailyCapRule(scope: .user, limit: 2), DailyCapRule(scope: .app, limit: 3)], isIdempotent: true
        )
        let clock = VirtualClock()
        let ledger = DailyCapLedger(clock: clock.clock)
        let first = try #require(try await ledger.reserve(capped, userID: "1"))
        try await ledger.commit(first)
        let firstCommit = clock.now
        clock.advance(by: 3600)
        try await ledger.commit(try #require(try await ledger.reserve(capped, userID: "1")))

        let userRefusal = await #expect(throws: XAPIError.self) { _ = try await ledger.reserve(capped, userID: "1") }
        #expect(userRefusal?.code == .dailyCapExhausted)
        #expect(userRefusal?.dailyCap == DailyCapExhaustion(
            scope: .user, userID: "1", limit: 2, used: 2, remaining: 0, nextSlotAt: firstCommit.addingTimeInterval(86_400)
        ))
        #expect(userRefusal?.retryAfter == firstCommit.addingTimeInterval(86_400))
        #expect(userRefusal?.message.contains("2 used, 0 remaining") == true)
        #expect(userRefusal?.message.contains(XAPIJSON.string(from: firstCommit.addingTimeInterval(86_400))) == true)

        // Another user has their own cap but shares the App's: one more, then the App is full.
        try await ledger.commit(try #require(try await ledger.reserve(capped, userID: "2")))
        let appRefusal = await #expect(throws: XAPIError.self) { _ = try await ledger.reserve(capped, userID: "2") }
        #expect(appRefusal?.dailyCap?.scope == .app)
        #expect(appRefusal?.dailyCap?.used == 3)

        // The window rolls: 24 hours after the first commit one slot frees.
        clock.advance(by: 86_400 - 3600)
        #expect(try await ledger.reserve(capped, userID: "2") != nil)
    }

    @Test func inFlightReservationsHoldSlotsUntilReleasedOrStale() async throws {
        let capped = OperationDescriptor(
            id: "usersIdUnfollow", method: .delete, path: "/x", security: [],
            dailyCaps: [DailyCapRule(scope: .app, limit: 1)], isIdempotent: true
        )
        let clock = VirtualClock()
        let ledger = DailyCapLedger(clock: clock.clock, reservationTimeout: .seconds(60))
        let held = try #require(try await ledger.reserve(capped, userID: nil))
        let refusal = await #expect(throws: XAPIError.self) { _ = try await ledger.reserve(capped, userID: nil) }
        #expect(refusal?.dailyCap?.nextSlotAt == nil)
        #expect(refusal?.message.contains("in-flight") == true)
        try await ledger.release(held)
        let abandoned = try #require(try await ledger.reserve(capped, userID: nil))
        _ = abandoned
        clock.advance(by: 61)
        #expect(try await ledger.reserve(capped, userID: nil) != nil)
    }

    @Test func perUserCapsUseTheActingUserAndTheAuthenticatedUserOtherwise() async throws {
        let clock = VirtualClock()
        let ledger = DailyCapLedger(clock: clock.clock)
        let transport = ScriptedTransport { _, _ in Self.followed }
        let client = Self.client(
            transport, ledger: ledger, clock: clock,
            credentials: .oauth2(accessToken: Secrets.oauth2Token, userID: "6253282")
        )
        var request = OperationRequest(.follow)
        request.setPathParameter("id", to: "6253282")
        try request.setJSONBody(FollowBody(targetUserID: "1"))
        _ = try await client.send(request, decoding: FollowResult.self)
        request.actingUserID = "42"
        _ = try await client.send(request, decoding: FollowResult.self)
        #expect(try await ledger.usage(of: .follow, userID: "6253282").first?.committed == 1)
        #expect(try await ledger.usage(of: .follow, userID: "42").first?.committed == 1)
        #expect(try await ledger.usage(of: .follow, userID: "42").last?.committed == 2)
    }

    @Test func operationsWithoutCapsAreNotCounted() async throws {
        let ledger = DailyCapLedger()
        #expect(try await ledger.reserve(.followers, userID: nil) == nil)
        #expect(try await ledger.usage(of: .followers, userID: nil).isEmpty)
    }

    @Test func aRefusedRequestSendsNothing() async throws {
        let transport = ScriptedTransport { _, _ in Self.followed }
        let clock = VirtualClock()
        let ledger = DailyCapLedger(clock: clock.clock)
        let client = Self.client(transport, ledger: ledger, clock: clock)
        for _ in 0..<500 {
            var request = OperationRequest(.unfollow)
            request.setPathParameter("source_user_id", to: "370773112")
            request.setPathParameter("target_user_id", to: "1")
            _ = try await client.send(request, decoding: JSONValue.self)
        }
        var request = OperationRequest(.unfollow)
        request.setPathParameter("source_user_id", to: "370773112")
        request.setPathParameter("target_user_id", to: "1")
        let error = await #expect(throws: XAPIError.self) { _ = try await client.send(request, decoding: JSONValue.self) }
        #expect(error?.code == .dailyCapExhausted)
        #expect(error?.operationID == "usersIdUnfollow")
        #expect(transport.requests.count == 500)
    }
}
