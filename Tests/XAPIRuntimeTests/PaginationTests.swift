import Foundation
import Synchronization
import Testing
@testable import XAPIRuntime

@Suite("Pagination", .timeLimit(.minutes(3)))
struct PaginationTests {
    /// A three-page followers list served by token: nil → page 1, "p2" → page 2, "p3" → page 3.
    static func threePages() -> ScriptedTransport {
        ScriptedTransport { request, _ in
            switch request.query["pagination_token"] {
            case nil: .json(userPage(ids: 1...2, next: "p2"))
            case "p2": .json(userPage(ids: 3...4, next: "p3", previous: "p1"))
            case "p3": .json(userPage(ids: 5...5, previous: "p2"))
            case "p1": .json(userPage(ids: 1...2, next: "p2"))
            default: Reply(status: 400, body: "unknown token")
            }
        }
    }

    static func walk(
        _ client: AppOnlyClient, direction: PageDirection = .forward, from token: String? = nil
    ) -> Pages<FollowsPage> {
        Pages(direction: direction, startingAt: token, operation: "usersIdFollowers") { token in
            var request = OperationRequest(.followers)
            request.setPathParameter("id", to: "2244994945")
            request.appendQueryItem("max_results", value: 2)
            request.appendQueryItem("user.fields", commaSeparated: ["created_at", "public_metrics"])
            request.appendQueryItem("pagination_token", value: token)
            return try await client.send(request, decoding: FollowsPage.self)
        }
    }

    @Test func forwardWalkVisitsEveryPageKeepingTheOtherParameters() async throws {
        let transport = Self.threePages()
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration(transport))
        var ids: [String] = []
        for try await user in Self.walk(client).items { ids.append(user.id) }
        #expect(ids == ["1", "2", "3", "4", "5"])
        let queries = transport.requests.map(\.query)
        #expect(queries.map { $0["pagination_token"] } == [nil, "p2", "p3"])
        #expect(queries.allSatisfy { $0["max_results"] == "2" && $0["user.fields"] == "created_at,public_metrics" })
        #expect(transport.requests.allSatisfy { $0.request.path?.hasPrefix("/2/users/2244994945/followers?") == true })
    }

    @Test func backwardWalkFollowsPreviousTokens() async throws {
        let transport = Self.threePages()
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration(transport))
        var pages: [[String]] = []
        for try await page in Self.walk(client, direction: .backward, from: "p3") {
            pages.append(page.body.items.map(\.id))
        }
        #expect(pages == [["5"], ["3", "4"], ["1", "2"]])
        #expect(transport.requests.map { $0.query["pagination_token"] } == ["p3", "p2", "p1"])
    }

    @Test func singlePageEndsWithoutAToken() async throws {
        let transport = ScriptedTransport([.json(#"{"meta":{"result_count":0}}"#)])
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration(transport))
        var count = 0
        for try await page in Self.walk(client) {
            #expect(page.body.items.isEmpty)
            count += 1
        }
        #expect(count == 1)
        #expect(transport.requests.count == 1)
    }

    @Test func repeatedTokenStopsTheWalkWithAnError() async throws {
        let transport = ScriptedTransport { request, _ in
            request.query["pagination_token"] == nil ? .json(userPage(ids: 1...1, next: "a")) : .json(userPage(ids: 2...2, next: "a"))
        }
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration(transport))
        var ids: [String] = []
        let error = await #expect(throws: XAPIError.self) {
            for try await user in Self.walk(client).items { ids.append(user.id) }
        }
        #expect(error?.code == .repeatedPaginationToken)
        #expect(error?.operationID == "usersIdFollowers")
        // Counts, not the lists: a walk that does not stop has made hundreds of thousands of
        // requests when the suite's time limit ends it, too many to print.
        let (itemCount, requestCount) = (ids.count, transport.requests.count)
        #expect(itemCount == 1 && ids.first == "1")
        // The page that repeats the token is fetched again twice before the walk gives up.
        #expect(requestCount == 2 + Pages<FollowsPage>.maximumRefetches)
    }

    @Test func aPageThatRepeatsItsTokenOnceIsFetchedAgainAndHandedOnOnce() async throws {
        let repeats = Mutex(true)
        let transport = ScriptedTransport { request, _ in
            switch request.query["pagination_token"] {
            case nil: return .json(userPage(ids: 1...2, next: "a"))
            case "a"?:
                let repeated = repeats.withLock { first in defer { first = false }; return first }
                return .json(userPage(ids: 3...4, next: repeated ? "a" : "b"))
            default: return .json(userPage(ids: 5...5, next: nil))
            }
        }
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration(transport))
        var ids: [String] = []
        for try await user in Self.walk(client).items { ids.append(user.id) }
        #expect(ids == ["1", "2", "3", "4", "5"])
        #expect(transport.requests.map { $0.query["pagination_token"] } == [nil, "a", "a", "b"])
    }

    @Test func startingTokenCountsAsSeen() async throws {
        let pages = Pages<FollowsPage>(startingAt: "x", operation: "op") { _ in
            APIResponse(body: FollowsPage(data: [], meta: PageMeta(resultCount: 0, nextToken: "x")), status: 200, headers: [:])
        }
        var iterator = pages.makeAsyncIterator()
        await #expect(throws: XAPIError.self) { _ = try await iterator.next() }
        #expect(try await iterator.next() == nil)
    }

    @Test func errorsEndTheWalk() async throws {
        let transport = ScriptedTransport([.json(userPage(ids: 1...1, next: "b")), .problem(#"{"title":"Oops"}"#, status: 400)])
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration(transport))
        var iterator = Self.walk(client).makeAsyncIterator()
        _ = try await iterator.next()
        await #expect(throws: XAPIError.self) { _ = try await iterator.next() }
        #expect(try await iterator.next() == nil)
        #expect(transport.requests.count == 2)
    }

    @Test func cancellationStopsBetweenPages() async throws {
        let (firstPageSeen, continuation) = AsyncStream.makeStream(of: Void.self)
        let counter = Counter()
        let pages = Pages<FollowsPage>(operation: "usersIdFollowers") { token in
            let count = counter.increment()
            return APIResponse(
                body: FollowsPage(data: [User(id: "\(count)", name: "n", username: "u")],
                                  meta: PageMeta(resultCount: 1, nextToken: "t\(count)")),
                status: 200, headers: [:]
            )
        }
        let task = Task {
            var seen = 0
            for try await _ in pages {
                seen += 1
                if seen == 1 {
                    continuation.yield()
                    // Wait until the test cancels this task, then ask for the next page.
                    while !Task.isCancelled { await Task.yield() }
                }
            }
            return seen
        }
        var iterator = firstPageSeen.makeAsyncIterator()
        _ = await iterator.next()
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        #expect(counter.value == 1)
    }
}

/// A thread-safe counter for closures that must be `@Sendable`.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() -> Int { lock.withLock { count += 1; return count } }
    var value: Int { lock.withLock { count } }
}
