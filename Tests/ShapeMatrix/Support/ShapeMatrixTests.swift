import Foundation
import Testing
import XAPIRuntime

/// The code the build plugin generated from `shape-matrix.json` (every schema
/// construct in every position; see Tests/ShapeMatrix/generate.py) compiles
/// with warnings as errors, or this target would not build, and carries each
/// shape's JSON there and back.
@Suite("Shape matrix")
struct ShapeMatrixTests {
    @Test("Every component decodes its samples and encodes them back unchanged", arguments: componentSamples)
    func component(sample: ShapeSample) throws {
        try sample.check()
    }

    @Test("Every request body is sent as its JSON, and the same JSON decodes as the response", arguments: echoSamples)
    func echo(sample: EchoSample) async throws {
        let transport = EchoTransport()
        try await sample.run(transport)
        let sent = try #require(await transport.received.first)
        #expect(sent.method == .post)
        #expect(sent.contentType == "application/json")
        try expectSameJSON(try #require(sent.body), Data(sample.encoded.utf8))
    }

    @Test("Every parameter shape is sent in the path and query as OpenAPI serializes it", arguments: parameterSamples)
    func parameters(sample: ParameterSample) async throws {
        let transport = EchoTransport()
        let response = try await sample.call(.echoing(transport))
        #expect(response.status == 204)
        let sent = try #require(await transport.received.first)
        #expect(sent.method == .get)
        #expect(sent.path == sample.expectedPath)
        #expect(sent.body == nil)
    }
}
