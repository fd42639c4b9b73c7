/// The `x-` extensions this generator reads. The README documents each;
/// every other `x-` key is ignored, as OpenAPI allows.

/// Who a rate limit or a daily cap counts: each authenticated user, or the
/// whole App.
enum LimitScope: String, Sendable, Hashable, CaseIterable {
    case user
    case app
}

/// `x-rate-limits` entry: `requests` per `window` seconds per `scope`.
struct RateLimitExtension: Sendable {
    var scope: LimitScope
    var requests: Int
    var window: Int
    var description: String?
    var location: SourceLocation
}

/// `x-daily-caps` entry: `limit` actions per rolling 24 hours per `scope`.
struct DailyCapExtension: Sendable {
    var scope: LimitScope
    var limit: Int
    var description: String?
    var location: SourceLocation
}

/// `x-pagination`: how an operation's pages link together.
struct PaginationExtension: Sendable {
    /// Response property holding the page's items (`data`).
    var items: Located<String>
    /// Query parameter that selects a page (`pagination_token`).
    var tokenParameter: Located<String>
    /// Query parameter that sizes a page (`max_results`).
    var pageSizeParameter: Located<String>?
    /// Dotted response path of the next page's token (`meta.next_token`).
    var nextToken: Located<String>
    /// Dotted response path of the previous page's token (`meta.previous_token`).
    var previousToken: Located<String>?
    /// Dotted response path of the page's item count (`meta.result_count`).
    var resultCount: Located<String>?
    var location: SourceLocation
}

/// The extensions an operation can carry.
struct OperationExtensions: Sendable {
    /// `x-swift-name`: `followers(of:)`.
    var swiftName: Located<String>?
    /// `x-replaces`: the v1.1 endpoints the operation replaces.
    var replaces: [Located<String>] = []
    /// `x-rate-limits`.
    var rateLimits: [RateLimitExtension] = []
    /// `x-daily-caps`.
    var dailyCaps: [DailyCapExtension] = []
    /// `x-pagination`.
    var pagination: PaginationExtension?
    /// `x-idempotent`: repeating the request changes nothing more, so clients may retry it.
    var idempotent: Located<Bool>?
    /// `x-authenticated-user-lookup`: the operation answers the authenticated user (`data.id`).
    var authenticatedUserLookup = false
}

/// `x-fields`: the parameter selects fields of `schema`; `defaults` always come back.
struct FieldsExtension: Sendable {
    var schema: Located<String>
    var defaults: [Located<String>]
    var location: SourceLocation
}

/// One `x-expansions` entry: expanding `name` fills the response's
/// `includes.<includes>` with `target` objects, referenced by `schema.field`.
///
/// `field` is a dotted property path (`affiliation.user_id`) that ends at an
/// ID or an array of IDs. With `property` (only for a top-level field), the
/// included object is also resolved into that property of each data object.
struct ExpansionExtension: Sendable {
    var name: Located<String>
    var schema: Located<String>
    var field: Located<String>
    var includes: Located<String>
    var target: Located<String>
    var targetID: Located<String>?
    var property: Located<String>?
    var fieldsParameter: Located<String>?
    var location: SourceLocation
}

/// The extensions a parameter can carry.
struct ParameterExtensions: Sendable {
    var fields: FieldsExtension?
    var expansions: [ExpansionExtension] = []
    var expansionsLocation: SourceLocation?
    /// `x-authenticated-user`: the value must be the authenticated user's ID.
    var authenticatedUser: Bool = false
    /// `x-swift-name`: the argument label.
    var swiftName: Located<String>?
}
