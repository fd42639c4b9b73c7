import Foundation
import HTTPTypes
import Testing
import XAPIRuntime
import XAPIServerRuntime

@Suite("Server: header and cookie parameters")
struct ServerHeaderInputTests {
    let route = ServerRoute(
        operation: OperationDescriptor(id: "op", method: .get, path: "/things", security: [], isIdempotent: true),
        pathParameters: [:]
    )

    private func decoder(_ fields: HTTPFields) -> ServerInputDecoder {
        ServerInputDecoder(ServerRequest(method: .get, path: "/things", query: nil, headerFields: fields), route: route, parameters: [])
    }

    @Test("Header parameters decode by name, case-insensitively; lists split at commas; cookies by name")
    func decodes() throws {
        var fields: HTTPFields = [HTTPField.Name("api-key")!: "secret", HTTPField.Name("X-Limit")!: "25",
                                  HTTPField.Name("X-Tags")!: "a, b", .cookie: "theme=dark; ids=1,2"]
        fields.append(HTTPField(name: HTTPField.Name("X-Tags")!, value: "c"))
        var decoder = decoder(fields)
        #expect(decoder.header("Api-Key", .string(), required: true) == "secret")
        #expect(decoder.header("X-Limit", .integer(minimum: 1, maximum: 100)) == 25)
        #expect(decoder.headerList("X-Tags", .string()) == ["a", "b", "c"])
        #expect(decoder.header("X-Absent", .string()) == nil)
        #expect(decoder.cookie("theme", .string(allowed: ["dark", "light"])) == "dark")
        #expect(decoder.cookieList("ids", .integer()) == [1, 2])
        try decoder.finish()
    }

    @Test("A missing required header and a header that breaks its rules are reported, naming the place")
    func problems() {
        var decoder = decoder([HTTPField.Name("X-Limit")!: "500", .cookie: "theme=blue"])
        _ = decoder.header("Api-Key", .string(), required: true)
        _ = decoder.header("X-Limit", .integer(minimum: 1, maximum: 100))
        _ = decoder.cookie("theme", .string(allowed: ["dark", "light"]))
        _ = decoder.cookie("session", .string(), required: true)
        #expect(decoder.errors.map(\.parameter) == ["Api-Key", "X-Limit", "theme", "session"])
        #expect(decoder.errors[0].message == "The `Api-Key` header parameter can not be empty")
        #expect(decoder.errors[3].message == "The `session` cookie parameter can not be empty")
        #expect(throws: InvalidRequestError.self) { try decoder.finish() }
    }
}
