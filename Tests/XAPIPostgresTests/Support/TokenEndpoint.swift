import Foundation
import HTTPTypes
import OpenAPIRuntime
import XAPIRuntime

/// X's token endpoint as far as refreshing goes: each refresh rotates the refresh token, a
/// used one is refused with `invalid_request` as X refuses it, and every request is counted.
final class TokenEndpoint: ClientTransport, @unchecked Sendable {
    static let firstAccessToken = "access-0-" + String(repeating: "a", count: 40)
    static let firstRefreshToken = "refresh-0-" + String(repeating: "r", count: 40)

    private let lock = NSLock()
    private var rotation = 0
    private var refreshToken = TokenEndpoint.firstRefreshToken
    private var requests = 0
    private var refusals = 0
    /// How long a refresh takes: long enough for every worker to pile up behind the lock.
    let delay: Duration = .milliseconds(30)

    var refreshes: Int { lock.withLock { requests } }
    var refused: Int { lock.withLock { refusals } }
    var currentRefreshToken: String { lock.withLock { refreshToken } }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        let form = try await String(collecting: body ?? HTTPBody(), upTo: 1 << 16)
        let presented = form.split(separator: "&").first { $0.hasPrefix("refresh_token=") }
            .map { String($0.dropFirst("refresh_token=".count)).removingPercentEncoding ?? "" }
        try await Task.sleep(for: delay)
        let answer: (status: HTTPResponse.Status, json: String) = lock.withLock {
            requests += 1
            guard presented == refreshToken else {
                refusals += 1
                return (.badRequest, #"{"error":"invalid_request","error_description":"Value passed for the token was invalid."}"#)
            }
            rotation += 1
            refreshToken = "refresh-\(rotation)-" + String(repeating: "r", count: 40)
            let access = "access-\(rotation)-" + String(repeating: "a", count: 40)
            return (.ok, #"{"token_type":"bearer","expires_in":7200,"access_token":"\#(access)","#
                + #""scope":"follows.read follows.write offline.access tweet.read users.read","refresh_token":"\#(refreshToken)"}"#)
        }
        var response = HTTPResponse(status: answer.status)
        response.headerFields[.contentType] = "application/json"
        return (response, HTTPBody(answer.json))
    }

    /// An authorizer whose token requests come here, with `clock` deciding expiry.
    func authorizer(clock: ClientClock) -> OAuth2Authorizer {
        var configuration = ClientConfiguration(serverURL: URL(string: "https://api.x.com")!, transport: self)
        configuration.clock = clock
        configuration.retryPolicy = .none
        return OAuth2Authorizer(
            clientID: "rG9n6402A3dbUJKzXTNX4oWHJ", redirectURI: URL(string: "https://example.com/callback")!,
            endpoints: OAuth2Endpoints(authorizationURL: URL(string: "https://x.com/i/oauth2/authorize")!,
                                       tokenURL: URL(string: "https://api.x.com/2/oauth2/token")!,
                                       revocationURL: URL(string: "https://api.x.com/2/oauth2/revoke")!),
            configuration: configuration)
    }
}

/// A clock tests move by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_800_000_000)

    var now: Date { lock.withLock { current } }
    func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
    var clock: ClientClock { ClientClock(now: { self.now }, sleep: { _ in }) }
}
