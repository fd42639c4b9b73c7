import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing
@testable import XAPIRuntime

@Suite("Client")
struct ClientTests {
    static func followersRequest(_ id: String = "2244994945") -> OperationRequest {
        var request = OperationRequest(.followers)
        request.setPathParameter("id", to: id)
        return request
    }

    static func followRequest(as user: String = "370773112") throws -> OperationRequest {
        var request = OperationRequest(.follow)
        request.setPathParameter("id", to: user)
        try request.setJSONBody(FollowBody(targetUserID: "2244994945"))
        request.actingUserID = user
        return request
    }

    @Test func decodesASuccessWithRateLimitHeaders() async throws {
        let transport = ScriptedTransport([.json(
            #"{"data":[{"id":"1","name":"A","username":"a","created_at":"2013-12-14T04:35:55.000Z","public_metrics":{"followers_count":5,"following_count":6}}],"meta":{"result_count":1}}"#,
            headers: [("x-rate-limit-limit", "15"), ("x-rate-limit-remaining", "14"), ("x-rate-limit-reset", "1700000900")]
        )])
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration(transport))
        let response = try await client.send(Self.followersRequest(), decoding: FollowsPage.self)
        #expect(response.status == 200)
        #expect(response.items.first?.publicMetrics?.followersCount == 5)
        #expect(response.data?.first?.createdAt == Date(timeIntervalSince1970: 1_386_995_755))
        #expect(response.rateLimit == RateLimitStatus(limit: 15, remaining: 14, reset: Date(timeIntervalSince1970: 1_700_000_900)))
        #expect(response.dailyLimits == nil)
        let sent = try #require(transport.requests.first)
        #expect(sent.request.method == .get)
        #expect(sent.request.path == "/2/users/2244994945/followers")
        #expect(sent.operationID == "usersIdFollowers")
        #expect(sent.authorization == "Bearer \(Secrets.bearer)")
        #expect(sent.request.headerFields[.accept] == "application/json")
    }

    @Test func absentRateLimitHeadersAreNotAnError() async throws {
        let transport = ScriptedTransport([.json(#"{"meta":{"result_count":0}}"#)])
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration(transport))
        let response = try await client.send(Self.followersRequest(), decoding: FollowsPage.self)
        #expect(response.rateLimit == nil)
        #expect(response.dailyLimits == nil)
    }

    @Test func rateLimitHeaderParsing() {
        let partial: HTTPFields = [HTTPField.Name("x-rate-limit-remaining")!: "3"]
        #expect(RateLimitStatus(headers: partial) == RateLimitStatus(limit: nil, remaining: 3, reset: nil))
        let garbage: HTTPFields = [HTTPField.Name("x-rate-limit-limit")!: "many"]
        #expect(RateLimitStatus(headers: garbage) == nil)
        #expect(RateLimitStatus(headers: [:]) == nil)
        let daily: HTTPFields = [
            HTTPField.Name("x-user-limit-24hour-limit")!: "400",
            HTTPField.Name("x-user-limit-24hour-remaining")!: "399",
            HTTPField.Name("x-user-limit-24hour-reset")!: "1700086400",
            HTTPField.Name("x-app-limit-24hour-remaining")!: "0",
        ]
        let status = DailyLimitStatus(headers: daily)
        #expect(status?.user == RateLimitStatus(limit: 400, remaining: 399, reset: Date(timeIntervalSince1970: 1_700_086_400)))
        #expect(status?.app == RateLimitStatus(limit: nil, remaining: 0, reset: nil))
        #expect(status?.app?.isExhausted == true)
    }

    @Test("Limit headers: one set of names, written by a server, read by the client, logged as metadata")
    func limitHeaderNames() {
        #expect(LimitHeaders.all.map(\.remaining) == ["x-rate-limit-remaining", "x-user-limit-24hour-remaining", "x-app-limit-24hour-remaining"])
        let status = RateLimitStatus(limit: 50, remaining: 49, reset: Date(timeIntervalSince1970: 1_750_000_900.2))
        let fields = status.headerFields(.userDailyCap)
        #expect(fields.map(\.name.rawName) == ["x-user-limit-24hour-limit", "x-user-limit-24hour-remaining", "x-user-limit-24hour-reset"])
        #expect(fields.map(\.value) == ["50", "49", "1750000901"])
        let read = RateLimitStatus(limit: 50, remaining: 49, reset: Date(timeIntervalSince1970: 1_750_000_901))
        #expect(DailyLimitStatus(headers: fields)?.user == read)
        let metadata = LogRedaction.responseMetadata(fields + RateLimitStatus(limit: 15, remaining: 3).headerFields(.rateLimit))
        #expect(metadata["xapi.user_limit_24hour.remaining"] == "49")
        #expect(metadata["xapi.rate_limit.limit"] == "15")
        #expect(metadata["xapi.app_limit_24hour.limit"] == nil)
        #expect(RateLimitStatus(metadata: metadata, .userDailyCap) == read)
        #expect(RateLimitStatus(metadata: metadata, .rateLimit) == RateLimitStatus(limit: 15, remaining: 3))
    }

    @Test func oauth1RequestsCarryAVerifiableSignatureAndAnUnsignedJSONBody() async throws {
        let transport = ScriptedTransport([.json(#"{"data":{"following":true,"pending_follow":false}}"#)])
        let client = UserClient(credentials: .oauth1(Secrets.oauth1), configuration: configuration(transport))
        let response = try await client.send(try Self.followRequest(), decoding: FollowResult.self)
        #expect(response.data.following)

        let sent = try #require(transport.requests.first)
        #expect(sent.request.method == .post)
        #expect(sent.request.headerFields[.contentType] == "application/json")
        #expect(sent.body.map { String(decoding: $0, as: UTF8.self) } == #"{"target_user_id":"2244994945"}"#)
        let header = try OAuth1AuthorizationHeader(parsing: try #require(sent.authorization))
        #expect(header.consumerKey == Secrets.consumerKey)
        #expect(header.token == Secrets.accessToken)
        #expect(header.version == "1.0")
        #expect(header.signatureMethod == "HMAC-SHA1")
        let key = OAuth1Signature.signingKey(consumerSecret: Secrets.consumerSecret, tokenSecret: Secrets.accessTokenSecret)
        let base = OAuth1Signature.baseString(method: "POST", url: sent.url, protocolParameters: header.protocolParameters)
        #expect(OAuth1Signature.isValidSignature(header.signature, baseString: base, signingKey: key))
    }

    @Test func queryParametersAreSigned() async throws {
        let transport = ScriptedTransport([.json(#"{"meta":{"result_count":0}}"#)])
        let client = UserClient(credentials: .oauth1(Secrets.oauth1), configuration: configuration(transport))
        var request = Self.followersRequest()
        request.appendQueryItem("max_results", value: 1000)
        request.appendQueryItem("user.fields", commaSeparated: ["created_at", "description"])
        request.appendQueryItem("pagination_token", value: "a b+c")
        _ = try await client.send(request, decoding: FollowsPage.self)
        let sent = try #require(transport.requests.first)
        #expect(sent.request.path == "/2/users/2244994945/followers?max_results=1000&user.fields=created_at%2Cdescription&pagination_token=a%20b%2Bc")
        let header = try OAuth1AuthorizationHeader(parsing: try #require(sent.authorization))
        let key = OAuth1Signature.signingKey(consumerSecret: Secrets.consumerSecret, tokenSecret: Secrets.accessTokenSecret)
        let signed = OAuth1Signature.baseString(method: "GET", url: sent.url, protocolParameters: header.protocolParameters)
        #expect(signed.contains("max_results%3D1000"))
        #expect(signed.contains("pagination_token%3Da%2520b%252Bc"))
        #expect(OAuth1Signature.isValidSignature(header.signature, baseString: signed, signingKey: key))
        let withoutQuery = OAuth1Signature.baseString(
            method: "GET", url: URL(string: "https://api.x.com/2/users/2244994945/followers")!,
            protocolParameters: header.protocolParameters
        )
        #expect(!OAuth1Signature.isValidSignature(header.signature, baseString: withoutQuery, signingKey: key))
    }

    @Test func pathParametersAreEncodedAndRequired() throws {
        var request = OperationRequest(.unfollow)
        request.setPathParameter("source_user_id", to: "../1")
        let missing = #expect(throws: XAPIError.self) { try request.encodedPathAndQuery() }
        #expect(missing?.parameter == "target_user_id")
        request.setPathParameter("target_user_id", to: "a/b?c")
        #expect(try request.encodedPathAndQuery() == "/2/users/..%2F1/following/a%2Fb%3Fc")
    }

    @Test func queryItemRendering() throws {
        var request = OperationRequest(.followers)
        request.setPathParameter("id", to: "1")
        request.appendQueryItem("a", value: true)
        request.appendQueryItem("b", value: 2.5)
        request.appendQueryItem("c", value: 3.0)
        request.appendQueryItem("d", value: Optional<Int>.none)
        request.appendQueryItem("e", commaSeparated: [])
        request.appendQueryItem("f", value: false)
        #expect(try request.encodedPathAndQuery() == "/2/users/1/followers?a=true&b=2.5&c=3&f=false")
    }

    @Test func appOnlyCredentialsOnAUserOnlyOperationFailBeforeAnyIO() async throws {
        let transport = ScriptedTransport([])
        let client = XAPIClient<AppOnlyContext>(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration(transport))
        let error = await #expect(throws: XAPIError.self) {
            try await client.send(try Self.followRequest(), decoding: FollowResult.self)
        }
        #expect(error?.code == .authentication)
        #expect(error?.message.contains("OAuth 2.0 App-only") == true)
        #expect(transport.requests.isEmpty)
    }

    @Test func missingOAuth2ScopeFailsBeforeAnyIO() async throws {
        let transport = ScriptedTransport([])
        let credentials = UserCredentials.oauth2(
            accessToken: Secrets.oauth2Token, userID: "370773112", scopes: ["tweet.read", "users.read", "follows.read"]
        )
        let client = UserClient(credentials: credentials, configuration: configuration(transport))
        let error = await #expect(throws: XAPIError.self) {
            try await client.send(try Self.followRequest(), decoding: FollowResult.self)
        }
        #expect(error?.code == .authentication)
        #expect(error?.message.contains("follows.write") == true)
        #expect(transport.requests.isEmpty)
    }

    @Test func sufficientOrUnknownScopesAreSent() async throws {
        for scopes: Set<OAuth2Scope>? in [nil, ["tweet.read", "users.read", "follows.write", "offline.access"]] {
            let transport = ScriptedTransport([.json(#"{"data":{"following":true,"pending_follow":false}}"#)])
            let client = UserClient(
                credentials: .oauth2(accessToken: Secrets.oauth2Token, userID: "370773112", scopes: scopes),
                configuration: configuration(transport)
            )
            _ = try await client.send(try Self.followRequest(), decoding: FollowResult.self)
            #expect(transport.requests.first?.authorization == "Bearer \(Secrets.oauth2Token)")
        }
    }

    @Test func authenticatedUserIDResolution() throws {
        let client = UserClient(credentials: .oauth1(Secrets.oauth1), configuration: configuration(ScriptedTransport([])))
        #expect(try client.authenticatedUserID(nil, parameter: "id", operation: .follow) == "370773112")
        #expect(try client.authenticatedUserID("370773112", parameter: "id", operation: .follow) == "370773112")
        let mismatch = #expect(throws: XAPIError.self) {
            try client.authenticatedUserID("6253282", parameter: "id", operation: .follow)
        }
        #expect(mismatch?.code == .authenticatedUserMismatch)
        #expect(mismatch?.parameter == "id")
        let anonymous = UserClient(
            credentials: .oauth1(consumerKey: "k", consumerSecret: "s", accessToken: "no-prefix", accessTokenSecret: "t"),
            configuration: configuration(ScriptedTransport([]))
        )
        let unknown = #expect(throws: XAPIError.self) {
            try anonymous.authenticatedUserID(nil, parameter: "id", operation: .follow)
        }
        #expect(unknown?.code == .unknownAuthenticatedUser)
    }

    @Test(arguments: [
        ("https://api.twitter.com/2/problems/resource-not-found", 404),
        ("https://api.x.com/2/problems/resource-not-found", 404),
    ])
    func errorStatusesCarryTheProblem(type: String, status: Int) async throws {
        let transport = ScriptedTransport([.problem(
            #"{"detail":"Could not find user with id: [1].","title":"Not Found Error","type":"\#(type)","resource_id":"1"}"#,
            status: status, headers: [("x-rate-limit-remaining", "10")]
        )])
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration(transport))
        let error = await #expect(throws: XAPIError.self) {
            try await client.send(Self.followersRequest("1"), decoding: FollowsPage.self)
        }
        #expect(error?.code == .http)
        #expect(error?.status == 404)
        #expect(error?.operationID == "usersIdFollowers")
        #expect(error?.problem?.kind == .resourceNotFound)
        #expect(error?.problem?.additionalProperties["resource_id"] == "1")
        #expect(error?.rateLimit?.remaining == 10)
        #expect(error?.description.contains("Could not find user with id: [1].") == true)
        #expect(error?.description.contains("resource-not-found") == true)
    }

    @Test func decodingErrorsNameTheJSONPath() async throws {
        let users = (0...3).map { index in
            let count = index == 3 ? #""many""# : "\(index)"
            return #"{"id":"\#(index)","name":"n","username":"u","public_metrics":{"followers_count":\#(count),"following_count":1}}"#
        }.joined(separator: ",")
        let transport = ScriptedTransport([
            .json(#"{"data":[\#(users)]}"#),
            .json(#"{"data":[{"id":"1","name":"n"}]}"#),
        ])
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration(transport))
        let wrongType = await #expect(throws: XAPIError.self) {
            try await client.send(Self.followersRequest(), decoding: FollowsPage.self)
        }
        #expect(wrongType?.code == .decoding)
        #expect(wrongType?.decodingPath == "data[3].public_metrics.followers_count")
        #expect(wrongType?.status == 200)
        #expect(wrongType?.description.contains("data[3].public_metrics.followers_count") == true)
        let missing = await #expect(throws: XAPIError.self) {
            try await client.send(Self.followersRequest(), decoding: FollowsPage.self)
        }
        #expect(missing?.code == .decoding)
        #expect(missing?.decodingPath == "data[0].username")
        #expect(missing?.message.contains("\"username\" is missing") == true)
    }

    @Test func transportErrorsAreTyped() async throws {
        let transport = ScriptedTransport([nil])
        var configuration = configuration(transport)
        configuration.retryPolicy = .none
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration)
        let error = await #expect(throws: XAPIError.self) {
            try await client.send(Self.followersRequest(), decoding: FollowsPage.self)
        }
        #expect(error?.code == .transport)
        #expect(error?.message.contains("connection reset by peer") == true)
        #expect(error?.underlyingError is TransportFailure)
    }

    @Test func userMiddlewaresRunOutermostInOrderAndSigningHappensAfterThem() async throws {
        let transport = ScriptedTransport([.json(#"{"meta":{"result_count":0}}"#)])
        let log = EventLog()
        var configuration = configuration(transport)
        configuration.middlewares = [RecordingMiddleware(name: "outer", log: log), RecordingMiddleware(name: "inner", log: log)]
        let client = UserClient(credentials: .oauth1(Secrets.oauth1), configuration: configuration)
        _ = try await client.send(Self.followersRequest(), decoding: FollowsPage.self)
        #expect(log.events == [
            "outer→ authorization:none", "inner→ authorization:none", "inner← 200", "outer← 200",
        ])
        #expect(transport.requests.first?.authorization?.hasPrefix("OAuth ") == true)
    }

    @Test func serverURLWithATrailingSlashOrPathPrefix() async throws {
        let transport = ScriptedTransport([.json(#"{"meta":{"result_count":0}}"#), .json(#"{"meta":{"result_count":0}}"#)])
        for server in ["http://127.0.0.1:8080/", "http://127.0.0.1:8080/sandbox"] {
            var configuration = configuration(transport)
            configuration.serverURL = URL(string: server)!
            let client = UserClient(credentials: .oauth1(Secrets.oauth1), configuration: configuration)
            _ = try await client.send(Self.followersRequest(), decoding: FollowsPage.self)
        }
        let urls = transport.requests.map(\.url.absoluteString)
        #expect(urls == ["http://127.0.0.1:8080/2/users/2244994945/followers", "http://127.0.0.1:8080/sandbox/2/users/2244994945/followers"])
        for sent in transport.requests {
            let header = try OAuth1AuthorizationHeader(parsing: try #require(sent.authorization))
            let key = OAuth1Signature.signingKey(consumerSecret: Secrets.consumerSecret, tokenSecret: Secrets.accessTokenSecret)
            let base = OAuth1Signature.baseString(method: "GET", url: sent.url, protocolParameters: header.protocolParameters)
            #expect(OAuth1Signature.isValidSignature(header.signature, baseString: base, signingKey: key))
        }
    }

    @Test func responseMapKeepsLimits() {
        let headers: HTTPFields = [HTTPField.Name("x-rate-limit-remaining")!: "1"]
        let response = APIResponse(body: [1, 2, 3], status: 200, headers: headers)
        let mapped = response.map(\.count)
        #expect(mapped.body == 3)
        #expect(mapped.rateLimit?.remaining == 1)
        #expect(response.count == 3)
    }
}

/// Records what each middleware saw, in order.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []
    func append(_ event: String) { lock.withLock { recorded.append(event) } }
    var events: [String] { lock.withLock { recorded } }
}

struct RecordingMiddleware: ClientMiddleware {
    var name: String
    var log: EventLog

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        log.append("\(name)→ authorization:\(request.headerFields[.authorization] == nil ? "none" : "set")")
        let (response, body) = try await next(request, body, baseURL)
        log.append("\(name)← \(response.status.code)")
        return (response, body)
    }
}
