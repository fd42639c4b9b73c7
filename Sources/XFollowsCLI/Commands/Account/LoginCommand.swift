import ArgumentParser
import Foundation
import XFollows

/// `xfollows login`: obtains and stores credentials for a profile.
public struct LoginCommand: AsyncParsableCommand {
    /// Help and examples.
    public static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log in: OAuth 2.0 in the browser (default), OAuth 1.0a with a PIN (--pin), or App-only (--app).",
        discussion: """
            OAuth 2.0 with PKCE: xfollows listens on 127.0.0.1 for the redirect, opens your browser when it \
            can and always prints the page to open, then stores the token (refreshed as needed, with \
            offline.access) and the user it acts for. It needs your App's OAuth 2.0 client ID (--client-id, \
            or CLIENT_ID; a confidential client also CLIENT_SECRET). x-sandbox prints its demo client ID.

            --pin (OAuth 1.0a) and --app (App-only bearer token) need the App's API key and secret \
            (--api-key/--api-secret, or API_KEY/API_SECRET).

            The credentials go to the profile's entry in credentials.json (mode 0600), tied to the server; \
            they are never printed.

            Examples:
              xfollows login --server http://127.0.0.1:8080 --client-id ckJKWDdBMk1VNVFXdWc2aWpyVnlMTzoxOmNp
              CLIENT_ID=… xfollows login --redirect-uri http://127.0.0.1:8976/callback
              xfollows login --pin --profile work
              API_KEY=… API_SECRET=… xfollows login --app --profile app
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "OAuth 1.0a: authorize on X's page and type the PIN it shows.")
    var pin = false

    @Flag(help: "App-only: a bearer token for the App itself (lookups only; it cannot follow).")
    var app = false

    @Option(help: ArgumentHelp("The App's OAuth 2.0 client ID (default: $CLIENT_ID).", valueName: "id"))
    var clientID: String?

    @Option(help: ArgumentHelp("The client secret of a confidential OAuth 2.0 client (default: $CLIENT_SECRET).", valueName: "secret"))
    var clientSecret: String?

    @Option(help: ArgumentHelp("The App's API key for --pin and --app (default: $API_KEY).", valueName: "key"))
    var apiKey: String?

    @Option(help: ArgumentHelp("The App's API key secret for --pin and --app (default: $API_SECRET).", valueName: "secret"))
    var apiSecret: String?

    @Option(help: ArgumentHelp(
        "The redirect URI registered for the App, on this machine (default: http://127.0.0.1:<free port>/callback).",
        valueName: "url"))
    var redirectURI: String?

    @Option(help: ArgumentHelp("Seconds to wait for the browser to come back.", valueName: "seconds"))
    var timeout: Int = 300

    @Flag(help: "Do not try to open a browser; only print the page to open.")
    var noBrowser = false

    /// Parsed.
    public init() {}

    /// Checks the options.
    public func validate() throws {
        if pin && app { throw ValidationError("Choose one of --pin and --app.") }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second.") }
    }

    /// Logs in and stores the profile.
    public func run() async throws {
        let (pin, app, clientID, clientSecret, apiKey, apiSecret, redirectURI, timeout, noBrowser) =
            (self.pin, self.app, self.clientID, self.clientSecret, self.apiKey, self.apiSecret, self.redirectURI, self.timeout, self.noBrowser)
        try await CommandRunner.run(global) { context in
            let env = { (name: String) in context.environment[name].flatMap { $0.isEmpty ? nil : $0 } }
            let profile: Profile
            if pin || app {
                guard let key = apiKey ?? env("API_KEY"), let secret = apiSecret ?? env("API_SECRET") else {
                    throw CLIFailure.usage("\(pin ? "--pin" : "--app") needs the App's API key and secret: pass --api-key and "
                        + "--api-secret, or set API_KEY and API_SECRET.")
                }
                profile = pin
                    ? try await LoginFlows.pin(apiKey: key, apiSecret: secret, context: context, openBrowser: !noBrowser,
                                               readPIN: { readLine(strippingNewline: true) })
                    : try await LoginFlows.appOnly(apiKey: key, apiSecret: secret, context: context)
            } else {
                guard let id = clientID ?? env("CLIENT_ID") else {
                    throw CLIFailure.usage("Logging in with OAuth 2.0 needs your App's client ID: pass --client-id or set CLIENT_ID "
                        + "(x-sandbox prints its demo client's). Or use --pin or --app with an API key and secret.")
                }
                let uri = try redirectURI.map { text -> URL in
                    guard let url = URL(string: text) else { throw CLIFailure.usage("--redirect-uri: \"\(text)\" is not a URL.") }
                    return url
                }
                profile = try await LoginFlows.oauth2(
                    .init(clientID: id, clientSecret: clientSecret ?? env("CLIENT_SECRET"), redirectURI: uri,
                          timeout: .seconds(timeout), openBrowser: !noBrowser),
                    context: context)
            }
            let replaced = try context.store.update(context.profileName) { stored -> Profile? in
                defer { stored = profile }
                return stored
            }
            // With a PostgreSQL --ledger, every machine's sessions take the new token from there.
            if case .oauth2(let clientID, _, _, let token) = profile.credentials, let shared = context.sharedTokenStore(clientID: clientID) {
                try await shared.update { $0 = token }
            }
            var line = "Logged in " + (profile.account.map { "as \($0) " } ?? "as the App (App-only) ")
                + "at \(context.server) with an \(profile.credentials.kind); saved as profile \"\(context.profileName)\"."
            if let replaced, replaced.account != profile.account || replaced.server != profile.server {
                line += " It replaces \(replaced.account.map { "@\($0.username)" } ?? "an App-only login") at \(replaced.server.absoluteString)."
            }
            context.errors.line(line)
            return .success
        }
    }
}
