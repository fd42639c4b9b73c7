import Foundation
import Testing
import XFollows
@testable import XFollowsCLI

@Suite("Server and configuration directory")
struct ServerTargetTests {
    @Test("X by default; --server wins over XFOLLOWS_SERVER")
    func resolution() throws {
        #expect(try ServerTarget.resolve(option: nil, environment: [:]) == .x)
        #expect(try ServerTarget.resolve(option: nil, environment: ["XFOLLOWS_SERVER": "http://127.0.0.1:8080"]).url.absoluteString
            == "http://127.0.0.1:8080")
        #expect(try ServerTarget.resolve(option: "http://localhost:9/", environment: ["XFOLLOWS_SERVER": "http://127.0.0.1:8080"])
            .url.absoluteString == "http://localhost:9")
    }

    @Test("Every endpoint moves to the sandbox; X's stay X's")
    func endpoints() throws {
        let sandbox = try ServerTarget(parsing: "http://127.0.0.1:8080")
        #expect(!sandbox.isX)
        #expect(sandbox.oauth2Endpoints.authorizationURL.absoluteString == "http://127.0.0.1:8080/i/oauth2/authorize")
        #expect(sandbox.oauth2Endpoints.tokenURL.absoluteString == "http://127.0.0.1:8080/2/oauth2/token")
        #expect(sandbox.oauth1Endpoints.requestTokenURL.absoluteString == "http://127.0.0.1:8080/oauth/request_token")
        #expect(sandbox.appOnlyEndpoints.invalidationURL.absoluteString == "http://127.0.0.1:8080/oauth2/invalidate_token")
        #expect(ServerTarget.x.isX)
        #expect(ServerTarget.x.oauth2Endpoints == OAuth2Endpoints.x)
        #expect(try ServerTarget(parsing: "https://api.x.com/").isX)
        #expect(sandbox.fileKey == "127.0.0.1-8080")
    }

    @Test("Plain http leaves this machine never; malformed URLs say what is wrong", arguments: [
        "http://example.com", "ftp://127.0.0.1", "127.0.0.1:8080", "http://127.0.0.1:8080/?a=1", "",
    ])
    func refused(_ text: String) {
        let error = #expect(throws: CLIFailure.self) { try ServerTarget(parsing: text) }
        #expect(error?.status == .usage)
        #expect(error?.message.contains("--server") == true)
    }

    @Test("The configuration directory: override, XDG, then ~/.config")
    func configDirectory() throws {
        #expect(try ConfigDirectory.resolve(environment: ["XFOLLOWS_CONFIG_DIR": "/tmp/a", "HOME": "/home/u"]).url.path == "/tmp/a")
        #if !os(macOS)
        #expect(try ConfigDirectory.resolve(environment: ["XDG_CONFIG_HOME": "/xdg", "HOME": "/home/u"]).url.path == "/xdg/xfollows")
        #expect(try ConfigDirectory.resolve(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/u"]).url.path
            == "/home/u/.config/xfollows")
        #expect(try ConfigDirectory.resolve(environment: ["HOME": "/home/u"]).url.path == "/home/u/.config/xfollows")
        #else
        #expect(try ConfigDirectory.resolve(environment: ["HOME": "/Users/u"]).url.path == "/Users/u/Library/Application Support/xfollows")
        #endif
        let directory = ConfigDirectory(url: URL(fileURLWithPath: "/c"))
        #expect(directory.dailyCapsFile(for: try ServerTarget(parsing: "http://127.0.0.1:8080")).path == "/c/daily-caps/127.0.0.1-8080.json")
        #expect(directory.dailyCapsFile(for: .x).path == "/c/daily-caps/api.x.com.json")
    }

    @Test("OAuth 2.0 scopes come from the spec's operations, with offline.access")
    func scopes() {
        #expect(RequiredScopes.all == ["tweet.read", "users.read", "follows.read", "follows.write", "offline.access"])
    }
}
