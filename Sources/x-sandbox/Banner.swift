import Foundation
import XFollows
import XSandbox

/// What `x-sandbox` prints when it listens: the URL, the graph, the demo credentials and a
/// request to paste.
struct Banner {
    let server: SandboxServer
    let graph: SandboxGraph
    let limitsEnabled: Bool
    var credits: USD?
    var usageCap: Int?
    var stateDirectory: String?
    var faults = SandboxFaults.none

    var text: String {
        let credentials = server.credentials
        let url = server.baseURL.absoluteString
        var lines: [String] = []
        lines.append("x-sandbox: X API v2 follows sandbox listening on \(url)")
        let source = graph.seed.map { "seeded graph (seed \($0))" } ?? "graph file"
        lines.append("Serving a \(source): \(server.directory.userCount.formatted()) users, "
                     + "\(graph.follows.followCount.formatted()) follow\(graph.follows.followCount == 1 ? "" : "s"); "
                     + (limitsEnabled ? "X's rate limits and daily caps apply." : "no limits (--no-limits)."))
        let money = credits.map { "each App starts with \($0) of credits" } ?? "unlimited credits"
        lines.append("Billing as X's pay-per-usage pricing: \(money)"
                     + (usageCap.map { ", a usage cap of \($0.formatted()) units a month" } ?? "")
                     + "; what each App was charged: \(url)/_sandbox/bill")
        lines.append("Dashboard (the sandbox's own page, not X's): \(url)/_sandbox/dashboard")
        lines.append(stateDirectory.map { "State kept in \($0) across restarts (export, import, reset: \(url)/_sandbox/state/…)." }
                     ?? "State is not kept: it is lost when the sandbox stops (--state DIR keeps it).")
        if faults.rate > 0 {
            lines.append("Injecting faults into \((faults.rate * 100).formatted())% of requests (seed \(faults.seed)): "
                         + faults.kinds.map(\.rawValue).joined(separator: ", ")
                         + (faults.includesSandboxPaths ? ", the sandbox's own paths and OAuth pages included." : "."))
        }
        lines.append("")
        lines.append("App credentials — \(describe(graph.apps[0]))")
        lines.append("  API key (consumer key):       \(credentials.consumerKey)")
        lines.append("  API key secret:               \(credentials.consumerSecret)")
        lines.append("  Bearer token (App-only):      \(credentials.bearerToken)")
        if !credentials.accessTokens.isEmpty {
            lines.append("")
            lines.append("OAuth 1.0a user access tokens")
            for token in credentials.accessTokens {
                lines.append("  \(handle(token.userID)) (id \(token.userID))")
                lines.append("    access token:               \(token.accessToken)")
                lines.append("    access token secret:        \(token.accessTokenSecret)")
            }
        }
        if !credentials.oauth2Tokens.isEmpty {
            lines.append("")
            lines.append("OAuth 2.0 user access tokens")
            for token in credentials.oauth2Tokens {
                lines.append("  \(handle(token.userID)) [\(token.scopes.sorted().joined(separator: " "))]")
                lines.append("    \(token.accessToken)")
            }
        }
        if !credentials.oauth2Clients.isEmpty {
            lines.append("")
            lines.append("OAuth 2.0 clients (Authorization Code with PKCE at \(url)/i/oauth2/authorize)")
            for client in credentials.oauth2Clients {
                lines.append("  \(client.name)")
                lines.append("    client ID:                  \(client.clientID)")
                if let secret = client.clientSecret { lines.append("    client secret:              \(secret)") }
            }
            lines.append("  callback URLs: \(credentials.callbackURLs.joined(separator: ", ")) (any port on loopback)")
        }
        for app in graph.apps.dropFirst() {
            lines.append("")
            lines.append("Another App — \(describe(app))")
            lines.append("  API key (consumer key):       \(app.credentials.consumerKey)")
            lines.append("  API key secret:               \(app.credentials.consumerSecret)")
            lines.append("  Bearer token (App-only):      \(app.credentials.bearerToken)")
            for token in app.credentials.accessTokens {
                lines.append("  \(handle(token.userID)) (id \(token.userID))")
                lines.append("    access token:               \(token.accessToken)")
                lines.append("    access token secret:        \(token.accessTokenSecret)")
            }
        }
        lines.append("")
        lines.append("Try")
        lines.append("  curl -H 'Authorization: Bearer \(credentials.bearerToken)' \\")
        lines.append("    '\(url)/2/users/\(SandboxAccounts.xDevelopers)/followers?max_results=5&user.fields=public_metrics,verified'")
        if let token = credentials.oauth2Tokens.first(where: { $0.scopes.contains(OAuth2Scope.followsWrite.rawValue) }) {
            lines.append("  curl -X POST -H 'Authorization: Bearer \(token.accessToken)' -H 'Content-Type: application/json' \\")
            lines.append("    -d '{\"target_user_id\": \"\(SandboxAccounts.xDevelopers)\"}' '\(url)/2/users/\(token.userID)/following'")
        }
        lines.append("")
        lines.append("Press Ctrl-C to stop.")
        return lines.joined(separator: "\n")
    }

    /// `XFollows demo (enterprise), App ID 29012345, plan enterprise, owned by @sandbox_alice`.
    private func describe(_ app: SandboxApp) -> String {
        var text = "\(app.name), App ID \(app.id), plan \(app.plan)"
        if let owner = app.ownerID { text += ", owned by \(handle(owner))" }
        if !app.includes(OperationDescriptor.usersIdFollow) { text += " (follow: X's client-forbidden 403)" }
        return text
    }

    private func handle(_ userID: String) -> String {
        guard let id = UInt64(userID), let user = server.directory.user(withID: id) else { return userID }
        return "@\(user.username)"
    }
}
