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

/// `x-twitter-streaming: true` (X's own) or `x-streaming` (ours): the operation answers with
/// newline-delimited JSON, one event per line, for as long as the connection lasts.
struct StreamingExtension: Sendable {
    /// The integer query parameter that asks for recent events again (`backfill_minutes`).
    var backfillParameter: Located<String>?
    /// Dotted path of each event's unique ID (`data.event_uuid`).
    var eventID: Located<String>?
    /// Dotted path of each event's kind (`data.event_type`).
    var eventType: Located<String>?
    /// How many connections an App may hold open at once (X: 2 for the activity stream).
    var connections: Located<Int>?
    /// Whether `x-streaming` declared it (its paths must exist), or only `x-twitter-streaming`
    /// (X's conventions are tried).
    var isDeclared: Bool
    var location: SourceLocation
}

/// `x-pricing`: what X charges for an operation under its pay-per-usage pricing.
struct PricingExtension: Sendable {
    enum Charged: String, Sendable {
        /// Each resource returned (`resources` of the response).
        case resource
        /// Each successful request.
        case request
        /// Each event a stream delivers, at the price of its kind (`prices`).
        case event
    }

    /// X's name for the charge on its pricing page (`Following/Followers: Read`).
    var category: Located<String>
    var charged: Located<Charged>
    /// The kind of resource (`user`): X charges each once per UTC day.
    var resource: Located<String>?
    /// The response property holding the charged resources (`data`).
    var resources: Located<String>?
    /// The member identifying each resource (`id`).
    var resourceID: Located<String>?
    /// The unit price in dollars, exactly as written (`0.010`).
    var price: Located<String>
    /// The query parameter bounding the resources of one request (`max_results`, `ids`).
    var atMost: Located<String>?
    /// The Owned Read price and its path parameter.
    var ownedReadPrice: Located<String>?
    var ownedReadParameter: Located<String>?
    /// Per-event prices by event kind (`follow.follow: "0.010"`), for `charged: event`.
    var eventPrices: [(type: Located<String>, price: Located<String>)] = []
    var description: String?
    var location: SourceLocation
}

/// `x-availability`: which of X's plans include an operation.
struct AvailabilityExtension: Sendable {
    var plans: [Located<String>]
    var since: Located<String>?
    var description: Located<String>
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
    /// `x-pagination: false`: no page sequence, even where X's conventions suggest one.
    var paginationDisabled: Located<Bool>?
    /// `x-twitter-streaming` / `x-streaming`.
    var streaming: StreamingExtension?
    /// `x-idempotent`: repeating the request changes nothing more, so clients may retry it.
    var idempotent: Located<Bool>?
    /// `x-authenticated-user-lookup`: the operation answers the authenticated user (`data.id`).
    var authenticatedUserLookup = false
    /// `x-pricing`.
    var pricing: PricingExtension?
    /// `x-availability`.
    var availability: AvailabilityExtension?
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
    /// `x-aliases`: other names a server accepts for the parameter (older spellings).
    var aliases: [Located<String>] = []
    /// `x-value-aliases`: older values a server accepts, each for the value it stands for.
    var valueAliases: [(alias: Located<String>, value: Located<String>)] = []
}
