import ArgumentParser
import Foundation
import XFollows

/// `xfollows logout`: revokes the profile's tokens and deletes them.
public struct LogoutCommand: AsyncParsableCommand {
    /// Help and examples.
    public static let configuration = CommandConfiguration(
        commandName: "logout",
        abstract: "Revoke the profile's tokens at the server and delete them.",
        discussion: """
            OAuth 2.0: the refresh and access tokens are revoked (RFC 7009). App-only: the bearer token is \
            invalidated. OAuth 1.0a tokens have no revocation endpoint; they are deleted here (revoke the \
            App's access in X's settings to end them). If the server cannot be reached the credentials are \
            kept, unless --local-only.

            Examples:
              xfollows logout
              xfollows logout --profile work
              xfollows logout --local-only
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Delete the stored credentials without contacting the server.")
    var localOnly = false

    /// Parsed.
    public init() {}

    /// Revokes and deletes.
    public func run() async throws {
        let localOnly = self.localOnly
        try await CommandRunner.run(global) { context in
            guard let profile = try context.store.profile(context.profileName) else {
                throw CLIFailure.notLoggedIn("Profile \"\(context.profileName)\" is not logged in; nothing to do.")
            }
            let server = try ServerTarget(parsing: profile.server.absoluteString, source: "the stored profile")
            var note = ""
            if !localOnly {
                var serverContext = context
                serverContext.server = server
                let configuration = serverContext.configuration()
                switch profile.credentials {
                case .oauth2(let clientID, let clientSecret, let redirectURI, let token):
                    let authorizer = OAuth2Authorizer(clientID: clientID, clientSecret: clientSecret, redirectURI: redirectURI,
                                                      endpoints: server.oauth2Endpoints, configuration: configuration)
                    if let shared = serverContext.sharedTokenStore(clientID: clientID) {
                        // The newest token is the shared one; revoking it logs every machine out.
                        let current = try await shared.load() ?? token
                        try await OAuth2Session(token: current, authorizer: authorizer, store: shared).revoke()
                    } else {
                        try await authorizer.session(token: token).revoke()
                    }
                    note = " The tokens were revoked."
                case .appOnly(let bearerToken, let apiKey?, let apiSecret?):
                    let authorizer = AppOnlyAuthorizer(apiKey: apiKey, apiSecret: apiSecret,
                                                       endpoints: server.appOnlyEndpoints, configuration: configuration)
                    try await authorizer.invalidate(AppOnlyCredentials(bearerToken: bearerToken))
                    note = " The bearer token was invalidated."
                case .appOnly:
                    note = " The bearer token was not invalidated (its API key is not stored)."
                case .oauth1:
                    note = " OAuth 1.0a tokens cannot be revoked through the API; revoke the App's access in X's settings to end them."
                }
            }
            try context.store.update(context.profileName) { $0 = nil }
            context.errors.line("Logged out \(profile.account.map { "@\($0.username)" } ?? "the App") "
                + "(profile \"\(context.profileName)\", \(profile.server.absoluteString)); its credentials were deleted.\(note)")
            return .success
        }
    }
}
