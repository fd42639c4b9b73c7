import Foundation

/// One profile's login: the server it belongs to, the user it acts for and its credentials.
///
/// Credentials are bound to their server: a profile logged in at a local x-sandbox is never
/// sent to X, nor X's tokens to another server.
public struct Profile: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The server the credentials were issued by.
    public var server: URL
    /// The user they act for (`nil` for App-only).
    public var account: Account?
    /// The credentials.
    public var credentials: StoredCredentials
    /// When the profile was logged in.
    public var loggedInAt: Date

    /// A profile.
    public init(server: URL, account: Account?, credentials: StoredCredentials, loggedInAt: Date) {
        self.server = server
        self.account = account
        self.credentials = credentials
        self.loggedInAt = loggedInAt
    }

    private enum CodingKeys: String, CodingKey {
        case server, account, credentials
        case loggedInAt = "logged_in_at"
    }

    /// Who and where, never a secret.
    public var description: String {
        "Profile(server: \(server.absoluteString), account: \(account?.description ?? "none"), credentials: \(credentials))"
    }

    /// Valid profile names: letters, digits, `.`, `_` and `-`, at most 64.
    public static func validate(name: String) throws {
        guard !name.isEmpty, name.count <= 64,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        else {
            throw CLIFailure.usage("--profile: \"\(name)\" is not a profile name; use letters, digits, '.', '_' or '-' (at most 64).")
        }
    }
}

extension Profile: CustomReflectable {
    /// A mirror without secrets.
    public var customMirror: Mirror { Mirror(self, children: ["profile": description]) }
}
