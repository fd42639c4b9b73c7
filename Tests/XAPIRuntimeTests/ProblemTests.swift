import Foundation
import Testing
@testable import XAPIRuntime

@Suite("Problem documents")
struct ProblemTests {
    @Test(arguments: ["https://api.twitter.com/2/problems/resource-not-found", "https://api.x.com/2/problems/resource-not-found"])
    func kindMatchesBothHosts(type: String) throws {
        let json = #"{"value":"2244994945","detail":"Could not find user with id: [2244994945].","title":"Not Found Error","resource_type":"user","parameter":"id","resource_id":"2244994945","type":"\#(type)"}"#
        let problem = try XAPIJSON.makeDecoder().decode(Problem.self, from: Data(json.utf8))
        #expect(problem.kind == .resourceNotFound)
        #expect(problem.title == "Not Found Error")
        #expect(problem.detail == "Could not find user with id: [2244994945].")
        #expect(problem.additionalProperties == [
            "value": "2244994945", "resource_type": "user", "parameter": "id", "resource_id": "2244994945",
        ])
    }

    @Test func invalidRequestKeepsNestedErrors() throws {
        let json = #"{"errors":[{"parameters":{"id":["abc"]},"message":"The `id` query parameter value [abc] is not valid"}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}"#
        let problem = try XAPIJSON.makeDecoder().decode(Problem.self, from: Data(json.utf8))
        #expect(problem.kind == .invalidRequest)
        #expect(problem.additionalProperties["errors"]?[0]?["parameters"]?["id"]?[0] == "abc")
    }

    @Test(arguments: [
        ("https://api.x.com/2/problems/new-thing", Problem.Kind.other("new-thing")),
        ("https://api.x.com/2/problems/usage-capped/", .usageCapped),
        ("https://api.twitter.com/2/problems/client-forbidden?reason=x", .clientForbidden),
        ("https://api.x.com/2/problems/unsupported-authentication", .unsupportedAuthentication),
        ("https://api.x.com/2/problems/not-authorized-for-resource", .notAuthorizedForResource),
        ("about:blank", .aboutBlank),
        ("", .aboutBlank),
    ])
    func kinds(type: String, kind: Problem.Kind) {
        #expect(Problem(type: type).kind == kind)
    }

    @Test func missingTypeIsAboutBlankAndUnknownKindKeepsItsName() {
        #expect(Problem(title: "Unauthorized", status: 401).kind == .aboutBlank)
        #expect(Problem(type: "https://api.x.com/2/problems/new-thing").kind.name == "new-thing")
    }

    @Test func aboutBlankUnauthorizedBody() throws {
        let json = #"{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}"#
        let problem = try XAPIJSON.makeDecoder().decode(Problem.self, from: Data(json.utf8))
        #expect(problem.kind == .aboutBlank)
        #expect(problem.status == 401)
        #expect(problem.additionalProperties.isEmpty)
    }

    @Test func encodingRoundTripsEveryMember() throws {
        let problem = Problem(
            type: "https://api.x.com/2/problems/usage-capped", title: "Usage cap exceeded", detail: "Monthly product cap",
            status: 429, additionalProperties: ["period": "Monthly", "scope": "Product", "count": 3]
        )
        let data = try XAPIJSON.makeEncoder().encode(problem)
        #expect(String(decoding: data, as: UTF8.self)
            == #"{"count":3,"detail":"Monthly product cap","period":"Monthly","scope":"Product","status":429,"title":"Usage cap exceeded","type":"https://api.x.com/2/problems/usage-capped"}"#)
        #expect(try XAPIJSON.makeDecoder().decode(Problem.self, from: data) == problem)
    }
}
