import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing
import XAPIRuntime

/// What goes on the wire besides JSON, through the code generated from the shape matrix's
/// `wire_operations` (Tests/ShapeMatrix/generate.py) and an echo transport: header and cookie
/// parameters, every security scheme alone, together and as alternatives, and multipart,
/// form, binary and text bodies, each byte as sent.
@Suite("Shape matrix: the wire", .timeLimit(.minutes(3)))
struct WireTests {
    static let server = URL(string: "https://shapes.example.com")!

    static func schemeClient(_ transport: EchoTransport, _ credentials: [SecuritySchemeDescriptor: SchemeCredential]) -> SchemeClient {
        SchemeClient(credentials: SchemeCredentials(credentials), configuration: ClientConfiguration(serverURL: server, transport: transport))
    }

    static func sent(_ transport: EchoTransport) async throws -> EchoTransport.Received {
        try #require(await transport.received.first)
    }

    static func bytes(_ body: HTTPBody) async throws -> Data {
        try await Data(collecting: body, upTo: 1 << 20)
    }

    @Test("Header and cookie parameters are sent as typed, lists comma-separated; a broken rule is refused before sending")
    func headersAndCookies() async throws {
        let transport = EchoTransport()
        let client = AppOnlyClient.echoing(transport)
        _ = try await client.headers(xCount: 3, session: "abc123", xTags: ["a", "b c"], xMode: .fast, ids: [1, 2])
        let sent = try await Self.sent(transport)
        #expect(sent.headerFields[HTTPField.Name("X-Count")!] == "3")
        #expect(sent.headerFields[HTTPField.Name("X-Tags")!] == "a,b c")
        #expect(sent.headerFields[HTTPField.Name("X-Mode")!] == "fast")
        #expect(sent.headerFields[.cookie] == "session=abc123; ids=1,2")
        #expect(sent.path == "/headers")
        await #expect(throws: XAPIError.self) { _ = try await client.headers(xCount: 0, session: "abc") }
        await #expect(throws: XAPIError.self) { _ = try await client.headers(xCount: 1, session: "no spaces") }
        #expect(await transport.received.count == 1)
    }

