import Foundation

/// An authorization in progress: what ``OAuth2Authorizer/startAuthorization(scopes:)`` made
/// and ``OAuth2Authorizer/finishAuthorization(redirect:pending:)`` needs when the user comes
/// back — the URL to send the user to, the PKCE verifier, the `state`, the redirect URI and
/// the scopes asked for.
///
/// It is `Codable`, so a web server can keep it in the user's session store and finish in
/// another request, another process or after a restart:
///
/// ```swift
/// let pending = authorizer.startAuthorization(scopes: [.tweetRead, .usersRead, .followsWrite, .offlineAccess])
/// try store.save(JSONEncoder().encode(pending), forKey: pending.state)  // keyed by state, say
/// redirect(to: pending.authorizationURL)
/// // … later, in the callback handler:
/// let pending = try JSONDecoder().decode(OAuth2PendingAuthorization.self, from: stored)
/// let token = try await authorizer.finishAuthorization(redirect: callbackURL, pending: pending)
/// ```
///
/// Keep it secret like a password until it is used: the verifier is what turns a stolen code
/// into tokens. Its `description` and `dump` show neither the verifier nor the state.
public struct OAuth2PendingAuthorization: Sendable, Hashable, Codable, CustomStringConvertible,
    CustomDebugStringConvertible
{
    /// The URL to send the user to (the authorization page with `response_type=code`,
    /// `client_id`, `redirect_uri`, `scope`, `state`, `code_challenge` and
    /// `code_challenge_method=S256`).
    public let authorizationURL: URL
    /// The random `state` the redirect must carry back. Never printed.
    public let state: String
    /// The PKCE code verifier (RFC 7636); only its S256 challenge was sent. Never printed.
    public let codeVerifier: String
    /// The redirect URI sent, which the code exchange repeats.
    public let redirectURI: URL
    /// The scopes asked for (the token endpoint may grant fewer).
    public let scopes: Set<OAuth2Scope>
    /// The client the authorization is for.
    public let clientID: String
    /// When it started.
    public let createdAt: Date

    /// Creates a pending authorization (``OAuth2Authorizer/startAuthorization(scopes:)`` does).
    public init(
        authorizationURL: URL, state: String, codeVerifier: String, redirectURI: URL,
        scopes: Set<OAuth2Scope>, clientID: String, createdAt: Date
    ) {
        self.authorizationURL = authorizationURL
        self.state = state
        self.codeVerifier = codeVerifier
        self.redirectURI = redirectURI
        self.scopes = scopes
        self.clientID = clientID
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case authorizationURL = "authorization_url"
        case state
        case codeVerifier = "code_verifier"
        case redirectURI = "redirect_uri"
        case scopes
        case clientID = "client_id"
        case createdAt = "created_at"
    }

    /// Decodes a stored pending authorization.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        authorizationURL = try container.decode(URL.self, forKey: .authorizationURL)
        state = try container.decode(String.self, forKey: .state)
        codeVerifier = try container.decode(String.self, forKey: .codeVerifier)
        redirectURI = try container.decode(URL.self, forKey: .redirectURI)
        scopes = try container.decode(Set<OAuth2Scope>.self, forKey: .scopes)
        clientID = try container.decode(String.self, forKey: .clientID)
        let created = try container.decode(String.self, forKey: .createdAt)
        guard let date = XAPIJSON.date(from: created) else {
            throw DecodingError.dataCorruptedError(forKey: .createdAt, in: container,
                                                   debugDescription: "Expected an X timestamp.")
        }
        createdAt = date
    }

    /// Encodes it for storage (dates as X timestamps, scopes sorted).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(authorizationURL, forKey: .authorizationURL)
        try container.encode(state, forKey: .state)
        try container.encode(codeVerifier, forKey: .codeVerifier)
        try container.encode(redirectURI, forKey: .redirectURI)
        try container.encode(scopes.sorted(), forKey: .scopes)
        try container.encode(clientID, forKey: .clientID)
        try container.encode(XAPIJSON.string(from: createdAt), forKey: .createdAt)
    }

    /// The client, scopes, redirect URI and start; the state and verifier are `<redacted>`.
    public var description: String {
        "OAuth2PendingAuthorization(clientID: \(clientID), scopes: \(Redaction.scopes(scopes)), "
            + "redirectURI: \(redirectURI.absoluteString), createdAt: \(XAPIJSON.string(from: createdAt)), "
            + "state: <redacted>, codeVerifier: <redacted>)"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }
}

extension OAuth2PendingAuthorization: CustomReflectable {
    /// A mirror without the state, the verifier or the URL that carries the state.
    public var customMirror: Mirror {
        Mirror(self, children: ["description": description])
    }
}
