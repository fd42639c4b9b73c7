import Foundation
import XFollows
@testable import XSandbox

/// A sandbox pipeline without HTTP, for checks that need no network.
struct APIHarness {
    let api: SandboxAPI
    let credentials: SandboxCredentials

    init(graph: SandboxGraph = .seeded(), limits: SandboxLimits = .documented, now: Date = Date(timeIntervalSince1970: 1_750_000_000),
         clock: SandboxClock? = nil, billing: SandboxBilling = SandboxBilling(credits: nil, usageCap: nil)) {
        credentials = graph.credentials
        api = SandboxAPI(
            directory: graph.directory,
            authenticator: SandboxAuthenticator(apps: graph.apps, tolerance: 300),
            tokens: PageTokenCodec(secret: Data("api tests".utf8)),
            store: SandboxStore(follows: graph.follows, limits: limits, tolerance: 300, journalCapacity: 100, billing: billing),
            clock: clock ?? SandboxClock(now: { now }),
            scheme: "http",
            logger: SandboxConfiguration.quietLogger
        )
    }

    /// Sends a request with the App's bearer token (or `authorization`).
    func send(_ method: String, _ target: String, authorization: String? = nil, body: String = "") async -> SandboxHTTPResponse {
        let parts = target.split(separator: "?", maxSplits: 1)
        return await api.respond(to: SandboxAPI.Request(
            method: method,
            path: String(parts[0]),
            query: parts.count > 1 ? String(parts[1]) : nil,
            host: "127.0.0.1:8080",
            authorization: authorization ?? "Bearer \(credentials.bearerToken)",
            body: Data(body.utf8)
        ))
    }

    func bearer(scopes: Set<String>) -> String {
        "Bearer " + credentials.oauth2Tokens.first { $0.scopes == scopes }!.accessToken
    }
}

extension SandboxHTTPResponse {
    /// The body as a JSON object.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }
}
