import Foundation
import HTTPTypes

/// Credentials for the security schemes of any spec, by scheme: API keys (in a header field,
/// a query item or a cookie), HTTP Basic, bearer tokens, OAuth 2.0 and OpenID Connect tokens.
/// Requests are authenticated with the first alternative of the operation's
/// ``OperationDescriptor/schemeSecurity`` for which every scheme has a credential, so an
/// operation that requires two schemes together (an API key and a user name, say) gets both.
///
/// ```swift
/// let credentials = SchemeCredentials([.apiKey: .apiKey(key), .apiUsername: .apiKey("system")])
/// let client = SchemeClient(credentials: credentials)
/// print(credentials)   // SchemeCredentials(apiKey: apiKey(<redacted>), apiUsername: apiKey(<redacted>))
/// ```
public struct SchemeCredentials: Authentication, Hashable {
    /// The credential of each scheme, by the scheme's name in the spec.
    public var credentials: [String: SchemeCredential]

    /// Credentials for the given schemes.
    public init(_ credentials: [SecuritySchemeDescriptor: SchemeCredential]) {
        self.credentials = Dictionary(credentials.map { ($0.key.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// Credentials by scheme name, as the spec spells them.
    public init(named credentials: [String: SchemeCredential]) {
        self.credentials = credentials
    }

    /// The credential of a scheme, when given.
    public subscript(scheme: SecuritySchemeDescriptor) -> SchemeCredential? {
        get { credentials[scheme.name] }
        set { credentials[scheme.name] = newValue }
    }

    /// Always ``AuthenticationMethod/appOnly``: X's methods do not describe a spec's own
    /// schemes, and these credentials name no user. Clients check them against an
    /// operation's ``OperationDescriptor/schemeSecurity`` instead.
    public var method: AuthenticationMethod { .appOnly }

    /// Always `nil`: the schemes do not say which user they act for.
    public var userID: String? { nil }

    /// Signs nothing without an operation: which schemes apply depends on it (see
    /// ``authorize(_:baseURL:signing:for:)``).
    public func authorize(_ request: inout HTTPRequest, baseURL: URL, signing: SigningContext) throws {}

    /// Adds every scheme of the operation's first ``OperationDescriptor/schemeSecurity``
    /// alternative that these credentials satisfy: API keys to their header field, query or
    /// `Cookie`; HTTP Basic and tokens to `Authorization`.
    ///
    /// - Throws: ``XAPIError`` (``XAPIError/Code/authentication``) when no alternative is
    ///   satisfied, or a credential does not fit its scheme (a password for an API key).
    public func authorize(
        _ request: inout HTTPRequest, baseURL: URL, signing: SigningContext, for operation: OperationDescriptor
    ) throws {
        guard let requirement = try requirement(for: operation) else { return }
        for use in requirement.schemes {
            guard let credential = credentials[use.scheme.name] else { continue }
            try apply(credential, of: use.scheme, to: &request, operation: operation)
        }
    }

    /// The alternative these credentials satisfy; `nil` when the operation needs none.
    ///
    /// - Throws: ``XAPIError`` (``XAPIError/Code/authentication``) naming the alternatives
    ///   when none is satisfied.
    func requirement(for operation: OperationDescriptor) throws -> SchemeRequirement? {
        let alternatives = operation.schemeSecurity
        guard !alternatives.isEmpty else {
            guard operation.security.isEmpty else {
                throw XAPIError(code: .authentication, operationID: operation.id,
                                message: "The operation accepts \(operation.security.map(\.description).joined(separator: "; ")), "
                                    + "not credentials of a spec's own schemes; nothing was sent.")
            }
            return nil
        }
        if let satisfied = alternatives.first(where: { requirement in
            requirement.schemes.allSatisfy { $0.scheme.kind == .mutualTLS || credentials[$0.scheme.name] != nil }
        }) {
            return satisfied
        }
        let given = credentials.keys.sorted().joined(separator: ", ")
        throw XAPIError(
            code: .authentication, operationID: operation.id,
            message: "The operation accepts \(alternatives.map { "[\($0)]" }.joined(separator: " or ")); the credentials hold "
                + (given.isEmpty ? "none" : given) + "; nothing was sent."
        )
    }

    private func apply(
        _ credential: SchemeCredential, of scheme: SecuritySchemeDescriptor, to request: inout HTTPRequest,
        operation: OperationDescriptor
    ) throws {
        func mismatch() -> XAPIError {
            XAPIError(code: .authentication, operationID: operation.id,
                      message: "The credential for \(scheme) is \(credential.kindName), which that scheme cannot send; nothing was sent.")
        }
        switch (scheme.kind, credential) {
        case (.apiKey(let name, let location), .apiKey(let key)):
            try Self.checkFieldValue(key, scheme: scheme, operation: operation)
            switch location {
            case .header:
                guard let field = HTTPField.Name(name) else { throw mismatch() }
                request.headerFields[field] = key
            case .query:
                let item = "\(OAuth1Signature.percentEncode(name))=\(OAuth1Signature.percentEncode(key))"
                let path = request.path ?? "/"
                request.path = path + (path.contains("?") ? "&" : "?") + item
            case .cookie:
                let cookie = "\(name)=\(key)"
                if let existing = request.headerFields[.cookie] {
                    request.headerFields[.cookie] = existing + "; " + cookie
                } else {
                    request.headerFields[.cookie] = cookie
                }
            }
        case (.http(let httpScheme), .basic(let username, let password)) where httpScheme.lowercased() == "basic":
            request.headerFields[.authorization] = "Basic " + SchemeCredential.basicValue(username: username, password: password)
        case (.http(let httpScheme), .token(let token)) where httpScheme.lowercased() != "basic":
            try Self.checkFieldValue(token, scheme: scheme, operation: operation)
            let name = httpScheme.lowercased() == "bearer" ? "Bearer" : httpScheme
            request.headerFields[.authorization] = "\(name) \(token)"
        case (.oauth2, .token(let token)), (.openIDConnect, .token(let token)):
            try Self.checkFieldValue(token, scheme: scheme, operation: operation)
            request.headerFields[.authorization] = "Bearer \(token)"
        case (.mutualTLS, _):
            break
        default:
            throw mismatch()
        }
    }

    /// Refuses a key or token that a header field cannot carry as it is.
    private static func checkFieldValue(_ value: String, scheme: SecuritySchemeDescriptor, operation: OperationDescriptor) throws {
        if value.isEmpty || value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw XAPIError(code: .authentication, operationID: operation.id,
                            message: "The credential for \(scheme) is empty or holds control characters; nothing was sent.")
        }
    }

    /// Every secret held, for redaction.
    var secrets: [String] {
        credentials.values.flatMap(\.secrets)
    }

    /// The schemes and the kind of each credential, never a secret.
    public var description: String {
        "SchemeCredentials(" + credentials.keys.sorted().map { "\($0): \(credentials[$0]!)" }.joined(separator: ", ") + ")"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }
}

extension SchemeCredentials: CustomReflectable {
    /// A mirror without secrets, so `dump(_:)` shows none either.
    public var customMirror: Mirror {
        Mirror(self, children: ["credentials": description])
    }
}

extension SchemeCredential {
    /// `an API key`, `HTTP Basic credentials`, `a token`.
    var kindName: String {
        switch self {
        case .apiKey: "an API key"
        case .basic: "HTTP Basic credentials"
        case .token: "a token"
        }
    }
}
