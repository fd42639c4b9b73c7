import ArgumentParser
import Foundation
import XFollows

/// `xfollows whoami`: who the credentials act for, checked with the server.
public struct WhoamiCommand: AsyncParsableCommand {
    /// Help and examples.
    public static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show who the credentials act for, asking the server (GET /2/users/me).",
        discussion: """
            Prints the user, the server, where the credentials come from and what kind they are — never a \
            token. An OAuth 2.0 token is refreshed first when it expired. Exits 4 when not logged in or \
            refused.

            Examples:
              xfollows whoami
              xfollows whoami --json
              XFOLLOWS_SERVER=http://127.0.0.1:8080 xfollows whoami --profile bob
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print a JSON object.")
    var json = false

    /// Parsed.
    public init() {}

    /// Asks the server.
    public func run() async throws {
        let json = self.json
        try await CommandRunner.run(global) { context in
            let credentials = try context.credentials(for: .lookup, configuration: context.configuration())
            var report = WhoamiReport(server: context.server.description, source: credentials.source)
            switch credentials {
            case .app:
                report.kind = StoredCredentials.appOnly(bearerToken: "", apiKey: nil, apiSecret: nil).kind
            case .user(let user, _, _):
                let client = UserClient(credentials: user, configuration: context.configuration())
                guard let me = try await client.me().body.data else {
                    throw CLIFailure.failure("\(context.server) did not say who the credentials act for.")
                }
                report.id = me.id
                report.username = me.username
                report.name = me.name
                switch user {
                case .oauth1: report.kind = "OAuth 1.0a user token"
                case .oauth2, .oauth2Session:
                    report.kind = "OAuth 2.0 user token"
                    if case .oauth2Session(let session) = user, let token = await session.currentToken {
                        report.scopes = token.scopes.map { $0.map(\.rawValue).sorted() }
                        report.expiresAt = token.expiresAt
                    }
                }
            }
            if json {
                context.output.line(String(decoding: try XAPIJSON.makeEncoder().encode(report), as: UTF8.self))
            } else {
                context.output.line(report.text)
            }
            return .success
        }
    }
}

/// What `whoami` reports.
struct WhoamiReport: Encodable {
    var server: String
    var source: String
    var kind = ""
    var id: String?
    var username: String?
    var name: String?
    var scopes: [String]?
    var expiresAt: Date?

    enum CodingKeys: String, CodingKey {
        case server, source, kind, id, username, name, scopes
        case expiresAt = "expires_at"
    }

    var text: String {
        var text = username.map { "@\($0) (\(id ?? "?"))\(name.map { ", \($0)" } ?? "")" } ?? "The App itself (no user)"
        text += "\n  server:      \(server)\n  credentials: \(kind), from \(source)"
        if let scopes { text += "\n  scopes:      \(scopes.joined(separator: " "))" }
        if let expiresAt { text += "\n  expires:     \(Formatting.time(expiresAt)) (refreshed automatically)" }
        return text
    }
}
