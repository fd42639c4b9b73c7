/// The items of every page of a walk, in order; see ``Pages``.
///
/// ```swift
/// for try await user in pages.items where user.verified == true { ... }
/// ```
public struct PageItems<Page: PaginatedResponse>: AsyncSequence, Sendable {
    /// One item of a page.
    public typealias Element = Page.Item

    /// The walk whose items these are.
    public let pages: Pages<Page>

    /// Creates the item sequence of a walk.
    public init(pages: Pages<Page>) {
        self.pages = pages
    }

    /// Starts a new walk.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: pages.makeAsyncIterator())
    }

    /// Iterates over items, fetching a page whenever the previous one is used up.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private var pages: Pages<Page>.AsyncIterator
        private var buffer: [Page.Item] = []
        private var position = 0

        init(pages: Pages<Page>.AsyncIterator) {
            self.pages = pages
        }

        /// The next item, or `nil` after the last page's last item.
        ///
        /// - Throws: What the page walk throws.
        public mutating func next() async throws -> Page.Item? {
            while position == buffer.count {
                guard let page = try await pages.next() else { return nil }
                buffer = page.body.items
                position = 0
            }
            defer { position += 1 }
            return buffer[position]
        }
    }
}
