import Foundation
import Testing
@testable import XAPIRuntime

/// Every type a URL carries is written as OpenAPI's simple and form styles write
/// a primitive, and lists are written whole, comma-separated or exploded.
@Suite("Parameter values")
struct ParameterValueTests {
    @Test("Scalars, dates and URLs are written as text")
    func texts() {
        #expect("a b".parameterText == "a b")
        #expect(1000.parameterText == "1000")
        #expect(Int32(-3).parameterText == "-3")
        #expect(Int64(9_007_199_254_740_993).parameterText == "9007199254740993")
        #expect(1.5.parameterText == "1.5")
        #expect(2.0.parameterText == "2")
        #expect(Float(0.25).parameterText == "0.25")
        #expect(true.parameterText == "true")
        #expect(Date(timeIntervalSince1970: 0.5).parameterText == "1970-01-01T00:00:00.500Z")
        #expect(URL(string: "https://x.com/a?b=1")!.parameterText == "https://x.com/a?b=1")
    }

    @Test("Lists go comma-separated or exploded, arrays in order and sets sorted, and path lists comma-separated")
    func lists() throws {
        var request = OperationRequest(OperationDescriptor(
            id: "op", method: .get, path: "/items/{ids}", security: [], rateLimits: [], dailyCaps: [], isIdempotent: true))
        request.setPathParameter("ids", values: [3, 1, 2])
        request.appendQueryItems("ordered", ["b", "a"], explode: false)
        request.appendQueryItems("sorted", Set(["b", "a"]), explode: false)
        request.appendQueryItems("each", [2, 1], explode: true)
        request.appendQueryItems("empty", [String](), explode: false)
        request.appendQueryItem("absent", parameter: Int?.none)
        request.appendQueryItem("when", parameter: Date(timeIntervalSince1970: 0))
        #expect(try request.encodedPathAndQuery()
            == "/items/3%2C1%2C2?ordered=b%2Ca&sorted=a%2Cb&each=2&each=1&when=1970-01-01T00%3A00%3A00.000Z")
    }
}
