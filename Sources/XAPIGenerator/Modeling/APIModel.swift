/// Stage 4 output: what the spec describes, resolved and named, with no
/// OpenAPI left in it and no Swift yet.
///
/// Every `$ref` is followed, every inline schema has a place in the type
/// tree, every extension is attached to what it describes. A renderer for
/// another language could start from here.
struct APIModel: Sendable {
    var title: String
    var summary: String?
    var description: String?
    var version: String
    var serverURL: String?
    /// Top-level types, in the order the spec declares them.
    var types: [TypeDeclaration]
    var operations: [OperationModel]
    /// Response types that are pages of a paginated operation.
    var paginations: [PageConformance]
    /// Response types whose included objects resolve into their data.
    var expansionResolutions: [ExpansionResolution]
    /// Response types whose resources X charges for (`x-pricing`).
    var billables: [BillableConformance] = []
    /// Event types of streaming operations that tell their ID and kind.
    var streamEvents: [StreamEventConformance] = []
    /// How users obtain tokens: OAuth 2.0 scopes and each scheme's endpoints.
    var authorization = AuthorizationModel()
    /// The schemes `.schemes` options name, in the spec's order.
    var securitySchemes: [SecuritySchemeModel] = []
}

// MARK: Authorization

/// What the security schemes say about obtaining tokens.
struct AuthorizationModel: Sendable {
    struct Scope: Sendable, Hashable {
        var name: String
        var description: String?
    }

    /// The endpoints of one security scheme, as one of the runtime's endpoint types.
    struct Endpoints: Sendable {
        enum Kind: String, Sendable {
            /// `OAuth2Endpoints`: authorization, token, refresh, revocation.
            case oauth2 = "OAuth2Endpoints"
            /// `OAuth1Endpoints`: request token, authorization, access token.
            case oauth1 = "OAuth1Endpoints"
            /// `AppOnlyEndpoints`: token, invalidation.
            case appOnly = "AppOnlyEndpoints"
        }

        var kind: Kind
        /// The static member's name (`x-swift-name`, or the scheme's name).
        var swiftName: String
        var scheme: String
        var description: String?
        /// The URLs in the order of the runtime type's initializer, with their labels.
        var urls: [(label: String, url: String)]
    }

    /// Every OAuth 2.0 scope the schemes define, in spec order, each once.
    var scopes: [Scope] = []
    var endpoints: [Endpoints] = []
    /// The operation whose answer names the authenticated user (`x-authenticated-user-lookup`).
    var authenticatedUserLookup: String?
}

// MARK: Types

/// A name in the type tree: the outer type's name first.
struct TypeName: Sendable, Hashable {
    /// One level of a name, with how it came about, so the renderer can
    /// spell it idiomatically.
    enum Component: Sendable, Hashable {
        /// A component schema's name, as written.
        case schema(String)
        /// An inline schema of an object property.
        case property(String)
        /// An inline schema of the elements of an array property.
        case element(String)
        /// A name the translation chose (`Field`, `Expansion`, `Response`).
        case synthesized(String)
    }

    var components: [Component]

    init(_ components: [Component]) {
        self.components = components
    }

    func appending(_ component: Component) -> TypeName {
        TypeName(components + [component])
    }
}

/// How a value is typed, before any language spells it.
indirect enum TypeReference: Sendable, Hashable {
    enum IntegerFormat: Sendable, Hashable { case standard, int32, int64 }
    enum NumberFormat: Sendable, Hashable { case double, float }

    case string
    case integer(IntegerFormat)
    case number(NumberFormat)
    case boolean
    case dateTime
    case url
    /// Any JSON value.
    case json
    /// A type this model declares.
    case named(TypeName)
    /// A type the target language already has (`x-swift-type`).
    case external(String)
    case array(TypeReference)
    /// An array with `uniqueItems`, where order carries no meaning.
    case set(TypeReference)
    /// A JSON object with arbitrary keys.
    case dictionary(TypeReference)
    /// A nullable element of an array or value of a dictionary.
    case optional(TypeReference)
}

