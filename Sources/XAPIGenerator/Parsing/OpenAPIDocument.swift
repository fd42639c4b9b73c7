/// Stage 2 output: the OpenAPI document, typed, with locations, and with
/// `$ref`s still unresolved.
///
/// Only the subset the generator understands is kept; the parser warns about
/// the rest where it is written.
struct OpenAPIDocument: Sendable {
    /// The major.minor version family the document declares.
    enum Version: Sendable, Hashable {
        case v3_0
        case v3_1
    }

    var version: Version
    var versionLocation: SourceLocation
    var info: Info
    var servers: [Server]
    var paths: [PathItem]
    var components: Components
    var security: [SecurityRequirement]?
    var location: SourceLocation
}

struct Info: Sendable {
    var title: String
    var version: String
    var summary: String?
    var description: String?
}

struct Server: Sendable {
    var url: String
    var description: String?
}

/// `$ref` or an inline value.
enum Referenceable<Value: Sendable>: Sendable {
    case reference(Located<String>)
    case value(Value)
}

struct PathItem: Sendable {
    var path: Located<String>
    var parameters: [Referenceable<Parameter>]
    var operations: [Operation]
}

enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case get, put, post, delete, options, head, patch, trace
}

struct Operation: Sendable {
    var method: HTTPMethod
    var path: Located<String>
    var operationID: Located<String>?
    var summary: String?
    var description: String?
    var tags: [String]
    var externalDocsURL: String?
    var deprecated: Bool
    var parameters: [Referenceable<Parameter>]
    var requestBody: Referenceable<RequestBody>?
    var responses: [ResponseEntry]
    var security: [SecurityRequirement]?
    var extensions: OperationExtensions
    var location: SourceLocation
}

struct ResponseEntry: Sendable {
    /// `200`, `2XX` or `default`.
    var status: Located<String>
    var response: Referenceable<Response>
}

enum ParameterLocation: String, Sendable, Hashable {
    case path, query, header, cookie
}

struct Parameter: Sendable {
    var name: Located<String>
    var location: Located<ParameterLocation>
    var required: Bool
    var deprecated: Bool
    var description: String?
    var schema: Schema?
    var style: String?
    var explode: Bool?
    var example: SpecNode?
    var extensions: ParameterExtensions
    var declaration: SourceLocation
}

struct RequestBody: Sendable {
    var description: String?
    var required: Bool
    var content: [MediaType]
    var location: SourceLocation
}

struct MediaType: Sendable {
    var contentType: Located<String>
    var schema: Schema?
}

struct Response: Sendable {
    var description: String?
    var headers: [HeaderEntry]
    var content: [MediaType]
    var location: SourceLocation
}

struct HeaderEntry: Sendable {
    var name: Located<String>
    var header: Referenceable<Header>
}

struct Header: Sendable {
    var description: String?
    var schema: Schema?
    var location: SourceLocation
}

/// One alternative of a `security` list: every scheme in it applies together.
struct SecurityRequirement: Sendable {
    var schemes: [(name: Located<String>, scopes: [Located<String>])]
    var location: SourceLocation
}

struct SecurityScheme: Sendable {
    enum Kind: Sendable, Hashable {
        /// `type: http` with its `scheme` (`bearer`, `basic`, `OAuth`, …).
        case http(scheme: String)
        /// `type: oauth2`, with each flow's scopes.
        case oauth2(flows: [OAuthFlow])
        /// `type: apiKey`: the key's `name` and where it goes (`header`, `query` or `cookie`).
        case apiKey(name: String, location: String)
        case openIDConnect
        case mutualTLS
        /// A type OpenAPI does not define (already reported as an error).
        case unknown(String)
    }

    struct OAuthFlow: Sendable, Hashable {
        /// `authorizationCode`, `clientCredentials`, `implicit` or `password`.
        var name: String
        var scopes: [String]
        /// Each scope's description, by name.
        var scopeDescriptions: [String: String] = [:]
        var authorizationURL: Located<String>?
        var tokenURL: Located<String>?
        var refreshURL: Located<String>?
    }

    var name: String
    var kind: Kind
    var description: String?
    /// `x-auth-context`, when the spec overrides the derived context.
    var authContext: Located<String>?
    /// `x-swift-name`: the name of the generated endpoints value (`OAuth2Endpoints.x`).
    var swiftName: Located<String>?
    /// `x-endpoints`: URLs OpenAPI has no field for, by role (`revocation`,
    /// `request-token`, `authorization`, `access-token`, `token`, `invalidation`).
    var endpoints: [String: Located<String>] = [:]
    var endpointsLocation: SourceLocation?
    var location: SourceLocation

    /// The roles `x-endpoints` may name.
    static let endpointRoles = ["revocation", "request-token", "authorization", "access-token", "token", "invalidation"]
}

struct Components: Sendable {
    var schemas: [(name: Located<String>, schema: Schema)] = []
    var parameters: [(name: Located<String>, parameter: Referenceable<Parameter>)] = []
    var requestBodies: [(name: Located<String>, body: Referenceable<RequestBody>)] = []
    var responses: [(name: Located<String>, response: Referenceable<Response>)] = []
    var headers: [(name: Located<String>, header: Referenceable<Header>)] = []
    var securitySchemes: [(name: Located<String>, scheme: SecurityScheme)] = []
}
