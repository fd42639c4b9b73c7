/// A page of a paginated operation: its items and the tokens of its neighbours. Generated
/// response types conform by reading `data`, `meta.next_token` and `meta.previous_token`.
public protocol PaginatedResponse: Sendable {
    /// The type of the page's items, e.g. `User`.
    associatedtype Item: Sendable
    /// The page's items (empty when the page has none).
    var items: [Item] { get }
    /// The token of the next page; `nil` on the last page.
    var nextToken: String? { get }
    /// The token of the previous page; `nil` on the first page.
    var previousToken: String? { get }
}

/// Which way a walk over pages goes.
public enum PageDirection: Sendable, Hashable {
    /// From the start towards the end, following `next_token`.
    case forward
    /// Towards the start, following `previous_token`.
    case backward
}