struct TypeDeclaration: Sendable {
    enum Kind: Sendable {
        case object(ObjectModel)
        case stringEnum(StringEnumModel)
        case oneOf(OneOfModel)
        /// A schema that only names another type (a constrained string, an array, …).
        case alias(TypeReference)
    }

    var name: TypeName
    var description: String?
    var deprecated: Bool
    var kind: Kind
    var nested: [TypeDeclaration]
    /// Where the schema is written, for diagnostics about it.
    var location: SourceLocation
    /// The `pattern` of a schema that names a plain string (`UserID`), which the generated
    /// code publishes so that other code matches values against the spec's own rule.
    var pattern: String? = nil
}

struct ObjectModel: Sendable {
    var properties: [PropertyModel]
    /// The type of undeclared members, kept when the schema allows them.
    var additionalProperties: TypeReference?
    /// Properties filled from a response's `includes`, never encoded.
    var resolvedExpansions: [ResolvedExpansionProperty]
    /// Only requests carry it: decoding refuses `null` for an optional member that is not
    /// nullable (see `ModelTranslator.markingRequestOnlyObjects`).
    var refusesNullForOptionalMembers = false
}

struct PropertyModel: Sendable {
    var jsonName: String
    var type: TypeReference
    var isRequired: Bool
    var isNullable: Bool
    var description: String?
    var deprecated: Bool
    var example: JSONLiteral?

    /// Whether a value may be absent in the language model.
    var isOptional: Bool { !isRequired || isNullable }
}

struct ResolvedExpansionProperty: Sendable {
    /// The expansion that fills it (`pinned_tweet_id`).
    var expansion: String
    /// The property's name (`pinned_tweet`).
    var jsonName: String
    /// The property holding the referenced ID (`pinned_tweet_id`).
    var sourceField: String
    var type: TypeName
    /// The `includes` collection the object comes from (`tweets`).
    var collection: String
}

struct StringEnumModel: Sendable {
    enum Role: Sendable, Hashable {
        case plain
        /// Names the fields of a schema (`x-fields`); `defaults` always come back.
        case fields(of: String, defaults: [String])
        /// Names expansions (`x-expansions`), each with the field of the data object that
        /// holds the expanded object's ID (`pinned_post_id` → `pinned_tweet_id`).
        case expansions(sourceFields: [String: String])
    }

    struct Case: Sendable, Hashable {
        var value: String
        var description: String?
    }

    var cases: [Case]
    var role: Role
    /// Older values (`x-value-aliases`), each mapped to the value it stands for.
    var aliases: [String: String] = [:]
}

struct OneOfModel: Sendable {
    enum Strategy: Sendable {
        /// Read the discriminator property, then decode the mapped case. With `fromParent`
        /// (X's `../event_type`), the property is a sibling in the object that holds the value,
        /// which passes it down.
        case discriminator(property: String, mapping: [(value: String, caseIndex: Int)], fromParent: Bool)
        /// Each case is an object of constant members; match them exactly.
        case constants
        /// Decode each case in order; the first that decodes wins.
        case firstMatch
    }

    struct Case: Sendable {
        var name: String
        var description: String?
        /// The case's value, or `nil` for a case of constants.
        var payload: TypeReference?
        /// The constant members of a constants case, in declaration order.
        var constants: [(jsonName: String, value: JSONLiteral)]
    }

    var cases: [Case]
    var strategy: Strategy
    /// Whether the enum holds its payloads indirectly, because a payload
    /// contains the enum (set by `ModelValidator`).
    var isIndirect = false
}

// MARK: Operations

struct OperationModel: Sendable {
    var id: String
    var method: HTTPMethod
    var path: String
    var summary: String?
    var description: String?
    var externalDocsURL: String?
    var deprecated: Bool
    /// The function's base name and the labels of its leading arguments.
    var functionName: String
    var leadingLabels: [String]?
    var parameters: [ParameterModel]
    var body: BodyModel?
    /// The request body's other content types, each sent by a function of its own named with
    /// the suffix (`Multipart`).
    var alternativeBodies: [(suffix: String, body: BodyModel)] = []
    var response: ResponseModel
    var security: [SecurityOption]
    /// The authentication contexts that may call it; empty when it needs none.
    var contexts: Set<AuthContext>
    var rateLimits: [RateLimitExtension]
    var dailyCaps: [DailyCapExtension]
    var replaces: [String]
    var isIdempotent: Bool
    var pagination: PaginationModel?
    var resolvesExpansions: Bool
    /// `x-authenticated-user-lookup`: the operation answers the authenticated user.
    var isAuthenticatedUserLookup = false
    /// `x-pricing`.
    var pricing: PricingModel?
    /// `x-availability`.
    var availability: AvailabilityModel?
    /// `x-twitter-streaming` / `x-streaming`: the response is a stream of events.
    var streaming: StreamingModel?
    var location: SourceLocation
}

