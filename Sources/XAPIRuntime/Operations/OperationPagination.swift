/// How a paginated operation's pages link, from the spec's `x-pagination`: the query
/// parameter that selects a page and the one that sizes it.
///
/// ```swift
/// OperationDescriptor.usersIdFollowers.pagination?.tokenParameter   // "pagination_token"
/// ```
public struct OperationPagination: Sendable, Hashable {
    /// The query parameter a page's token goes in (`pagination_token`).
    public let tokenParameter: String
    /// The query parameter that sizes a page (`max_results`), when there is one.
    public let pageSizeParameter: String?

    /// Creates a pagination description.
    public init(tokenParameter: String, pageSizeParameter: String? = nil) {
        self.tokenParameter = tokenParameter
        self.pageSizeParameter = pageSizeParameter
    }
}
