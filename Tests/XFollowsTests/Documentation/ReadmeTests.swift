import Foundation
import Testing
import XSandbox

/// The README promises things a newcomer copies; they must stay true.
@Suite("README")
struct ReadmeTests {
    static let readme: String = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// The code spans of the table row that starts with `label`.
    func row(_ label: String) -> [String] {
        guard let line = Self.readme.split(separator: "\n").first(where: { $0.hasPrefix("| \(label) |") }) else { return [] }
        return line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    @Test("The sandbox's demo credentials in the README are the ones it prints")
    func demoCredentials() throws {
        let credentials = SandboxGraph.seeded().credentials
        #expect(row("API key (consumer key)") == [credentials.consumerKey])
        #expect(row("API key secret") == [credentials.consumerSecret])
        #expect(row("App-only bearer token") == [credentials.bearerToken])
        for (label, userID) in [("@sandbox_alice", SandboxAccounts.alice), ("@sandbox_bob", SandboxAccounts.bob), ("@sandbox_carol", SandboxAccounts.carol)] {
            let token = try #require(credentials.accessTokens.first { $0.userID == userID })
            #expect(row("\(label) access token / secret") == [token.accessToken, token.accessTokenSecret])
        }
        let allScopes = try #require(credentials.oauth2Tokens.first { $0.userID == SandboxAccounts.alice && $0.scopes.contains("follows.write") })
        let readOnly = try #require(credentials.oauth2Tokens.first { $0.userID == SandboxAccounts.alice && !$0.scopes.contains("follows.write") })
        #expect(row("@sandbox_alice OAuth 2.0 token (all scopes)") == [allScopes.accessToken])
        #expect(row("@sandbox_alice OAuth 2.0 token (read scopes only)") == [readOnly.accessToken])
        let publicClient = try #require(credentials.publicOAuth2Client)
        let confidentialClient = try #require(credentials.confidentialOAuth2Client)
        #expect(row("OAuth 2.0 client ID (public client)") == [publicClient.clientID])
        #expect(row("OAuth 2.0 client ID / secret (confidential client)")
            == [confidentialClient.clientID, try #require(confidentialClient.clientSecret)])
        #expect(row("Callback URLs (any port)") == credentials.callbackURLs)
    }

    @Test("The README's token examples use the sandbox's demo client ID and keys")
    func authorizationExamples() throws {
        let credentials = SandboxGraph.seeded().credentials
        let section = try #require(Self.readme.components(separatedBy: "## Getting tokens").dropFirst().first?
            .components(separatedBy: "\n## ").first)
        #expect(section.contains("clientID: \"\(try #require(credentials.publicOAuth2Client).clientID)\""))
        #expect(section.contains("consumerKey: \"\(credentials.consumerKey)\", consumerSecret: \"\(credentials.consumerSecret)\""))
        #expect(section.contains("apiKey: \"\(credentials.consumerKey)\", apiSecret: \"\(credentials.consumerSecret)\""))
        for path in [SandboxAuthorizationPaths.oauth2Authorize, SandboxAuthorizationPaths.oauth2Token,
                     SandboxAuthorizationPaths.oauth2Revoke, SandboxAuthorizationPaths.oauth1RequestToken,
                     SandboxAuthorizationPaths.oauth1Authorize, SandboxAuthorizationPaths.oauth1AccessToken,
                     SandboxAuthorizationPaths.appOnlyToken, SandboxAuthorizationPaths.appOnlyInvalidate] {
            #expect(section.contains("http://127.0.0.1:8080\(path)\""), "\(path)")
        }
    }

    @Test("The README names the test command CI runs")
    func testCommand() throws {
        #expect(Self.readme.contains("swift test           # run every test"))
        let ci = try String(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".ci/run"), encoding: .utf8)
        #expect(ci.contains("\nswift test\n"))
    }
}
