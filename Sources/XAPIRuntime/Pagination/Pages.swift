/// The pages of a paginated operation, fetched one at a time as you iterate.
///
/// The walk follows `next_token` (forward) or `previous_token` (backward) and ends when a page
/// has no token. A page that answers a token seen before (X sometimes sends the same
/// `next_token` twice) is fetched again, up to ``maximumRefetches`` times, and only the answer
/// with a new token is handed on, so no page comes twice; if the token still repeats, the walk
/// throws ``XAPIError`` with ``XAPIError/Code/repeatedPaginationToken`` (so it never loops). It
/// checks for task cancellation
/// before every page. The `fetch` closure captures the caller's other parameters, so every
/// page is requested with them. With ``RateLimitPolicy/wait(maximum:)`` a long walk waits
/// for the rate limit to reset instead of failing.
///
/// ```swift
/// let pages = Pages<FollowsLookupResponse>(operation: "usersIdFollowers") { token in
///     try await client.followers(of: "2244994945", maxResults: 1000, paginationToken: token)
/// }
/// for try await page in pages { print(page.body.items.count) }
/// for try await user in pages.items { print(user.username) }
/// ```
public struct Pages<Page: PaginatedResponse>: AsyncSequence, Sendable {
    /// Each element is one page's response.
    public typealias Element = APIResponse<Page>

    /// Fetches the page a token selects (`nil` selects the first page).
    public typealias Fetch = @Sendable (_ token: String?) async throws -> APIResponse<Page>

    /// The direction of the walk.
    public let direction: PageDirection
    /// The token of the first page fetched, or `nil` to start at the first page.
    public let startingToken: String?
    /// The operation ID, for errors.
    public let operation: String
    private let fetch: Fetch

    /// Creates a walk over pages.
    ///
    /// - Parameters:
    ///   - direction: `.forward` follows `next_token`, `.backward` follows `previous_token`.
    ///   - token: The token of the first page to fetch; `nil` fetches the first page.
    ///   - operation: The operation ID, named in errors.
    ///   - fetch: Fetches one page; it captures every other parameter of the call.
    public init(
        direction: PageDirection = .forward,
        startingAt token: String? = nil,
        operation: String,
        fetch: @escaping @Sendable (_ token: String?) async throws -> APIResponse<Page>
    ) {
        self.direction = direction
        self.startingToken = token
        self.operation = operation
        self.fetch = fetch
    }

    /// How many times a page whose answer repeats a token is fetched again before the walk
    /// gives up with ``XAPIError/Code/repeatedPaginationToken``.
    public static var maximumRefetches: Int { 2 }

    /// The same walk, flattened to the pages' items.
    public var items: PageItems<Page> { PageItems(pages: self) }

    /// Starts a new walk.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: self)
    }

    /// Iterates over pages; not shared between tasks.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private let pages: Pages
        private var nextToken: String?
        private var seenTokens: Set<String> = []
        private var isFinished = false

        init(pages: Pages) {
            self.pages = pages
            self.nextToken = pages.startingToken
            if let token = pages.startingToken { seenTokens.insert(token) }
        }

        /// The token the walk follows from `response`; `nil` when there is none (or it is empty).
        private func token(of response: APIResponse<Page>) -> String? {
            let token = pages.direction == .forward ? response.body.nextToken : response.body.previousToken
            return token?.isEmpty == false ? token : nil
        }

        /// Fetches the next page, or returns `nil` after the last one.
        ///
        /// - Throws: `CancellationError` when the task is cancelled, ``XAPIError`` with
        ///   ``XAPIError/Code/repeatedPaginationToken`` on a token that still repeats after
        ///   ``Pages/maximumRefetches`` fetches of the page, or whatever
        ///   `fetch` throws. The walk is over after any error.
        public mutating func next() async throws -> APIResponse<Page>? {
            guard !isFinished else { return nil }
            do {
                try Task.checkCancellation()
                var response = try await pages.fetch(nextToken)
                var token = self.token(of: response)
                var refetches = 0
                while let repeated = token, seenTokens.contains(repeated), refetches < Pages.maximumRefetches {
                    refetches += 1
                    try Task.checkCancellation()
                    response = try await pages.fetch(nextToken)
                    token = self.token(of: response)
                }
                if let token {
                    guard seenTokens.insert(token).inserted else {
                        throw XAPIError(
                            code: .repeatedPaginationToken,
                            operationID: pages.operation,
                            message: "The pagination token \"\(token.prefix(64))\" came back a second time; "
                                + "the walk stops instead of fetching the same pages again.",
                            status: response.status,
                            rateLimit: response.rateLimit
                        )
                    }
                    nextToken = token
                } else {
                    isFinished = true
                }
                return response
            } catch {
                isFinished = true
                throw error
            }
        }
    }
}
