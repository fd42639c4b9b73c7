import Foundation
import Testing

/// The corpus of broken specs in Fixtures/BadSpecs: each one exits 1 with
/// its exact `file:line:col: error: message`, and writes nothing.
@Suite("Bad specs")
struct BadSpecTests {
    struct Expectation: Decodable, CustomTestStringConvertible, Sendable {
        var file: String
        var line: Int
        var column: Int
        var message: String

        var testDescription: String { file }
    }

    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/BadSpecs")

    static let expectations: [Expectation] = {
        let data = try! Data(contentsOf: directory.appendingPathComponent("expectations.json"))
        return try! JSONDecoder().decode([Expectation].self, from: data)
    }()

    @Test("The corpus has at least its 47 specs, each with an expectation")
    func corpusIsComplete() async throws {
        let specs = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { $0.hasSuffix(".yaml") }
        #expect(specs.count >= 47)
        #expect(Self.expectations.count >= 47)
        #expect(Set(specs) == Set(Self.expectations.map(\.file)))
    }

    @Test("A bad spec is located and nothing is written", arguments: expectations)
    func badSpecIsLocated(_ expectation: Expectation) async throws {
        let output = try TemporaryDirectory()
        // What a previous good run left must survive a failed one.
        let existing = output.url.appendingPathComponent("Models.swift")
        try "// generated earlier\n".write(to: existing, atomically: true, encoding: .utf8)
        let before = try output.snapshot()

        let result = try await XAPIGenCommand.run(["generate", expectation.file, "--output", output.url.path], in: Self.directory)

        #expect(result.status == 1)
        let errors = result.standardError.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        #expect(errors == ["\(expectation.file):\(expectation.line):\(expectation.column): error: \(expectation.message)"])
        #expect(result.standardError.contains("nothing was written"))
        #expect(result.standardOutput.isEmpty)
        #expect(try output.snapshot() == before)
    }
}
