import Foundation
import XFollows

/// What X's Activity API takes: the App's own bearer token (App-only). `watch` gets it from
/// `BEARER_TOKEN`, from an App-only profile, or from the App's API key and secret (an OAuth
/// 1.0a profile's, or `API_KEY` and `API_SECRET`) at X's token endpoint; the API secret is
/// also what a webhook's challenge-response check and signatures are keyed with.
struct AppCredentials: Sendable {
    /// The bearer token.
    var bearer: AppOnlyCredentials
    /// The App's API secret (consumer secret), when known: `--webhook` needs it.
    var consumerSecret: String?
    /// The App as the spend ledger names it: its API key, else a digest of the token.
    var app: String
    /// The user the profile is logged in as, for `@me`.
    var userID: String?
    /// Where they came from, for messages.
    var source: String
}

extension CommandContext {
    /// The App's credentials for the Activity API (see ``AppCredentials``).
    ///
    /// - Throws: ``CLIFailure`` when neither the environment nor the profile holds any, or the
    ///   token endpoint refuses the key and secret.
    func appCredentials(configuration: ClientConfiguration) async throws -> AppCredentials {
        let value = { (name: String) in self.environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        if !isProfileExplicit {
            let key = value("API_KEY")
            let secret = value("API_SECRET")
            if let bearer = value(EnvironmentCredentials.bearerVariable) {
                let token = AppOnlyCredentials(bearerToken: bearer)
                return AppCredentials(bearer: token, consumerSecret: secret, app: key ?? ActingCredentials.app(token).app,
                                      userID: nil, source: "the environment (\(EnvironmentCredentials.bearerVariable))")
            }
            if let key, let secret {
                return AppCredentials(bearer: try await bearerToken(key: key, secret: secret, configuration: configuration),
                                      consumerSecret: secret, app: key, userID: nil, source: "the environment (API_KEY, API_SECRET)")
            }
        }
        guard let profile = try store.profile(profileName), profile.server == server.url else {
            throw CLIFailure.notLoggedIn("The X Activity API takes the App's bearer token: set \(EnvironmentCredentials.bearerVariable) "
                + "(or API_KEY and API_SECRET), or log in with `xfollows login --app` or `xfollows login --pin`"
                + (server.isX ? "" : " --server \(server)") + ".")
        }
        let source = "profile \"\(profileName)\""
        switch profile.credentials {
        case .appOnly(let bearer, let key, let secret):
            let token = AppOnlyCredentials(bearerToken: bearer)
            return AppCredentials(bearer: token, consumerSecret: secret, app: key ?? ActingCredentials.app(token).app,
                                  userID: profile.account?.id, source: source)
        case .oauth1(let key, let secret, _, _):
            return AppCredentials(bearer: try await bearerToken(key: key, secret: secret, configuration: configuration),
                                  consumerSecret: secret, app: key, userID: profile.account?.id, source: source)
        case .oauth2:
            throw CLIFailure.notLoggedIn("Profile \"\(profileName)\" holds an OAuth 2.0 user token, and the X Activity API takes the "
                + "App's bearer token: set \(EnvironmentCredentials.bearerVariable), or log in with `xfollows login --app`.")
        }
    }

    private func bearerToken(key: String, secret: String, configuration: ClientConfiguration) async throws -> AppOnlyCredentials {
        try await AppOnlyAuthorizer(apiKey: key, apiSecret: secret, endpoints: server.appOnlyEndpoints, configuration: configuration)
            .bearerToken()
    }
}

extension ActingCredentials {
    /// App-only credentials, for their ledger name.
    static func app(_ credentials: AppOnlyCredentials) -> ActingCredentials {
        .app(credentials, source: "")
    }
}
