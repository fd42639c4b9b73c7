import Foundation
import Testing
import XAPIRuntime
import XAPIServerRuntime

@Suite("Server: decoding and checking inputs")
struct ServerInputDecoderTests {
    enum Field: String, CaseIterable, Sendable { case createdAt = "created_at", name, id }

    struct Body: Codable, Sendable {
        var targetUserID: String
        enum CodingKeys: String, CodingKey { case targetUserID = "target_user_id" }
    }

    let route = ServerRoute(
        operation: OperationDescriptor(id: "op", method: .get, path: "/2/users/{id}/followers", security: [], isIdempotent: true),
        pathParameters: ["id": "2244994945"]
    )
    let parameters = ["id", "max_results", "pagination_token", "user.fields", "ids"]

    private func decoder(_ query: String?, body: String = "", repeatable: Set<String> = []) -> ServerInputDecoder {
        ServerInputDecoder(ServerRequest(method: .get, path: "/2/users/2244994945/followers", query: query, body: Data(body.utf8)),
                           route: route, parameters: parameters, repeatable: repeatable)
    }

    @Test("Valid values decode; absent optional ones are nil and no error")
    func validValues() throws {
        var decoder = decoder("max_results=5&user.fields=created_at,name&pagination_token=a%2Bb+c")
        #expect(decoder.path("id", .string(pattern: "^[0-9]{1,19}$")) == "2244994945")
        #expect(decoder.query("max_results", .integer(minimum: 1, maximum: 1000)) == 5)
        #expect(decoder.queryList("user.fields", .value(Field.self), minItems: 1) == [.createdAt, .name])
        #expect(decoder.query("pagination_token", .string(minLength: 1)) == "a+b c")
        #expect(decoder.queryList("ids", .string()) == nil)
        try decoder.finish()
    }

    @Test("Every broken rule is reported in X's words, not just the first")
    func everyProblem() {
        var decoder = decoder("max_results=5000&user.fields=created_at,bogus&pagination_token=&max_results=7&force=1")
        _ = decoder.query("max_results", .integer(minimum: 1, maximum: 1000))
        _ = decoder.queryList("user.fields", .value(Field.self), minItems: 1)
        _ = decoder.query("pagination_token", .string(minLength: 1))
        #expect(throws: InvalidRequestError.self) { try decoder.finish() }
        #expect(decoder.errors.map(\.message) == [
            "Duplicate parameters are not allowed: the `max_results` query parameter",
            "The query parameter [force] is not one of [id,ids,max_results,pagination_token,user.fields]",
            "The `max_results` query parameter value [5000] is not between 1 and 1000",
            "The `user.fields` query parameter value [bogus] is not one of [created_at,id,name]",
            "The `pagination_token` query parameter value [] is not between 1 and ∞ characters long",
        ])
        #expect(decoder.errors[2].json == .object([
            "message": .string("The `max_results` query parameter value [5000] is not between 1 and 1000"),
            "parameters": .object(["max_results": .array([.string("5000")])]),
        ]))
    }

    @Test("Text that is not a value, a missing required list, a list too long")
    func notValues() {
        var decoder = decoder("max_results=ten&ids=1,2,3")
        #expect(decoder.query("max_results", .integer()) == nil)
        #expect(decoder.queryList("ids", .string(pattern: "^[0-9]+$"), maxItems: 2) == nil)
        #expect(decoder.query("pagination_token", .string(), required: true) == nil)
        #expect(decoder.errors.map(\.message) == [
            "The `max_results` query parameter value [ten] is not a valid integer",
            "The number of values in the `ids` query parameter list [3] is not between 0 and 2",
            "The `pagination_token` query parameter can not be empty",
        ])
        #expect(decoder.errors[2].json == .object([
            "message": .string("The `pagination_token` query parameter can not be empty"),
            "parameters": .object(["pagination_token": .array([])]),
        ]))
    }

    @Test("A value given twice where the spec says uniqueItems is refused; without uniqueItems it is kept")
    func repeatedValues() {
        var unique = decoder("user.fields=name,created_at,name")
        #expect(unique.queryList("user.fields", .value(Field.self), minItems: 1, uniqueItems: true) == nil)
        #expect(unique.errors.map(\.message) == ["The `user.fields` query parameter value [name] is repeated; the values must be unique"])
        #expect(unique.errors.first?.json == .object([
            "message": .string("The `user.fields` query parameter value [name] is repeated; the values must be unique"),
            "parameters": .object(["user.fields": .array([.string("name,created_at,name")])]),
        ]))
        var plain = decoder("ids=1,1")
        #expect(plain.queryList("ids", .string()) == ["1", "1"])
        #expect(plain.errors.isEmpty)
    }

    @Test("An exploded list may repeat its parameter")
    func explodedList() throws {
        var decoder = decoder("ids=1&ids=2", repeatable: ["ids"])
        #expect(decoder.queryList("ids", .string(), explode: true) == ["1", "2"])
        try decoder.finish()
    }

    @Test("A JSON body decodes; a missing member, a wrong type or a broken pattern is X's message", arguments: [
        ("", "The request body must be a JSON object"),
        ("[1]", "The request body must be a JSON object"),
        ("{}", "$.target_user_id: is missing but it is required"),
        (#"{"target_user_id": 5}"#, "$.target_user_id: expected a string"),
        (#"{"target_user_id": "abc"}"#, "$.target_user_id: does not match the regex pattern ^[0-9]{1,19}$"),
    ])
    func body(text: String, message: String) {
        var decoder = decoder(nil, body: text)
        let body = decoder.jsonBody(Body.self)
        decoder.bodyMember("target_user_id", body?.targetUserID, .string(pattern: "^[0-9]{1,19}$"))
        #expect(decoder.errors.map(\.message) == [message])
    }

    @Test("The invalid-request problem is X's")
    func problem() {
        let error = InvalidRequestError(errors: [InvalidParameter(parameter: "id", value: "abc", message: "bad")])
        #expect(error.problem.type == "https://api.twitter.com/2/problems/invalid-request")
        #expect(error.problem.title == "Invalid Request")
        #expect(error.problem.detail == "One or more parameters to your request was invalid.")
        #expect(error.problem.additionalProperties["errors"] == .array([.object([
            "message": .string("bad"), "parameters": .object(["id": .array([.string("abc")])]),
        ])]))
    }
}
