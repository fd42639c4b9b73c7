import Foundation
import Testing
@testable import XAPIGenerator

/// Header and cookie parameters, and the security schemes of specs that are not X's: what the
/// generated client and server say, and the warnings where the runtime sends less.
@Suite("Snippets: headers, cookies and security schemes")
struct SecurityAndHeaderSnippetTests {
    static let document = """
    openapi: 3.0.3
    info: {title: Shop, version: '1'}
    security:
      - api_key: []
        api_username: []
      - basicAuth: []
    paths:
      /orders/{id}:
        get:
          operationId: getOrder
          parameters:
            - {name: id, in: path, required: true, schema: {type: integer}}
            - {name: ID, in: header, schema: {type: string, pattern: '^[a-z]+$'}}
            - {name: X-Tags, in: header, schema: {type: array, items: {type: string}}}
            - {name: session, in: cookie, required: true, schema: {type: string}}
            - {name: Accept, in: header, schema: {type: string}}
          responses: {'200': {description: OK}}
      /books:
        get:
          operationId: listBooks
          security:
            - Oauth2: [books]
              Oauth2c: [books, extra]
          responses: {'200': {description: OK}}
      /admin:
        get:
          operationId: admin
          security:
            - bearerAuth: []
            - petstore_auth: [read]
          responses: {'200': {description: OK}}
      /open:
        get:
          operationId: open
          security: [{}]
          responses: {'200': {description: OK}}
    components:
      securitySchemes:
        api_key: {type: apiKey, name: Api-Key, in: header}
        api_username: {type: apiKey, name: Api-Username, in: header}
        basicAuth: {type: http, scheme: basic}
        bearerAuth: {type: http, scheme: bearer, x-auth-context: user}
        Oauth2:
          type: oauth2
          flows: {implicit: {authorizationUrl: 'https://example.com/auth', scopes: {books: Books, extra: Extra}}}
        Oauth2c:
          type: oauth2
          flows: {authorizationCode: {authorizationUrl: 'https://example.com/auth', tokenUrl: 'https://example.com/token', scopes: {books: Books, extra: Extra}}}
        petstore_auth:
          type: oauth2
          flows: {implicit: {authorizationUrl: 'https://example.com/auth', scopes: {read: Read}}}
    """