/// How a streaming operation delivers: each line is one response body.
struct StreamingModel: Sendable {
    var backfillParameter: String?
    var maximumBackfillMinutes: Int?
    var maximumConnections: Int?
}

/// An event type that tells its ID and kind (`StreamEvent`), by JSON property paths.
struct StreamEventConformance: Sendable {
    var eventType: TypeName
    var id: [PageConformance.PathStep]?
    var kind: [PageConformance.PathStep]?
}

/// What X charges for an operation (`x-pricing`), resolved against its parameters and response.
struct PricingModel: Sendable {
    enum Unit: Sendable, Hashable {
        case resource(kind: String)
        case request
    }

    enum Bound: Sendable, Hashable {
        case one
        case pageSize(parameter: String, defaultValue: Int)
        case itemCount(parameter: String)
    }

    struct OwnedRead: Sendable, Hashable {
        /// Dollars, exactly as the spec writes them.
        var price: String
        var parameter: String
    }

    var category: String
    var unit: Unit
    /// Dollars, exactly as the spec writes them (`0.010`).
    var price: String
    var ownedRead: OwnedRead?
    var bound: Bound
    var description: String?
    /// The response property holding the charged resources (per-resource prices).
    var billable: BillableConformance?
    /// Per-event prices by kind, as the spec writes them (`charged: event`).
    var eventPrices: [(type: String, price: String)] = []
}

/// Which of X's plans include an operation (`x-availability`).
struct AvailabilityModel: Sendable, Hashable {
    var plans: [String]
    var since: String?
    var description: String
}

/// A response type whose resources X charges for: the property holding them and their ID.
struct BillableConformance: Sendable {
    var responseType: TypeName
    var property: PropertyModel
    /// Whether the property holds a list (or one resource).
    var isList: Bool
    var idMember: String
}

/// Who a credential acts for.
enum AuthContext: String, Sendable, Hashable, CaseIterable, Comparable {
    /// On behalf of a user (OAuth 1.0a or OAuth 2.0 user context).
    case user
    /// As the App alone (OAuth 2.0 App-only bearer token).
    case app
    /// With credentials for the spec's own schemes (API keys, HTTP Basic, several schemes
    /// together): the runtime's `SchemeContext`.
    case scheme

    static func < (lhs: AuthContext, rhs: AuthContext) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One way to authenticate an operation.
enum SecurityOption: Sendable, Hashable {
    case oauth1UserContext(scheme: String, description: String?)
    case oauth2UserContext(scheme: String, scopes: [String], description: String?)
    case appOnly(scheme: String, description: String?)
    /// Schemes of the spec's own that apply together (one alternative of `security`), for
    /// the runtime's `SchemeCredentials`.
    case schemes([SchemeUse])
}

/// One scheme of a `.schemes` option, with the scopes it needs.
struct SchemeUse: Sendable, Hashable {
    var scheme: String
    var scopes: [String]
}

/// A security scheme as the runtime's `SecuritySchemeDescriptor` describes it.
struct SecuritySchemeModel: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case apiKey(name: String, location: String)
        case http(scheme: String)
        case oauth2
        case openIDConnect
        case mutualTLS
    }

    /// The scheme's name in the spec.
    var name: String
    /// The Swift name of its static value (`x-swift-name`, or the name in lower camel case).
    var swiftName: String
    var kind: Kind
    var description: String?
}

struct ParameterModel: Sendable {
    enum Location: String, Sendable { case path, query, header, cookie }

