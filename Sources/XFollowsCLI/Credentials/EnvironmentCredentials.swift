import XFollows

/// Credentials from the environment, named as X's own samples name them, for scripts and CI:
/// `BEARER_TOKEN` (App-only), or `API_KEY`, `API_SECRET`, `ACCESS_TOKEN` and
/// `ACCESS_TOKEN_SECRET` (OAuth 1.0a user context).
///
/// ```swift
/// let found = try EnvironmentCredentials(environment: ProcessInfo.processInfo.environment)
/// found?.user     // OAuth 1.0a, when the four are set
/// found?.app      // App-only, when BEARER_TOKEN is set
/// ```
public struct EnvironmentCredentials: Sendable {
    /// The OAuth 1.0a user credentials, when all four variables are set.
    public var user: UserCredentials?
    /// The App-only bearer token, when `BEARER_TOKEN` is set.
    public var app: AppOnlyCredentials?

    /// The OAuth 1.0a variables.
    public static let oauth1Variables = ["API_KEY", "API_SECRET", "ACCESS_TOKEN", "ACCESS_TOKEN_SECRET"]
    /// The App-only variable.
    public static let bearerVariable = "BEARER_TOKEN"

    /// The credentials the environment holds, or `nil` when it holds none.
    ///
    /// - Throws: ``CLIFailure`` (usage) when some OAuth 1.0a variables are set and others are
    ///   not, naming the missing ones. (`API_KEY` and `API_SECRET` alone are not user
    ///   credentials: `xfollows login --app` and `--pin` use them.)
    public init?(environment: [String: String]) throws {
        let value = { (name: String) in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let tokenVariables = ["ACCESS_TOKEN", "ACCESS_TOKEN_SECRET"]
        if tokenVariables.contains(where: { value($0) != nil }) {
            let missing = Self.oauth1Variables.filter { value($0) == nil }
            guard missing.isEmpty else {
                throw CLIFailure.usage("OAuth 1.0a credentials in the environment need all of "
                    + "\(Self.oauth1Variables.joined(separator: ", ")); \(missing.joined(separator: ", ")) "
                    + "\(missing.count == 1 ? "is" : "are") not set.")
            }
            user = .oauth1(consumerKey: value("API_KEY")!, consumerSecret: value("API_SECRET")!,
                           accessToken: value("ACCESS_TOKEN")!, accessTokenSecret: value("ACCESS_TOKEN_SECRET")!)
        }
        app = value(Self.bearerVariable).map(AppOnlyCredentials.init(bearerToken:))
        if user == nil && app == nil { return nil }
    }

    /// The variables in use, for messages (`ACCESS_TOKEN, …` or `BEARER_TOKEN`), never values.
    public var source: String {
        var names: [String] = []
        if user != nil { names += Self.oauth1Variables }
        if app != nil { names.append(Self.bearerVariable) }
        return "the environment (\(names.joined(separator: ", ")))"
    }
}
