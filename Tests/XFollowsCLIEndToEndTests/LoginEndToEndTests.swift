import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import XFollows
import XSandbox
import XSandboxTesting

/// Logging in the three ways, as processes: the test does what the person does in the
/// browser on the sandbox's authorization pages.
@Suite("xfollows end to end: login, whoami, logout", .timeLimit(.minutes(3)))
struct LoginEndToEndTests {
    @Test("OAuth 2.0: the authorize page approved, the token stored 0600 and never printed, refreshed use, revoked at logout")
    func oauth2() async throws {
        let sandbox = try await Sandbox()
        let workspace = try Workspace(sandbox: sandbox)
        let login = try workspace.start(["login", "--client-id", sandbox.publicClientID, "--no-browser"])
        try await login.wait(for: "the authorization URL") { login.standardError.contains("/i/oauth2/authorize?") }
        let line = try #require(login.standardError.split(separator: "\n").first { $0.contains("/i/oauth2/authorize?") })
        let page = try #require(URL(string: line.trimmingCharacters(in: .whitespaces)))
        #expect(page.absoluteString.hasPrefix(sandbox.url.absoluteString + "/i/oauth2/authorize?"))
        guard case .redirect(let callback) = try await SandboxBrowser().approve(page, as: SandboxAccounts.alice) else {
            Issue.record("the authorization page did not redirect")
            return
        }
        #expect(callback.absoluteString.hasPrefix("http://127.0.0.1:"))
        // The browser follows the redirect. (Its page may be cut short: the loopback receiver stops
        // listening as soon as the redirect arrives; the login does not depend on the page.)
        _ = try? await URLSession.shared.data(from: callback)
        #expect(try await login.exitStatus() == 0)
        #expect(login.standardError.contains("Logged in as @sandbox_alice (\(SandboxAccounts.alice)) at \(sandbox.url.absoluteString)"))

        let file = workspace.configDirectory.appendingPathComponent("credentials.json")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber)
        #expect(mode.intValue == 0o600)
        let stored = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        let profile = ((stored?["profiles"] as? [String: Any])?["default"] as? [String: Any])?["credentials"] as? [String: Any]
        let token = try #require(profile?["token"] as? [String: Any])
        let secrets = [try #require(token["access_token"] as? String), try #require(token["refresh_token"] as? String)]
        #expect(Set(token["scopes"] as? [String] ?? []) == ["tweet.read", "users.read", "follows.read", "follows.write", "offline.access"])

        let whoami = try await workspace.run(["whoami", "--verbose"])
        #expect(whoami.status == 0)
        #expect(whoami.output.hasPrefix("@sandbox_alice (\(SandboxAccounts.alice))"))
        #expect(whoami.output.contains("OAuth 2.0 user token, from profile \"default\""))
        #expect(whoami.errors.contains("GET /2/users/me → 200"))
        let follow = try await workspace.run(["follow", "@XDevelopers", "--json"])
        #expect(follow.status == 0 && follow.output.contains(#""result":"followed""#))
        for text in [login.standardOutput, login.standardError, whoami.output, whoami.errors, follow.output, follow.errors] {
            for secret in secrets { #expect(!text.contains(secret)) }
        }

        let logout = try await workspace.run(["logout"])
        #expect(logout.status == 0 && logout.errors.contains("The tokens were revoked."))
        let after = try await workspace.run(["whoami"])
        #expect(after.status == 4 && after.errors.contains("xfollows login"))
        // The revoked token no longer works at the server either.
        let revoked = UserClient(credentials: .oauth2(accessToken: secrets[0]), configuration: ClientConfiguration(serverURL: sandbox.url))
        await #expect(throws: XAPIError.self) { try await revoked.me() }
    }

    @Test("OAuth 1.0a with a PIN typed in, and an App-only token that can look up but not follow")
    func pinAndAppOnly() async throws {
        let sandbox = try await Sandbox()
        let workspace = try Workspace(sandbox: sandbox)
        let login = try workspace.start(["login", "--pin", "--profile", "bob", "--no-browser"],
                                        environment: ["API_KEY": sandbox.apiKey, "API_SECRET": sandbox.apiSecret])
        try await login.wait(for: "the PIN prompt") { login.standardError.contains("PIN: ") }
        let line = try #require(login.standardError.split(separator: "\n").first { $0.contains("/oauth/authorize?") })
        guard case .pin(let pin) = try await SandboxBrowser().approve(try #require(URL(string: line.trimmingCharacters(in: .whitespaces))),
                                                                    as: SandboxAccounts.bob) else {
            Issue.record("the authorization page showed no PIN")
            return
        }
        login.write(pin + "\n")
        #expect(try await login.exitStatus() == 0)
        #expect(login.standardError.contains("Logged in as @sandbox_bob"))
        let bob = try await workspace.run(["whoami", "--profile", "bob", "--json"])
        #expect(bob.status == 0 && bob.output.contains(#""username":"sandbox_bob""#) && bob.output.contains(#""kind":"OAuth 1.0a user token""#))

        let app = try await workspace.run(["login", "--app", "--profile", "app"],
                                          environment: ["API_KEY": sandbox.apiKey, "API_SECRET": sandbox.apiSecret])
        #expect(app.status == 0 && app.errors.contains("Logged in as the App"))
        let lookup = try await workspace.run(["followers", "@sandbox_bob", "--profile", "app"])
        #expect(lookup.status == 0 && !lookup.output.isEmpty)
        let refused = try await workspace.run(["follow", "@XDevelopers", "--profile", "app"])
        #expect(refused.status == 4 && refused.errors.contains("App-only"))
        let logout = try await workspace.run(["logout", "--profile", "app"])
        #expect(logout.status == 0 && logout.errors.contains("invalidated"))

        // Credentials of this sandbox are never sent to another server.
        let elsewhere = try await workspace.run(["whoami", "--profile", "bob", "--server", "http://127.0.0.1:9"])
        #expect(elsewhere.status == 4 && elsewhere.errors.contains("is logged in at \(sandbox.url.absoluteString)"))
    }
}
