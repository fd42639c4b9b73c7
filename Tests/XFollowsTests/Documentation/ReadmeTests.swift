import Foundation
import Testing
import XSandbox

/// The README and the DocC articles promise things a newcomer copies; they must stay true.
@Suite("README and articles")
struct ReadmeTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file of the repository; a test that cannot read it fails instead of checking nothing.
    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    static let readme = (try? read("README.md")) ?? ""

    /// A DocC article of XFollows.
    static func article(_ name: String) throws -> String {
        try read("Sources/XFollows/XFollows.docc/\(name).md")
    }

    /// The code spans of the table row of the sandbox article that starts with `label`.
    func row(_ label: String) throws -> [String] {
        guard let line = try Self.article("TheSandbox").split(separator: "\n").first(where: { $0.hasPrefix("| \(label) |") }) else { return [] }
        return line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    @Test("The sandbox's demo credentials in the README are the ones it prints")
    func demoCredentials() throws {
        let credentials = SandboxGraph.seeded().credentials
        #expect(try row("API key (consumer key)") == [credentials.consumerKey])
        #expect(try row("API key secret") == [credentials.consumerSecret])
        #expect(try row("App-only bearer token") == [credentials.bearerToken])
        for (label, userID) in [("@sandbox_alice", SandboxAccounts.alice), ("@sandbox_bob", SandboxAccounts.bob), ("@sandbox_carol", SandboxAccounts.carol)] {
            let token = try #require(credentials.accessTokens.first { $0.userID == userID })
            #expect(try row("\(label) access token / secret") == [token.accessToken, token.accessTokenSecret])
        }
        let allScopes = try #require(credentials.oauth2Tokens.first { $0.userID == SandboxAccounts.alice && $0.scopes.contains("follows.write") })
        let readOnly = try #require(credentials.oauth2Tokens.first { $0.userID == SandboxAccounts.alice && !$0.scopes.contains("follows.write") })
        #expect(try row("@sandbox_alice OAuth 2.0 token (all scopes)") == [allScopes.accessToken])
        #expect(try row("@sandbox_alice OAuth 2.0 token (read scopes only)") == [readOnly.accessToken])
        let publicClient = try #require(credentials.publicOAuth2Client)
        let confidentialClient = try #require(credentials.confidentialOAuth2Client)
        #expect(try row("OAuth 2.0 client ID (public client)") == [publicClient.clientID])
        #expect(try row("OAuth 2.0 client ID / secret (confidential client)")
            == [confidentialClient.clientID, try #require(confidentialClient.clientSecret)])
        #expect(try row("Callback URLs (any port)") == credentials.callbackURLs)
    }

    @Test("The token examples use the sandbox's demo client ID and keys")
    func authorizationExamples() throws {
        let credentials = SandboxGraph.seeded().credentials
        let section = try Self.article("AuthenticationAndTokens")
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
        #expect(Self.readme.contains("swift test           # run the tests"))
        #expect(Self.readme.contains("XAPI_COMPATIBILITY_SUITES=1 XAPI_END_TO_END_SUITES=1 swift test"))
        let ci = try Self.read(".ci/run")
        #expect(ci.contains("\nexport XAPI_END_TO_END_SUITES=1\n"))
        #expect(ci.contains("\nswift test\n"))
        #expect(ci.contains("XAPI_COMPATIBILITY_SUITES=1 swift test"))
    }
}
