/// One alternative of an operation's `security` in terms of the spec's own schemes: every
/// scheme in it applies together (AND); an operation lists alternatives (OR) in
/// ``OperationDescriptor/schemeSecurity``.
///
/// ```swift
/// // security: [{api_key: [], api_username: []}, {petstore_auth: [read:pets]}]
/// schemeSecurity: [
///     SchemeRequirement([.init(.apiKey), .init(.apiUsername)]),
///     SchemeRequirement([.init(.petstoreAuth, scopes: ["read:pets"])]),
/// ]
/// ```
public struct SchemeRequirement: Sendable, Hashable, CustomStringConvertible {
    /// One scheme of a requirement, with the OAuth 2.0 scopes it needs.
    public struct Use: Sendable, Hashable {
        /// The scheme.
        public let scheme: SecuritySchemeDescriptor
        /// The scopes the token must hold (OAuth 2.0 and OpenID Connect; empty otherwise).
        public let scopes: [String]

        /// Creates a use of a scheme.
        public init(_ scheme: SecuritySchemeDescriptor, scopes: [String] = []) {
            self.scheme = scheme
            self.scopes = scopes
        }
    }

    /// The schemes that apply together.
    public let schemes: [Use]

    /// Creates a requirement of schemes that apply together.
    public init(_ schemes: [Use]) {
        self.schemes = schemes
    }

    /// The schemes' descriptions joined by `and`.
    public var description: String {
        schemes.map(\.scheme.description).joined(separator: " and ")
    }
}
