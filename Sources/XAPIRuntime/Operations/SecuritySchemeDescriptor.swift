/// One security scheme of a spec (`components.securitySchemes`), as the runtime applies it:
/// where an API key goes, which HTTP authentication scheme a token uses.
///
/// Generated code declares one static value per scheme that an operation's
/// ``OperationDescriptor/schemeSecurity`` names:
///
/// ```swift
/// extension SecuritySchemeDescriptor {
///     public static let apiKey = SecuritySchemeDescriptor(name: "api_key", kind: .apiKey(name: "Api-Key", in: .header))
///     public static let basicAuth = SecuritySchemeDescriptor(name: "basicAuth", kind: .http(scheme: "basic"))
/// }
/// let client = SchemeClient(credentials: SchemeCredentials([.apiKey: .apiKey(key)]))
/// ```
public struct SecuritySchemeDescriptor: Sendable, Hashable, CustomStringConvertible {
    /// Where an API key is sent.
    public enum APIKeyLocation: String, Sendable, Hashable {
        /// A request header field.
        case header
        /// A query item.
        case query
        /// A cookie in the `Cookie` header field.
        case cookie
    }

    /// How the scheme authenticates a request.
    public enum Kind: Sendable, Hashable {
        /// An API key in a header field, a query item or a cookie, under `name`.
        case apiKey(name: String, in: APIKeyLocation)
        /// An HTTP authentication scheme (`basic`, `bearer`, …) in the `Authorization` field.
        case http(scheme: String)
        /// OAuth 2.0: an access token sent as a bearer token.
        case oauth2
        /// OpenID Connect: an ID or access token sent as a bearer token.
        case openIDConnect
        /// Mutual TLS: a client certificate the transport presents; nothing is added to the
        /// request.
        case mutualTLS
    }

    /// The scheme's name in the spec (`api_key`), which credentials are given under.
    public let name: String
    /// How it authenticates a request.
    public let kind: Kind

    /// Creates a scheme.
    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// The scheme's name and kind, e.g. `api_key (API key in the Api-Key header)`.
    public var description: String {
        switch kind {
        case .apiKey(let field, let location): "\(name) (API key in the \(field) \(location.rawValue))"
        case .http(let scheme): "\(name) (HTTP \(scheme))"
        case .oauth2: "\(name) (OAuth 2.0)"
        case .openIDConnect: "\(name) (OpenID Connect)"
        case .mutualTLS: "\(name) (mutual TLS)"
        }
    }
}