    @Test("Header and cookie parameters are typed arguments, named apart from path parameters, sent with the request")
    func headerArguments() throws {
        let clients = try #require(try generate(Self.document)[.clients])
        #expect(clients.contains("""
            public func getOrder(
                id: Int,
                session: String,
                id2: String? = nil,
                xTags: [String] = []
            ) async throws -> APIResponse<NoContent> {
        """), "\(clients)")
        #expect(clients.contains("try ParameterValidation.check(value, pattern: \"^[a-z]+$\", parameter: \"ID\", operation: operation.id)"))
        #expect(clients.contains("try request.setHeaderParameter(\"ID\", value: id2)"))
        #expect(clients.contains("try request.setHeaderParameter(\"X-Tags\", values: xTags)"))
        #expect(clients.contains("try request.setCookieParameter(\"session\", value: session)"))
        #expect(!clients.contains("\"Accept\""))
    }

    @Test("Accept, Content-Type and Authorization header parameters are ignored with a located warning")
    func reservedHeaders() {
        let found = diagnostics(Self.document).map(\.description)
        #expect(found.contains("spec.yaml:16:18: warning: header parameter 'Accept' is ignored, as OpenAPI says: the content types and security schemes set it"), "\(found)")
    }

    @Test("A server input decodes header and cookie parameters; the query accepts only path and query names")
    func serverDecodes() throws {
        let server = try Generator(mode: .server).generate(yaml: Self.document, file: "spec.yaml").files[0].contents
        #expect(server.contains("let id2 = decoder.header(\"ID\", .string(pattern: \"^[a-z]+$\"))"), "\(server)")
        #expect(server.contains("let xTags = decoder.headerList(\"X-Tags\", .string())"))
        #expect(server.contains("let session = decoder.cookie(\"session\", .string(), required: true)"))
        #expect(server.contains("var decoder = ServerInputDecoder(request, route: route, parameters: [\"id\"])"))
    }

    @Test("The spec's own schemes: scheme descriptors, SchemeRequirements (AND within, OR between), functions of SchemeContext")
    func ownSchemes() throws {
        let files = try generate(Self.document)
        let operations = try #require(files[.operations])
        #expect(operations.contains("""
                schemeSecurity: [
                    SchemeRequirement([.init(.apiKey), .init(.apiUsername)]),
                    SchemeRequirement([.init(.basicAuth)]),
                ],
        """), "\(operations)")
        #expect(operations.contains("public static let apiKey = SecuritySchemeDescriptor(name: \"api_key\", kind: .apiKey(name: \"Api-Key\", in: .header))"))
        #expect(operations.contains("public static let basicAuth = SecuritySchemeDescriptor(name: \"basicAuth\", kind: .http(scheme: \"basic\"))"))
        let clients = try #require(files[.clients])
        let schemeExtension = try #require(clients.range(of: "extension XAPIClient where Context == SchemeContext {"))
        #expect(clients[schemeExtension.upperBound...].contains("public func getOrder("))
        #expect(clients.contains("""
            /// - Authentication: `api_key` and `api_username` (`SchemeCredentials`); `basicAuth`
            ///   (`SchemeCredentials`).
        """))
    }

    @Test("OAuth 2.0 schemes required together are one user token with both scopes; bearer or OAuth 2.0 is a user client's")
    func oauth2Together() throws {
        let files = try generate(Self.document)
        let operations = try #require(files[.operations])
        #expect(operations.contains("security: [.oauth2UserContext(scopes: [.books, .extra])],"), "\(operations)")
        let clients = try #require(files[.clients])
        let user = try #require(clients.range(of: "extension XAPIClient where Context == UserContext {"))
        let scheme = try #require(clients.range(of: "extension XAPIClient where Context == SchemeContext {"))
        let userPart = clients[user.upperBound..<scheme.lowerBound]
        #expect(userPart.contains("public func listBooks(") && userPart.contains("public func admin("))
        // Optional authentication (`{}`): every client.
        let unconstrained = try #require(clients.range(of: "extension XAPIClient {"))
        #expect(clients[unconstrained.upperBound..<user.lowerBound].contains("public func `open`("))
        #expect(diagnostics(Self.document).allSatisfy { $0.severity == .warning })
    }

    @Test("HTTP schemes the runtime does not compute and mutual TLS are warnings where the scheme is written; no operation is dropped")
    func warnings() throws {
        let text = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /a:
            get:
              operationId: a
              security: [{digest: []}, {mtls: []}]
              responses: {'200': {description: OK}}
        components:
          securitySchemes:
            digest: {type: http, scheme: digest}
            mtls: {type: mutualTLS}
        """
        #expect(diagnostics(text).map(\.description) == [
            "spec.yaml:11:13: warning: security scheme 'digest' uses HTTP 'digest', which the runtime does not compute: the token given is sent as 'Authorization: digest <token>'",
            "spec.yaml:12:11: warning: security scheme 'mtls' is mutual TLS: the transport must present the client certificate; generated requests carry nothing for it",
        ])
        #expect(try generate(text)[.clients]?.contains("public func a()") == true)
    }

    @Test("An API key scheme needs a name and a place, and a header name must be a token")
    func badAPIKey() {
        let base = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  securitySchemes:\n"
        #expect(diagnostics(base + "    k: {type: apiKey, name: key, in: body}\n").map(\.description) == ["spec.yaml:6:38: error: 'in' of security scheme 'k' must be header, query or cookie, not 'body'"])
        #expect(diagnostics(base + "    k: {type: apiKey, name: 'a key', in: header}\n").map(\.description) == ["spec.yaml:6:29: error: 'name' of security scheme 'k' is not a header field name (letters, digits and !#$%&'*+-.^_`|~)"])
        #expect(diagnostics(base + "    k: {type: apiKey, in: header}\n").first?.message == "missing required key 'name' in security scheme 'k'")
    }
}
