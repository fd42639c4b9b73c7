import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing
@testable import XAPIRuntime

/// A spec's own security schemes: API keys in a header, a query or a cookie, HTTP Basic,
/// bearer and OAuth 2.0 tokens, alone (OR) and together (AND), on the wire exactly; secrets
/// never printed.
@Suite("Scheme credentials")
struct SchemeCredentialsTests {
    static let headerKey = SecuritySchemeDescriptor(name: "api_key", kind: .apiKey(name: "Api-Key", in: .header))
    static let username = SecuritySchemeDescriptor(name: "api_username", kind: .apiKey(name: "Api-Username", in: .header))
    static let queryKey = SecuritySchemeDescriptor(name: "key", kind: .apiKey(name: "key", in: .query))
    static let cookieKey = SecuritySchemeDescriptor(name: "session", kind: .apiKey(name: "SESSION", in: .cookie))
    static let basic = SecuritySchemeDescriptor(name: "basicAuth", kind: .http(scheme: "basic"))
    static let bearer = SecuritySchemeDescriptor(name: "bearerAuth", kind: .http(scheme: "bearer"))
    static let oauth2 = SecuritySchemeDescriptor(name: "petstore_auth", kind: .oauth2)

    static let key = "k3y-SECRET-0123456789"
    static let password = "pa55-SECRET-word"
    static let token = "t0ken-SECRET-abcdef"

    static func operation(_ alternatives: [[SecuritySchemeDescriptor]], path: String = "/things") -> OperationDescriptor {
        OperationDescriptor(id: "getThings", method: .get, path: path, security: [],
                            schemeSecurity: alternatives.map { SchemeRequirement($0.map { .init($0) }) },
                            isIdempotent: true)
    }

    static func send(_ credentials: SchemeCredentials, _ operation: OperationDescriptor,
                     build: (inout OperationRequest) throws -> Void = { _ in }) async throws -> RecordedRequest {
        let transport = ScriptedTransport([.json("{}")])
        let client = SchemeClient(credentials: credentials, configuration: configuration(transport))
        var request = OperationRequest(operation)
        try build(&request)
        _ = try await client.send(request, decoding: JSONValue.self)
        return try #require(transport.requests.first)
    }

    @Test("Two API keys in headers go together (AND), each in its field")
    func headerKeysTogether() async throws {
        let credentials = SchemeCredentials([Self.headerKey: .apiKey(Self.key), Self.username: .apiKey("system")])
        let sent = try await Self.send(credentials, Self.operation([[Self.headerKey, Self.username]]))
        #expect(sent.request.headerFields[HTTPField.Name("Api-Key")!] == Self.key)
        #expect(sent.request.headerFields[HTTPField.Name("Api-Username")!] == "system")
        #expect(sent.authorization == nil)
    }

    @Test("An API key in the query is appended, encoded, after the operation's own items")
    func queryKey() async throws {
        let credentials = SchemeCredentials([Self.queryKey: .apiKey("a b&c")])
        let sent = try await Self.send(credentials, Self.operation([[Self.queryKey]])) { request in
            request.appendQueryItem("q", value: "books")
        }
        #expect(sent.request.path == "/things?q=books&key=a%20b%26c")
    }

    @Test("An API key in a cookie joins the cookie parameters in one Cookie field")
    func cookieKey() async throws {
        let credentials = SchemeCredentials([Self.cookieKey: .apiKey(Self.key)])
        let sent = try await Self.send(credentials, Self.operation([[Self.cookieKey]])) { request in
            try request.setCookieParameter("theme", value: "dark")
        }
        #expect(sent.request.headerFields[.cookie] == "theme=dark; SESSION=\(Self.key)")
    }

    @Test("HTTP Basic sends base64 of user:password; bearer and OAuth 2.0 send the token")
    func authorizationSchemes() async throws {
        let basic = try await Self.send(SchemeCredentials([Self.basic: .basic(username: "ann", password: Self.password)]),
                                        Self.operation([[Self.basic]]))
        #expect(basic.authorization == "Basic " + Data("ann:\(Self.password)".utf8).base64EncodedString())
        let bearer = try await Self.send(SchemeCredentials([Self.bearer: .token(Self.token)]), Self.operation([[Self.bearer]]))
        #expect(bearer.authorization == "Bearer \(Self.token)")
        let oauth2 = try await Self.send(SchemeCredentials([Self.oauth2: .token(Self.token)]), Self.operation([[Self.oauth2]]))
        #expect(oauth2.authorization == "Bearer \(Self.token)")
    }