    @Test("API keys in a header, the query and a cookie go together (AND)")
    func keysTogether() async throws {
        let transport = EchoTransport()
        _ = try await Self.schemeClient(transport, [.headerKey: .apiKey("h-key"), .queryKey: .apiKey("q key"), .cookieKey: .apiKey("c-key")])
            .secureAnd()
        let sent = try await Self.sent(transport)
        #expect(sent.headerFields[HTTPField.Name("X-API-Key")!] == "h-key")
        #expect(sent.path == "/secure/and?key=q%20key")
        #expect(sent.headerFields[.cookie] == "token=c-key")
        #expect(sent.headerFields[.authorization] == nil)
        // One of the three missing: refused before sending.
        let partial = EchoTransport()
        await #expect(throws: XAPIError.self) {
            _ = try await Self.schemeClient(partial, [.headerKey: .apiKey("h-key"), .queryKey: .apiKey("q")]).secureAnd()
        }
        #expect(await partial.received.isEmpty)
    }

    @Test("HTTP Basic, or a bearer token and an API key together (OR): each alternative as it is written")
    func alternatives() async throws {
        let basic = EchoTransport()
        _ = try await Self.schemeClient(basic, [.basic: .basic(username: "ann", password: "s3cret")]).secureOr()
        #expect(try await Self.sent(basic).headerFields[.authorization] == "Basic " + Data("ann:s3cret".utf8).base64EncodedString())
        let both = EchoTransport()
        _ = try await Self.schemeClient(both, [.bearerToken: .token("t0k"), .headerKey: .apiKey("h-key")]).secureOr()
        let sent = try await Self.sent(both)
        #expect(sent.headerFields[.authorization] == "Bearer t0k")
        #expect(sent.headerFields[HTTPField.Name("X-API-Key")!] == "h-key")
    }

    @Test("Two OAuth 2.0 schemes together are one user token holding both scopes")
    func oauthTogether() async throws {
        let transport = EchoTransport()
        let client = UserClient(credentials: .oauth2(accessToken: "user-token", scopes: ["read", "write"]),
                                configuration: ClientConfiguration(serverURL: Self.server, transport: transport))
        _ = try await client.secureOAuth()
        #expect(try await Self.sent(transport).headerFields[.authorization] == "Bearer user-token")
        let lacking = UserClient(credentials: .oauth2(accessToken: "user-token", scopes: ["read"]),
                                 configuration: ClientConfiguration(serverURL: Self.server, transport: EchoTransport()))
        await #expect(throws: XAPIError.self) { _ = try await lacking.secureOAuth() }
    }

    @Test("A multipart form: the JSON part, text parts and file parts in order, the files streamed")
    func multipart() async throws {
        let transport = EchoTransport()
        let (stream, producer) = AsyncStream<ArraySlice<UInt8>>.makeStream()
        producer.yield([0xFF, 0x00])
        producer.yield([0x7F])
        producer.finish()
        let file = MultipartFile(HTTPBody(stream, length: .unknown, iterationBehavior: .single), filename: "a.bin")
        let echoed = try await AppOnlyClient.echoing(transport).multipart(
            meta: Cat(kind: "cat", meows: 2), file: file, count: 7, tags: ["x", "y"],
            files: [MultipartFile(HTTPBody("plain"), filename: "b.txt", contentType: "text/plain")])
        let sent = try await Self.sent(transport)
        let type = try #require(sent.contentType)
        let boundary = String(type.dropFirst("multipart/form-data; boundary=".count))
        #expect(type == "multipart/form-data; boundary=\(boundary)")
        func part(_ name: String, _ type: String, _ body: String, filename: String? = nil) -> String {
            "--\(boundary)\r\ncontent-disposition: form-data; name=\"\(name)\"" + (filename.map { "; filename=\"\($0)\"" } ?? "")
                + "\r\ncontent-length: \(body.utf8.count)\r\ncontent-type: \(type)\r\n\r\n\(body)\r\n"
        }
        var expected = Data((part("meta", "application/json", #"{"kind":"cat","meows":2}"#)
            + part("count", "text/plain; charset=utf-8", "7")
            + part("tags", "text/plain; charset=utf-8", "x") + part("tags", "text/plain; charset=utf-8", "y")
            + "--\(boundary)\r\ncontent-disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\ncontent-type: application/octet-stream\r\n\r\n").utf8)
        expected.append(contentsOf: [0xFF, 0x00, 0x7F])
        expected.append(contentsOf: Array(("\r\n" + part("files", "text/plain", "plain", filename: "b.txt") + "--\(boundary)--\r\n\r\n").utf8))
        #expect(sent.body == expected, "\(String(decoding: sent.body ?? Data(), as: UTF8.self))")
        #expect(try await Self.bytes(echoed.body) == expected)
    }

    @Test("A form body: members in name order, lists repeated, an object's members as name[member]")
    func form() async throws {
        let transport = EchoTransport()
        let echoed = try await AppOnlyClient.echoing(transport).form(body: FormRequest(name: "a b&c", count: 2, tags: ["x", "y"], pet: Cat(kind: "cat", meows: 1)))
        let sent = try await Self.sent(transport)
        #expect(sent.contentType == "application/x-www-form-urlencoded")
        let text = "count=2&name=a%20b%26c&pet%5Bkind%5D=cat&pet%5Bmeows%5D=1&tags=x&tags=y"
        #expect(sent.body == Data(text.utf8))
        #expect(try await Self.bytes(echoed.body) == Data(text.utf8))
    }

    @Test("Bytes up and down: every byte value, streamed both ways")
    func binary() async throws {
        let transport = EchoTransport()
        let all = Data((0...255).map { UInt8($0) } + (0...255).reversed().map { UInt8($0) })
        let echoed = try await AppOnlyClient.echoing(transport).binary(body: HTTPBody(all))
        let sent = try await Self.sent(transport)
        #expect(sent.contentType == "application/octet-stream")
        #expect(sent.headerFields[.accept] == "application/octet-stream")
        #expect(sent.body == all)
        #expect(try await Self.bytes(echoed.body) == all)
    }

    @Test("Text both ways, and a body of three content types sent as the function chosen says")
    func textAndChoice() async throws {
        let transport = EchoTransport()
        let client = AppOnlyClient.echoing(transport)
        let text = try await client.textBody(body: "naïve ✓\nline")
        #expect(text.body == "naïve ✓\nline")
        _ = try await client.choice(kind: "cat", meows: 1)
        _ = try await client.choiceForm(body: Cat(kind: "cat", meows: 1))
        _ = try await client.choiceText(body: "cat")
        let sent = await transport.received
        #expect(sent.map(\.contentType) == ["text/plain; charset=utf-8", "application/json",
                                            "application/x-www-form-urlencoded", "text/plain; charset=utf-8"])
        #expect(sent.map { String(decoding: $0.body ?? Data(), as: UTF8.self) } == [
            "naïve ✓\nline", #"{"kind":"cat","meows":1}"#, "kind=cat&meows=1", "cat",
        ])
    }
}
