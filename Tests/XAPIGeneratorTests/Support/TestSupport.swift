import Foundation
import Testing
@testable import XAPIGenerator

/// The package's root directory, found from this file's path.
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // XAPIGeneratorTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

/// Generates from YAML text and returns the files by name.
func generate(_ yaml: String, file: String = "snippet.yaml") throws -> [GeneratedFile.Name: String] {
    let result = try Generator().generate(yaml: yaml, file: file)
    var files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) })
    // The snippets read a schema's declaration and its nested types together.
    let nested = files[.nestedModels].flatMap { text in
        text.range(of: "import XAPIRuntime\n").map { String(text[$0.upperBound...].drop { $0 == "\n" }) }
    }
    if let nested, !nested.isEmpty { files[.models] = (files[.models] ?? "") + "\n" + nested }
    return files
}

/// The diagnostics of YAML text (empty when it generates without any).
func diagnostics(_ yaml: String, file: String = "spec.yaml") -> [Diagnostic] {
    do {
        return try Generator().generate(yaml: yaml, file: file).diagnostics
    } catch let error as GeneratorError {
        return error.diagnostics
    } catch {
        Issue.record("unexpected error \(error)")
        return []
    }
}

/// A file's contents after the fixed header (the comment and the imports).
func body(_ contents: String?) -> String {
    guard let contents else { return "" }
    guard let range = contents.range(of: "import XAPIRuntime\n\n") else { return contents }
    return String(contents[range.upperBound...])
}

/// Expects `actual` to equal `expected`, printing a unified diff when not.
func expectSame(_ actual: String, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let diff = UnifiedDiff(old: expected, new: actual, oldName: "expected", newName: "actual")
    #expect(diff.isEmpty, "\n\(diff)", sourceLocation: sourceLocation)
}

/// A small valid 3.1 document to build snippets on: `schemas` and `paths`
/// are spliced in, already indented.
func spec(schemas: String = "", paths: String = "", extraComponents: String = "", version: String = "3.1.0") -> String {
    """
    openapi: \(version)
    info:
      title: Snippet
      version: "1.0"
    paths:
    \(paths.isEmpty ? "  {}" : paths)
    components:
      schemas:
    \(schemas.isEmpty ? "    {}" : schemas)
    \(extraComponents)
    """
}
