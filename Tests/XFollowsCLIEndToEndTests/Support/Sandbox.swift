import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import XFollows
import XSandbox
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An `x-sandbox` process on a free port, and what its banner says: the URL and the demo
/// credentials (as a person reads them off the terminal).
final class Sandbox: @unchecked Sendable {
    let process: RunningProcess
    let url: URL
    let banner: String

    /// - Parameters:
    ///   - limits: Whether X's limits apply (`--no-limits` otherwise).
    ///   - arguments: More arguments, such as `--rate-limit usersIdFollowers=15/900`.
    ///   - port: The port to listen on; a free one when 0.
    init(limits: Bool = false, arguments: [String] = [], port: Int = 0) async throws {
        let process = try RunningProcess("x-sandbox", ["--port", String(port)] + (limits ? [] : ["--no-limits"]) + arguments,
                                         environment: [:])
        try await process.wait(for: "its banner", timeout: .seconds(60)) { process.standardOutput.contains("Press Ctrl-C to stop.") }
        self.process = process
        banner = process.standardOutput
        guard let line = banner.split(separator: "\n").first(where: { $0.contains("listening on ") }),
              let url = URL(string: String(line.split(separator: " ").last ?? ""))
        else { throw RunningProcess.Failure(description: "no URL in the banner: \(banner)") }
        self.url = url
    }

    deinit {
        process.signal(SIGTERM)
    }

    /// The value after `label` on the first banner line that has it.
    func value(after label: String, occurrence: Int = 0) -> String {
        let lines = banner.split(separator: "\n").filter { $0.contains(label) }
        guard occurrence < lines.count else { return "" }
        return String(lines[occurrence].split(separator: " ").last ?? "")
    }

    var publicClientID: String { value(after: "client ID:") }
    var apiKey: String { value(after: "API key (consumer key):") }
    var apiSecret: String { value(after: "API key secret:") }
    var bearerToken: String { value(after: "Bearer token (App-only):") }
    /// Alice's, Bob's, Carol's OAuth 1.0a access token and secret, in the banner's order.
    func accessToken(_ index: Int) -> (token: String, secret: String) {
        (value(after: "access token:", occurrence: index), value(after: "access token secret:", occurrence: index))
    }

    /// OAuth 1.0a credentials of the second App (pay-per-use) in the environment: its key and
    /// secret, and Alice's, Bob's or Carol's token on it.
    func selfServeEnvironment(_ index: Int) -> [String: String] {
        ["API_KEY": value(after: "API key (consumer key):", occurrence: 1),
         "API_SECRET": value(after: "API key secret:", occurrence: 1),
         "ACCESS_TOKEN": value(after: "access token:", occurrence: 3 + index),
         "ACCESS_TOKEN_SECRET": value(after: "access token secret:", occurrence: 3 + index)]
    }

    /// Stops the process and waits for it to end (a restart on the same port follows).
    func stop() async throws {
        process.signal(SIGTERM)
        _ = try await process.exitStatus(timeout: .seconds(30))
    }

    /// Adds credits to an App (`POST /_sandbox/credits`).
    func addCredits(_ amount: String, toApp id: String) async throws {
        var request = URLRequest(url: url.appendingPathComponent("_sandbox/credits"))
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"app": "\#(id)", "amount": "\#(amount)"}"#.utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw RunningProcess.Failure(description: "credits refused") }
    }

    /// OAuth 1.0a credentials in the environment, as X's samples name them.
    func oauth1Environment(_ index: Int) -> [String: String] {
        let (token, secret) = accessToken(index)
        return ["API_KEY": apiKey, "API_SECRET": apiSecret, "ACCESS_TOKEN": token, "ACCESS_TOKEN_SECRET": secret]
    }

    /// The second App's (pay-per-use) bearer token, from the banner's "Another App" section.
    var otherAppBearerToken: String { value(after: "Bearer token (App-only):", occurrence: 1) }

    /// A client of the generated library for the tests' own lookups: on the second App, so what
    /// the tests read never shows on the first App's bill, which xfollows spends.
    var appClient: AppOnlyClient {
        // As patient as xfollows, so the tests' own reads come through a sandbox's injected faults.
        AppOnlyClient(credentials: AppOnlyCredentials(bearerToken: otherAppBearerToken),
                      configuration: ClientConfiguration(serverURL: url, retryPolicy: RetryPolicy(maximumAttempts: 8),
                                                         rateLimitPolicy: .wait(maximum: .seconds(60))))
    }

    /// What the sandbox billed each App (`GET /_sandbox/bill`).
    func bill() async throws -> SandboxBill {
        let (data, _) = try await URLSession.shared.data(from: url.appendingPathComponent("_sandbox/bill"))
        return try XAPIJSON.makeDecoder().decode(SandboxBill.self, from: data)
    }

    /// Every follower of `id`, in the API's order, through the generated client.
    func followers(of id: String, fields: Set<User.Field>) async throws -> [User] {
        var users: [User] = []
        for try await user in appClient.followersPages(of: id, maxResults: 1000, userFields: fields).items { users.append(user) }
        return users
    }

    /// Every account `id` follows.
    func following(of id: String) async throws -> [String] {
        var ids: [String] = []
        for try await user in appClient.followingPages(of: id, maxResults: 1000).items { ids.append(user.id) }
        return ids
    }
}
