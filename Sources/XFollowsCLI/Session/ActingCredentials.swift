import Foundation
import XFollows

/// The credentials a command acts with, and where they came from.
public enum ActingCredentials: Sendable {
    /// A user's (OAuth 1.0a, or OAuth 2.0 kept fresh by a session).
    case user(UserCredentials, account: Account?, source: String)
    /// The App's alone (App-only bearer token): lookups only.
    case app(AppOnlyCredentials, source: String)

    /// What a command needs.
    public enum Need: Sendable {
        /// Looking users up: a user's credentials or the App's.
        case lookup
        /// Acting for a user: following, unfollowing, `whoami`.
        case user
    }

    /// Where they came from: `profile "default"` or `the environment (…)`.
    public var source: String {
        switch self {
        case .user(_, _, let source), .app(_, let source): source
        }
    }

    /// The App they belong to, as the spend ledger names it: the API key (OAuth 1.0a), the
    /// OAuth 2.0 client ID, or for a bearer token alone `app-only-` and a digest of it (never
    /// the token itself).
    public var app: String {
        switch self {
        case .user(.oauth1(let credentials), _, _): credentials.consumerKey
        case .user(.oauth2Session(let session), _, _): session.authorizer.clientID
        case .user(.oauth2(let token), _, _): "oauth2-" + Self.digest(token.accessToken)
        case .app(let credentials, _): "app-only-" + Self.digest(credentials.bearerToken)
        }
    }

    /// 64-bit FNV-1a of a secret, in hex: a stable name that does not give the secret away.
    static func digest(_ secret: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in secret.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The user they act for, when known without asking the server.
    public var userID: String? {
        switch self {
        case .user(let credentials, let account, _): account?.id ?? credentials.userID
        case .app: nil
        }
    }
}

extension CommandContext {
    /// The credentials for a command: the environment's (X's sample names) unless `--profile`
    /// was given, else the profile's, which must belong to this server. An OAuth 2.0 profile
    /// gets a session that refreshes its token and saves each new one back to the profile;
    /// with a PostgreSQL `--ledger` the token is shared there, and refreshed under its lock.
    ///
    /// - Throws: ``CLIFailure``: not logged in (exit 4), credentials of another server, or
    ///   App-only credentials where a user is needed.
    public func credentials(for need: ActingCredentials.Need, configuration: ClientConfiguration) throws -> ActingCredentials {
        if !isProfileExplicit, let found = try EnvironmentCredentials(environment: environment) {
            if let user = found.user { return .user(user, account: nil, source: found.source) }
            if let app = found.app {
                guard need == .lookup else {
                    throw CLIFailure.notLoggedIn("This needs a user's credentials, and \(EnvironmentCredentials.bearerVariable) is an "
                        + "App-only token: set \(EnvironmentCredentials.oauth1Variables.joined(separator: ", ")) or run `xfollows login`.")
                }
                return .app(app, source: found.source)
            }
        }
        guard let profile = try store.profile(profileName) else {
            let profileFlag = profileName == "default" ? "" : " --profile \(profileName)"
            let serverFlag = server.isX ? "" : " --server \(server)"
            throw CLIFailure.notLoggedIn("Not logged in: profile \"\(profileName)\" has no credentials. Run "
                + "`xfollows login\(serverFlag)\(profileFlag)`, or set BEARER_TOKEN or API_KEY, API_SECRET, ACCESS_TOKEN, ACCESS_TOKEN_SECRET.")
        }
        guard profile.server == server.url else {
            throw CLIFailure.notLoggedIn("Profile \"\(profileName)\" is logged in at \(profile.server.absoluteString), not \(server); "
                + "its credentials are only sent there. Pass --server \(profile.server.absoluteString) (or set "
                + "\(ServerTarget.environmentVariable)), or log in here with `xfollows login`\(server.isX ? "" : " --server \(server)").")
        }
        let source = "profile \"\(profileName)\""
        switch profile.credentials {
        case .oauth2(let clientID, let clientSecret, let redirectURI, let token):
            let authorizer = OAuth2Authorizer(clientID: clientID, clientSecret: clientSecret, redirectURI: redirectURI,
                                              endpoints: server.oauth2Endpoints, configuration: configuration)
            let session: OAuth2Session
            if let store = sharedTokenStore(clientID: clientID) {
                // Shared by every machine: refreshed under the row lock of the token's row, once per expiry.
                session = OAuth2Session(token: token, authorizer: authorizer, store: store, onChange: tokenSaver(initial: token))
            } else {
                session = authorizer.session(token: token, onChange: tokenSaver(initial: token), reload: tokenLoader())
            }
            return .user(.oauth2Session(session), account: profile.account, source: source)
        case .oauth1(let consumerKey, let consumerSecret, let accessToken, let accessTokenSecret):
            return .user(.oauth1(consumerKey: consumerKey, consumerSecret: consumerSecret,
                                 accessToken: accessToken, accessTokenSecret: accessTokenSecret),
                         account: profile.account, source: source)
        case .appOnly(let bearerToken, _, _):
            guard need == .lookup else {
                throw CLIFailure.notLoggedIn("Profile \"\(profileName)\" holds an App-only token, which cannot act for a user; "
                    + "run `xfollows login` (OAuth 2.0) or `xfollows login --pin` (OAuth 1.0a) for a user token.")
            }
            return .app(AppOnlyCredentials(bearerToken: bearerToken), source: source)
        }
    }

    /// Reads the profile's stored token, which another xfollows process may have refreshed
    /// (X rotates the refresh token, so the session takes that one instead of its own).
    func tokenLoader() -> @Sendable () async -> OAuth2UserToken? {
        let store = self.store
        let name = profileName
        return {
            guard let profile = try? store.profile(name),
                  case .oauth2(_, _, _, let token) = profile.credentials else { return nil }
            return token
        }
    }

    /// The session's persistence hook: saves each new token into the profile; when the
    /// authorization ended, forgets the token — unless another process stored a newer one
    /// meanwhile. A failure to save is reported, never thrown into the request.
    func tokenSaver(initial: OAuth2UserToken) -> @Sendable (OAuth2UserToken?) async -> Void {
        let store = self.store
        let name = profileName
        let errors = self.errors
        let lastSeen = LockedValue(initial)
        return { token in
            do {
                try store.update(name) { profile in
                    guard var current = profile,
                          case .oauth2(let clientID, let clientSecret, let redirectURI, let stored) = current.credentials
                    else { return }
                    if let token {
                        current.credentials = .oauth2(clientID: clientID, clientSecret: clientSecret, redirectURI: redirectURI, token: token)
                        profile = current
                        lastSeen.update { $0 = token }
                    } else if stored == lastSeen.current {
                        profile = nil
                    }
                }
            } catch {
                errors.line("xfollows: warning: the refreshed token could not be saved (\(error)); the next run may need `xfollows login`.")
            }
        }
    }
}
