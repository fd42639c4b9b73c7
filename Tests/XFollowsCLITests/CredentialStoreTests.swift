import Foundation
import Testing
import XFollows
@testable import XFollowsCLI

@Suite("Credentials: the store, the environment, no secret shown")
struct CredentialStoreTests {
    static let token = OAuth2UserToken(accessToken: "ACCESS-secret-123456", userID: "42", scopes: ["tweet.read"],
                                       refreshToken: "REFRESH-secret-654321", expiresAt: Date(timeIntervalSince1970: 1_900_000_000))
    static let profile = Profile(server: URL(string: "http://127.0.0.1:8080")!, account: Account(id: "42", username: "alice"),
                                 credentials: .oauth2(clientID: "client-id", clientSecret: "CLIENT-secret-999",
                                                      redirectURI: URL(string: "http://127.0.0.1:1/callback")!, token: token),
                                 loggedInAt: Date(timeIntervalSince1970: 1_800_000_000))
    static let secrets = ["ACCESS-secret-123456", "REFRESH-secret-654321", "CLIENT-secret-999"]

    @Test("A saved profile reads back; the file is 0600 in a 0700 directory; other profiles are kept")
    func roundTrip() throws {
        let environment = try TestEnvironment()
        let store = CredentialStore(directory: environment.configDirectory)
        try store.update("default") { $0 = Self.profile }
        try store.update("work") { $0 = Profile(server: ServerTarget.x.url, account: nil,
                                                credentials: .appOnly(bearerToken: "BEARER-secret", apiKey: nil, apiSecret: nil),
                                                loggedInAt: Date(timeIntervalSince1970: 0)) }
        #expect(try store.profile("default") == Self.profile)
        #expect(try store.profileNames() == ["default", "work"])
        let attributes = try FileManager.default.attributesOfItem(atPath: store.file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let directory = try FileManager.default.attributesOfItem(atPath: environment.configDirectory.url.path)
        #expect((directory[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        try store.update("default") { $0 = nil }
        #expect(try store.profile("default") == nil)
        #expect(try store.profile("work") != nil)
    }

    @Test("A credentials file others can read is made private before it is read")
    func madePrivate() throws {
        let environment = try TestEnvironment()
        let store = CredentialStore(directory: environment.configDirectory)
        try store.update("default") { $0 = Self.profile }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: store.file.path)
        _ = try store.profile("default")
        let attributes = try FileManager.default.attributesOfItem(atPath: store.file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test("A damaged credentials file is named, with where it broke and what to do")
    func damaged() throws {
        let environment = try TestEnvironment()
        let store = CredentialStore(directory: environment.configDirectory)
        try environment.configDirectory.create()
        try Data(#"{"version":1,"profiles":{"default":{"server":"x"}}}"#.utf8).write(to: store.file)
        let error = #expect(throws: CLIFailure.self) { try store.profile("default") }
        #expect(error?.message.contains(store.file.path) == true)
        #expect(error?.message.contains("profiles.default") == true)
        #expect(error?.message.contains("xfollows login") == true)
    }

    @Test("Descriptions, dumps and errors of stored credentials show no secret")
    func noSecrets() {
        var dumped = ""
        dump(Self.profile, to: &dumped)
        for text in [Self.profile.description, String(describing: Self.profile.credentials), String(reflecting: Self.profile.credentials), dumped] {
            for secret in Self.secrets { #expect(!text.contains(secret), "\(text)") }
        }
        let oauth1 = StoredCredentials.oauth1(consumerKey: "consumerkey-1234", consumerSecret: "CS-secret", accessToken: "42-AT-secret",
                                              accessTokenSecret: "ATS-secret")
        for secret in ["CS-secret", "42-AT-secret", "ATS-secret"] { #expect(!oauth1.description.contains(secret)) }
    }

    @Test("Environment credentials as X's samples name them; a partial set names what is missing")
    func environment() throws {
        #expect(try EnvironmentCredentials(environment: [:]) == nil)
        #expect(try EnvironmentCredentials(environment: ["API_KEY": "k", "API_SECRET": "s"]) == nil)
        let app = try #require(try EnvironmentCredentials(environment: ["BEARER_TOKEN": "b"]))
        #expect(app.app?.bearerToken == "b" && app.user == nil)
        let user = try #require(try EnvironmentCredentials(environment: [
            "API_KEY": "k", "API_SECRET": "s", "ACCESS_TOKEN": "42-t", "ACCESS_TOKEN_SECRET": "ts",
        ]))
        #expect(user.user?.userID == "42")
        let error = #expect(throws: CLIFailure.self) {
            try EnvironmentCredentials(environment: ["API_KEY": "k", "ACCESS_TOKEN": "42-t"])
        }
        #expect(error?.message.contains("API_SECRET, ACCESS_TOKEN_SECRET are not set") == true)
    }

    @Test("Credentials of another server are never sent; a missing login says to run xfollows login")
    func serverBinding() throws {
        let environment = try TestEnvironment()
        try environment.context().store.update("default") { $0 = Self.profile }
        let elsewhere = environment.context(server: .x)
        let error = #expect(throws: CLIFailure.self) { try elsewhere.credentials(for: .lookup, configuration: elsewhere.configuration()) }
        #expect(error?.status == .notLoggedIn)
        #expect(error?.message.contains("--server http://127.0.0.1:8080") == true)
        var other = environment.context()
        other.profileName = "nobody"
        let missing = #expect(throws: CLIFailure.self) { try other.credentials(for: .lookup, configuration: other.configuration()) }
        #expect(missing?.message.contains("xfollows login") == true && missing?.status == .notLoggedIn)
    }

    @Test("The environment wins unless --profile is given; App-only cannot act for a user")
    func precedence() throws {
        let environment = try TestEnvironment()
        var context = environment.context(server: try ServerTarget(parsing: "http://127.0.0.1:8080"), environment: ["BEARER_TOKEN": "b"])
        try context.store.update("default") { $0 = Self.profile }
        guard case .app = try context.credentials(for: .lookup, configuration: context.configuration()) else {
            Issue.record("expected the environment's bearer token")
            return
        }
        let refused = #expect(throws: CLIFailure.self) { try context.credentials(for: .user, configuration: context.configuration()) }
        #expect(refused?.status == .notLoggedIn)
        context.isProfileExplicit = true
        guard case .user(let user, let account, let source) = try context.credentials(for: .user, configuration: context.configuration()) else {
            Issue.record("expected the profile's user credentials")
            return
        }
        #expect(account?.username == "alice" && source == "profile \"default\"")
        #expect(user.userID == "42")
    }

    @Test("A refreshed token is saved into the profile; an ended session forgets it unless another process stored a newer one")
    func tokenSaver() async throws {
        let environment = try TestEnvironment()
        let context = environment.context()
        try context.store.update("default") { $0 = Self.profile }
        let save = context.tokenSaver(initial: Self.token)
        var rotated = Self.token
        rotated.accessToken = "ACCESS-rotated"
        await save(rotated)
        guard case .oauth2(_, _, _, let stored)? = try context.store.profile("default")?.credentials else {
            Issue.record("profile lost")
            return
        }
        #expect(stored.accessToken == "ACCESS-rotated")
        // Another process rotates again; this session ending must not delete that token.
        var newer = rotated
        newer.accessToken = "ACCESS-newer"
        try context.store.update("default") { profile in
            profile?.credentials = .oauth2(clientID: "client-id", clientSecret: nil, redirectURI: URL(string: "http://127.0.0.1:1/callback")!, token: newer)
        }
        await save(nil)
        #expect(try context.store.profile("default") != nil)
        // Its own token ending deletes it.
        let own = context.tokenSaver(initial: newer)
        await own(nil)
        #expect(try context.store.profile("default") == nil)
    }
}
