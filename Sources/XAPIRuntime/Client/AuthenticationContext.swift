/// A compile-time authentication context: which kind of credentials a client holds.
///
/// Generated endpoint functions that only a user may call are declared in
/// `extension XAPIClient where Context == UserContext`, so calling them with an
/// app-only client does not compile:
///
/// ```swift
/// let client = UserClient(credentials: .oauth2(accessToken: token, userID: "6253282"))
/// try await client.follow("2244994945", as: "6253282")   // compiles
///
/// let app = AppOnlyClient(credentials: AppOnlyCredentials(bearerToken: bearer))
/// try await app.follow("2244994945", as: "6253282")      // does not compile
/// ```
public protocol AuthenticationContext: Sendable {
    /// The credentials a client of this context signs its requests with.
    associatedtype Credentials: Authentication
}

/// The context of a client acting on behalf of a user (OAuth 1.0a or OAuth 2.0 user token).
public enum UserContext: AuthenticationContext {
    /// A user's OAuth 1.0a or OAuth 2.0 credentials.
    public typealias Credentials = UserCredentials
}

/// The context of a client holding credentials for a spec's own security schemes: API keys,
/// HTTP Basic, bearer and OAuth 2.0 tokens, alone or together (``SchemeCredentials``).
/// Generated functions of operations that accept such schemes are declared in
/// `extension XAPIClient where Context == SchemeContext`.
public enum SchemeContext: AuthenticationContext {
    /// A credential per security scheme.
    public typealias Credentials = SchemeCredentials
}

/// The context of a client authenticated as the App only (OAuth 2.0 bearer token).
public enum AppOnlyContext: AuthenticationContext {
    /// The App's bearer token.
    public typealias Credentials = AppOnlyCredentials
}