    var name: String
    var location: Location
    var type: TypeReference
    var isRequired: Bool
    var description: String?
    var deprecated: Bool
    var defaultValue: JSONLiteral?
    var example: JSONLiteral?
    var constraints: Schema.Constraints
    /// Arrays only: the rules each element keeps (`pattern` of `ids` items).
    var elementConstraints: Schema.Constraints?
    /// Allowed values of a string parameter typed as plain text.
    var allowedValues: [String]?
    /// Arrays only: comma-separated in one item (`explode: false`) or repeated.
    var explode: Bool
    var isAuthenticatedUser: Bool
    /// The argument label the spec asks for (`x-swift-name`).
    var label: String?

    /// Whether the argument leads the call and takes a label from the function name.
    var isLeading: Bool
    /// Other names a server accepts for it (`x-aliases`).
    var aliases: [String] = []
    /// Older values a server accepts, each mapped to the value it stands for (`x-value-aliases`).
    var valueAliases: [String: String] = [:]
}

struct BodyModel: Sendable {
    /// How the body goes on the wire.
    enum Encoding: Sendable, Hashable {
        /// JSON (`application/json`, `+json`), encoded from `type`.
        case json
        /// `application/x-www-form-urlencoded`, encoded from `type` (an object).
        case form
        /// `multipart/form-data`: `parts` as arguments, or a `MultipartForm` the caller builds.
        case multipart
        /// Text in UTF-8 (`text/*`, XML): a `String`.
        case text
        /// Anything else, streamed: an `HTTPBody`.
        case binary
    }

    /// One part of a `multipart/form-data` body, an argument of its own.
    struct Part: Sendable {
        enum Kind: Sendable, Hashable {
            /// A file, streamed (`format: binary`, `contentMediaType`): a `MultipartFile`.
            case file
            /// Files under one name.
            case files
            /// A value a URL could carry: a text part (`ParameterValue`).
            case value
            /// A list of such values: a text part each.
            case values
            /// Anything else: a JSON part.
            case json
        }

        var property: PropertyModel
        var kind: Kind
    }

    var encoding: Encoding = .json
    /// The media type sent (`application/octet-stream`, `text/plain`, …).
    var mediaType: String = "application/json"
    /// The parts of a multipart body whose schema lists them; `nil` for a caller-built form.
    var parts: [Part]?
    var type: TypeReference
    var isRequired: Bool
    var description: String?
    var contentType: String
    /// The body object's properties when they become arguments of their own.
    var flattened: [PropertyModel]?
    /// Validation of flattened properties, by JSON name.
    var constraints: [String: Schema.Constraints]
}

struct ResponseModel: Sendable {
    /// How a success body is read.
    enum Encoding: Sendable, Hashable {
        /// Decoded from JSON as `type`.
        case json
        /// Read whole as UTF-8 text.
        case text
        /// Streamed to the caller as an `HTTPBody`.
        case binary
    }

    var status: String
    var description: String?
    var encoding: Encoding = .json
    /// The media types the success response may have, for `Accept` (non-JSON only).
    var accept: String?
    /// The decoded body; `nil` when the success response has no JSON content.
    var type: TypeReference?
}

struct PaginationModel: Sendable {
    var tokenParameter: String
    var pageSizeParameter: String?
    var pageType: TypeName
}

/// A response type that is one page of a paginated list.
struct PageConformance: Sendable {
    var pageType: TypeName
    var itemsProperty: PropertyModel
    var itemType: TypeReference
    /// JSON property paths, each step with whether it is optional.
    var nextToken: [PathStep]
    var previousToken: [PathStep]?

    struct PathStep: Sendable, Hashable {
        var jsonName: String
        var isOptional: Bool
    }
}

/// A response type whose data objects get their expanded objects from its `includes`.
struct ExpansionResolution: Sendable {
    var responseType: TypeName
    var data: PropertyModel
    /// Whether `data` is a list (or a single object).
    var dataIsArray: Bool
    var includes: PropertyModel
    var entries: [Entry]

    struct Entry: Sendable {
        var expansion: ResolvedExpansionProperty
        var targetID: String
        var collectionIsOptional: Bool
        var sourceFieldIsOptional: Bool
    }
}
