import Foundation
import Testing
@testable import XAPIRuntime

@Suite("Secrets stay secret")
struct SecretsTests {
    /// Sends a mix of successes and failures with every kind of credentials, capturing trace
    /// logs, and returns everything a user could see.
    static func exercise(_ credentials: UserCredentials) async throws -> [String] {
        let capture = LogCapture()
        let echo = "token=\(Secrets.oauth2Token) bearer=\(Secrets.bearer) secret=\(Secrets.consumerSecret) at=\(Secrets.accessToken) rt=\(AuthSecrets.refreshToken)"
        let transport = ScriptedTransport([
            .json(#"{"meta":{"result_count":0}}"#),
            nil,
            Reply(status: 401, headers: [("content-type", "text/plain")], body: "Unauthorized: \(echo) \(OAuth1Signature.percentEncode(Secrets.accessToken))"),
            .json("{\"data\":[{\"id\":\"\(Secrets.accessTokenSecret)\"}]}"),
            Reply(status: 200, headers: [("content-type", "text/html")], body: "<p>\(echo)</p>"),
        ])
        var configuration = configuration(transport)
        configuration.logger = capture.logger
        configuration.retryPolicy = .none
        let client = UserClient(credentials: credentials, configuration: configuration)
        var seen: [String] = []
        for _ in 0..<5 {
            do {
                let response = try await client.send(ClientTests.followersRequest(), decoding: FollowsPage.self)
                seen.append(String(describing: response.rateLimit))
            } catch let error as XAPIError {
                seen += [error.description, error.debugDescription, error.message, error.bodyExcerpt ?? "", "\(error)"]
            }
        }
        let signatures = try transport.requests.compactMap { request -> String? in
            guard let authorization = request.authorization, authorization.hasPrefix("OAuth") else { return nil }
            return try OAuth1AuthorizationHeader(parsing: authorization).signature
        }
        #expect(capture.records.contains { $0.contains("http.status=200") })
        #expect(capture.records.contains { $0.contains("authorization: <redacted>") })
        #expect(capture.records.contains { $0.contains("GET") && $0.contains("/2/users/2244994945/followers") })
        return seen + capture.records + signatures.map { "SIGNATURE:\($0)" }
    }

    @Test(arguments: [
        UserCredentials.oauth1(Secrets.oauth1),
        UserCredentials.oauth2(accessToken: Secrets.oauth2Token, userID: "370773112"),
        UserCredentials.oauth2Session(OAuth2Session(
            token: OAuth2UserToken(accessToken: Secrets.oauth2Token, userID: "370773112",
                                   refreshToken: AuthSecrets.refreshToken, expiresAt: .distantFuture),
            authorizer: confidentialAuthorizer(ScriptedTransport([])))),
    ])
    func logsErrorsAndDescriptionsNeverContainSecrets(credentials: UserCredentials) async throws {
        let everything = try await Self.exercise(credentials)
        let signatures = everything.filter { $0.hasPrefix("SIGNATURE:") }.map { String($0.dropFirst("SIGNATURE:".count)) }
        let visible = everything.filter { !$0.hasPrefix("SIGNATURE:") }
        let secrets: [String] = switch credentials {
        case .oauth1: [Secrets.consumerSecret, Secrets.accessToken, Secrets.accessTokenSecret] + signatures
            + signatures.map(OAuth1Signature.percentEncode)
        case .oauth2: [Secrets.oauth2Token]
        case .oauth2Session: [Secrets.oauth2Token, AuthSecrets.refreshToken, AuthSecrets.clientSecret]
        }
        if case .oauth1 = credentials { #expect(signatures.count == 5) }
        for text in visible {
            for secret in secrets {
                #expect(!text.contains(secret), "secret leaked into: \(text)")
            }
        }
    }

    @Test func bearerTokensStayOutOfLogsAndErrors() async throws {
        let capture = LogCapture()
        let transport = ScriptedTransport([Reply(status: 403, headers: [("content-type", "text/plain")], body: "forbidden for \(Secrets.bearer)")])
        var configuration = configuration(transport)
        configuration.logger = capture.logger
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration)
        let error = await #expect(throws: XAPIError.self) {
            try await client.send(ClientTests.followersRequest(), decoding: FollowsPage.self)
        }
        #expect(error?.bodyExcerpt == "forbidden for <redacted>")
        for text in capture.records + [error?.description ?? "", error?.debugDescription ?? "", "\(client.credentials)"] {
            #expect(!text.contains(Secrets.bearer))
        }
        #expect(!capture.records.isEmpty)
    }

    /// An error below the runtime that carries the request it failed, secrets included, in its
    /// description and in its members, as a transport's or a middleware's error may.
    struct EchoingError: Error, CustomStringConvertible {
        var request: String
        var description: String { "could not send: \(request)" }
    }

    /// Every way an error is shown: description, debug description, interpolation and `dump`.
    static func renderings(of error: XAPIError) -> [String] {
        var dumped = ""
        dump(error, to: &dumped)
        return [error.description, error.debugDescription, "\(error)", String(reflecting: error), dumped]
    }

    @Test("An underlying error holding the credentials' secrets shows none: not in the debug description, not in a dump")
    func underlyingErrorsShowNoSecret() async throws {
        let echoed = "Authorization: OAuth oauth_token=\"\(Secrets.accessToken)\", secret=\(Secrets.consumerSecret) "
            + "\(Secrets.accessTokenSecret) \(OAuth1Signature.percentEncode(Secrets.accessToken))"
        let transport = ScriptedTransport { _, _ in throw EchoingError(request: echoed) }
        var configuration = configuration(transport)
        configuration.retryPolicy = .none
        let client = UserClient(credentials: .oauth1(Secrets.oauth1), configuration: configuration)
        let thrown = await #expect(throws: XAPIError.self) {
            try await client.send(ClientTests.followersRequest(), decoding: FollowsPage.self)
        }
        let error = try #require(thrown)
        #expect(error.underlyingError is EchoingError)  // still there for code that looks at it
        for text in Self.renderings(of: error) {
            for secret in [Secrets.consumerSecret, Secrets.accessToken, Secrets.accessTokenSecret] {
                #expect(!text.contains(secret) && !text.contains(OAuth1Signature.percentEncode(secret)), "secret leaked into: \(text)")
            }
        }
        #expect(error.debugDescription.contains("underlying: EchoingError"))
    }

    @Test("An error made where the secrets are not known shows its underlying error's type only, also in a dump")
    func underlyingErrorsOfUnknownSecrets() {
        let error = XAPIError(code: .transport, operationID: "usersIdFollowers", message: "The request could not be completed.",
                              underlyingError: EchoingError(request: "token=\(Secrets.oauth2Token)"))
        for text in Self.renderings(of: error) {
            #expect(!text.contains(Secrets.oauth2Token), "secret leaked into: \(text)")
        }
        #expect(error.debugDescription.hasSuffix("; underlying: EchoingError)"))
        var dumped = ""
        dump(error, to: &dumped)
        #expect(dumped.contains("usersIdFollowers") && dumped.contains("EchoingError"), "\(dumped)")
    }
}
