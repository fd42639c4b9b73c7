import Foundation
import Testing
@testable import XAPIRuntime
@testable import XAPIServerRuntime

/// A server and a client check a value with the same rules (``ParameterRules``) and differ
/// only in wording: the client's XAPIError, X's words on the server.
@Suite("Server wording of parameter rules")
struct ParameterViolationServerWordingTests {
    private let route = ServerRoute(
        operation: OperationDescriptor(id: "op", method: .get, path: "/items", security: [], isIdempotent: true),
        pathParameters: [:]
    )

    private func serverMessage<Value>(_ format: ParameterFormat<Value>, _ text: String) -> String? {
        let request = ServerRequest(method: .get, path: "/items", query: "p=" + text.replacingOccurrences(of: "+", with: "%2B"))
        var decoder = ServerInputDecoder(request, route: route, parameters: ["p"])
        _ = decoder.query("p", format)
        return decoder.errors.first?.message
    }

    @Test("Each rule in X's words, from the rule the client checks", arguments: [
        ("5000", "is not between 1 and 1000"),
        ("0", "is not between 1 and 1000"),
    ])
    func bothBounds(text: String, words: String) {
        #expect(serverMessage(.integer(minimum: 1, maximum: 1000), text) == "The `p` query parameter value [\(text)] \(words)")
        let client = ParameterRules.violation(Int(text)!, minimum: 1, maximum: 1000, parameter: "p")
        #expect(client?.serverMessage == "The `p` query parameter value [\(text)] \(words)")
    }

    @Test("One-sided integer bounds name the bound; number bounds give the range")
    func oneSidedAndNumbers() {
        #expect(serverMessage(.integer(minimum: 1), "0") == "The `p` query parameter value [0] is less than 1")
        #expect(serverMessage(.integer(maximum: 9), "10") == "The `p` query parameter value [10] is greater than 9")
        #expect(serverMessage(.integer(maximum: 9), "+10") == "The `p` query parameter value [+10] is greater than 9")
        #expect(serverMessage(.number(minimum: 0.5), "0.25") == "The `p` query parameter value [0.25] is not between 0.5 and ∞")
        #expect(serverMessage(.number(maximum: 1), "2") == "The `p` query parameter value [2] is not between -∞ and 1.0")
        #expect(serverMessage(.number(), "nan") == "The `p` query parameter value [nan] is not a valid number")
        #expect(serverMessage(.integer(minimum: 1), "1") == nil)
    }

    @Test("Lengths, patterns, listed values and body members")
    func textRules() {
        #expect(serverMessage(.string(maxLength: 3), "abcd") == "The `p` query parameter value [abcd] is not between 0 and 3 characters long")
        #expect(serverMessage(.string(pattern: "^[0-9]+$"), "x1") == "The `p` query parameter value [x1] does not match ^[0-9]+$")
        #expect(serverMessage(.string(pattern: "([0-9"), "1") == "The `p` query parameter value [1] does not match ([0-9")
        #expect(serverMessage(.string(allowed: ["b", "a"]), "c") == "The `p` query parameter value [c] is not one of [a,b]")
        let request = ServerRequest(method: .post, target: "/items")
        var decoder = ServerInputDecoder(request, route: route, parameters: [])
        decoder.bodyMember("target_user_id", "x1", .string(pattern: "^[0-9]{1,19}$"))
        decoder.bodyMember("count", 0, .integer(minimum: 1, maximum: 5))
        #expect(decoder.errors.map(\.message) == [
            "$.target_user_id: does not match the regex pattern ^[0-9]{1,19}$",
            "$.count: is not between 1 and 5",
        ])
    }
}