    @Test("Of alternatives (OR), the first the credentials satisfy is used, and only it")
    func alternatives() async throws {
        let operation = Self.operation([[Self.headerKey, Self.username], [Self.oauth2]])
        let sent = try await Self.send(SchemeCredentials([Self.oauth2: .token(Self.token), Self.headerKey: .apiKey(Self.key)]), operation)
        // The API key alone does not satisfy the first alternative, which needs the user name too.
        #expect(sent.authorization == "Bearer \(Self.token)")
        #expect(sent.request.headerFields[HTTPField.Name("Api-Key")!] == nil)
    }

    @Test("Credentials that satisfy no alternative are refused before anything is sent, without the secret")
    func unsatisfied() async throws {
        let transport = ScriptedTransport([.json("{}")])
        let client = SchemeClient(credentials: SchemeCredentials([Self.headerKey: .apiKey(Self.key)]), configuration: configuration(transport))
        let error = await #expect(throws: XAPIError.self) {
            _ = try await client.send(OperationRequest(Self.operation([[Self.headerKey, Self.username], [Self.basic]])), decoding: JSONValue.self)
        }
        #expect(error?.code == .authentication)
        #expect(error?.message.contains("api_username") == true)
        #expect(error?.description.contains(Self.key) == false)
        #expect(transport.requests.isEmpty)
        // A credential of the wrong kind for its scheme is refused too.
        let wrong = SchemeClient(credentials: SchemeCredentials([Self.basic: .apiKey(Self.key)]), configuration: configuration(transport))
        await #expect(throws: XAPIError.self) {
            _ = try await wrong.send(OperationRequest(Self.operation([[Self.basic]])), decoding: JSONValue.self)
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("X's clients refuse an operation that only takes the spec's own schemes, before sending")
    func xCredentialsRefused() async throws {
        let transport = ScriptedTransport([.json("{}")])
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration(transport))
        let error = await #expect(throws: XAPIError.self) {
            _ = try await client.send(OperationRequest(Self.operation([[Self.headerKey]])), decoding: JSONValue.self)
        }
        #expect(error?.code == .authentication)
        #expect(transport.requests.isEmpty)
    }

    @Test("Secrets never show in descriptions, debug descriptions or dump")
    func redaction() {
        let credentials = SchemeCredentials([Self.headerKey: .apiKey(Self.key), Self.basic: .basic(username: "ann", password: Self.password),
                                             Self.bearer: .token(Self.token)])
        var dumped = ""
        dump(credentials, to: &dumped)
        var dumpedCredential = ""
        dump(SchemeCredential.basic(username: "ann", password: Self.password), to: &dumpedCredential)
        let basicPair = Data("ann:\(Self.password)".utf8).base64EncodedString()
        for text in [credentials.description, credentials.debugDescription, String(reflecting: credentials), dumped, dumpedCredential,
                     "\(SchemeCredential.token(Self.token))", "\(SchemeCredential.apiKey(Self.key))"] {
            for secret in [Self.key, Self.password, Self.token, basicPair] {
                #expect(!text.contains(secret), "\(text)")
            }
        }
        #expect(credentials.description == "SchemeCredentials(api_key: apiKey(<redacted>), basicAuth: basic(username: ann, password: <redacted>), bearerAuth: token(<redacted>))")
        #expect(Set(Redaction.secrets(of: credentials)).isSuperset(of: [Self.key, Self.password, Self.token, basicPair]))
    }

    @Test("Header and cookie parameters are sent as given, lists comma-separated; line breaks are refused")
    func headerAndCookieParameters() async throws {
        let sent = try await Self.send(SchemeCredentials(named: [:]), OperationDescriptor(id: "op", method: .get, path: "/x", security: [], isIdempotent: true)) { request in
            try request.setHeaderParameter("X-Request-Id", value: 42)
            try request.setHeaderParameter("X-Tags", values: ["a", "b"])
            try request.setHeaderParameter("X-Absent", value: String?.none)
            try request.setCookieParameter("a", value: "1")
            try request.setCookieParameter("b", values: Set(["y", "x"]))
        }
        #expect(sent.request.headerFields[HTTPField.Name("X-Request-Id")!] == "42")
        #expect(sent.request.headerFields[HTTPField.Name("X-Tags")!] == "a,b")
        #expect(sent.request.headerFields[HTTPField.Name("X-Absent")!] == nil)
        #expect(sent.request.headerFields[.cookie] == "a=1; b=x,y")
        var request = OperationRequest(OperationDescriptor(id: "op", method: .get, path: "/x", security: [], isIdempotent: true))
        #expect(throws: XAPIError.self) { try request.setHeaderParameter("X-Injected", value: "a\r\nEvil: 1") }
        #expect(throws: XAPIError.self) { try request.setCookieParameter("c", value: "a; evil=1") }
        #expect(request.headerItems.isEmpty && request.cookieItems.isEmpty)
    }
}
