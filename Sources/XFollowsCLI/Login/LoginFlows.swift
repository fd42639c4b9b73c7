import Foundation
import XAPILoopback
import XFollows

/// The three ways `xfollows login` obtains credentials, each ending in a ``Profile`` to store:
/// OAuth 2.0 with PKCE through the browser and the loopback receiver, OAuth 1.0a with a PIN,
/// and an App-only bearer token from the API key and secret. Every token request goes through
/// the runtime's authorizers against ``ServerTarget``'s endpoints.
public enum LoginFlows {
    /// OAuth 2.0 Authorization Code with PKCE.
    public struct OAuth2Options: Sendable {
        /// The App's OAuth 2.0 client ID.
        public var clientID: String
        /// The client secret of a confidential client.
        public var clientSecret: String?
        /// The registered redirect URI on this machine; `nil` listens on a free port at
        /// `http://127.0.0.1:<port>/callback` (x-sandbox accepts any loopback port; X needs the
        /// exact registered URI).
        public var redirectURI: URL?
        /// How long to wait for the browser to come back.
        public var timeout: Duration
        /// Whether to try opening a browser.
        public var openBrowser: Bool

        /// Options.
        public init(clientID: String, clientSecret: String?, redirectURI: URL?, timeout: Duration, openBrowser: Bool) {
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.redirectURI = redirectURI
            self.timeout = timeout
            self.openBrowser = openBrowser
        }
    }

    /// Sends the user through X's authorization page: listens on loopback for the redirect,
    /// opens the browser when it can and always prints the URL, exchanges the code, and learns
    /// who the user is with `GET /2/users/me`.
    public static func oauth2(_ options: OAuth2Options, context: CommandContext) async throws -> Profile {
        let configuration = context.configuration()
        let (port, path) = try loopbackAddress(of: options.redirectURI)
        let receiver = try await LoopbackRedirectReceiver.start(port: port, path: path, logger: context.logger)
        let redirectURI = options.redirectURI ?? receiver.redirectURI
        let authorizer = OAuth2Authorizer(clientID: options.clientID, clientSecret: options.clientSecret,
                                          redirectURI: redirectURI, endpoints: context.server.oauth2Endpoints,
                                          configuration: configuration)
        let pending = authorizer.startAuthorization(scopes: RequiredScopes.all)
        let opened = options.openBrowser && BrowserOpener.open(pending.authorizationURL, environment: context.environment)
        context.errors.line("Open this page to authorize xfollows\(opened ? " (your browser should show it)" : ""):")
        context.errors.line("  \(pending.authorizationURL.absoluteString)")
        context.errors.line("Waiting for the redirect to \(redirectURI.absoluteString) "
            + "(up to \(Formatting.countdown(options.timeout.seconds)); Ctrl-C cancels)…")
        let redirect: URL
        do {
            redirect = try await receiver.redirect(timeout: options.timeout)
        } catch {
            await receiver.stop()
            throw error
        }
        var token = try await authorizer.finishAuthorization(redirect: redirect, pending: pending)
        let me = try await UserClient(credentials: .oauth2(token), configuration: configuration).me().body.data
        guard let me else { throw CLIFailure.failure("\(context.server) did not say who authorized the App (GET /2/users/me).") }
        token.accessTokenUserID = me.id
        return Profile(server: context.server.url, account: Account(id: me.id, username: me.username),
                       credentials: .oauth2(clientID: options.clientID, clientSecret: options.clientSecret,
                                            redirectURI: redirectURI, token: token),
                       loggedInAt: Date())
    }

    /// OAuth 1.0a with a PIN: prints the authorization URL, reads the PIN the page shows.
    ///
    /// - Parameter readPIN: Reads the PIN the user types (standard input).
    public static func pin(apiKey: String, apiSecret: String, context: CommandContext, openBrowser: Bool,
                           readPIN: @Sendable () -> String?) async throws -> Profile {
        let authorizer = OAuth1Authorizer(consumerKey: apiKey, consumerSecret: apiSecret,
                                          endpoints: context.server.oauth1Endpoints, configuration: context.configuration())
        let requestToken = try await authorizer.requestToken(callback: .outOfBand)
        let opened = openBrowser && BrowserOpener.open(requestToken.authorizationURL, environment: context.environment)
        context.errors.line("Open this page, authorize xfollows, and type the PIN it shows\(opened ? " (your browser should show it)" : ""):")
        context.errors.line("  \(requestToken.authorizationURL.absoluteString)")
        context.errors.write("PIN: ")
        guard let pin = readPIN()?.trimmingCharacters(in: .whitespacesAndNewlines), !pin.isEmpty else {
            throw CLIFailure.failure("No PIN was entered; run `xfollows login --pin` again.")
        }
        let granted = try await authorizer.accessToken(for: requestToken, verifier: pin)
        let credentials = granted.credentials
        return Profile(server: context.server.url,
                       account: Account(id: granted.userID, username: granted.screenName ?? granted.userID),
                       credentials: .oauth1(consumerKey: credentials.consumerKey, consumerSecret: credentials.consumerSecret,
                                            accessToken: credentials.accessToken, accessTokenSecret: credentials.accessTokenSecret),
                       loggedInAt: Date())
    }

    /// An App-only bearer token from the API key and secret (`client_credentials`).
    public static func appOnly(apiKey: String, apiSecret: String, context: CommandContext) async throws -> Profile {
        let authorizer = AppOnlyAuthorizer(apiKey: apiKey, apiSecret: apiSecret, endpoints: context.server.appOnlyEndpoints,
                                           configuration: context.configuration())
        let bearer = try await authorizer.bearerToken()
        return Profile(server: context.server.url, account: nil,
                       credentials: .appOnly(bearerToken: bearer.bearerToken, apiKey: apiKey, apiSecret: apiSecret),
                       loggedInAt: Date())
    }

    /// The port and path to listen on for a redirect URI (a free port and `/callback` when none).
    ///
    /// - Throws: ``CLIFailure`` (usage) for a URI the loopback receiver cannot serve.
    static func loopbackAddress(of redirectURI: URL?) throws -> (port: Int, path: String) {
        guard let redirectURI else { return (0, "/callback") }
        guard redirectURI.scheme == "http", let host = redirectURI.host, ServerTarget.isLoopback(host), host != "::1",
              let port = redirectURI.port
        else {
            throw CLIFailure.usage("--redirect-uri: \(redirectURI.absoluteString) must be http://127.0.0.1:PORT/PATH "
                + "(or localhost) with a port: xfollows receives the redirect on this machine.")
        }
        return (port, redirectURI.path.isEmpty ? "/" : redirectURI.path)
    }
}
