import Foundation

/// Turns an OpenAPI spec into Swift: load → parse → check → model → render.
///
/// Each stage has a typed output (``SpecNode``, `OpenAPIDocument`,
/// `CheckedDocument`, `APIModel`, ``GeneratedFile``s). Recoverable problems
/// are collected as ``Diagnostic``s; any error stops the pipeline before
/// rendering and is thrown as a ``GeneratorError`` carrying them all.
///
/// ```swift
/// let result = try Generator().generate(specAt: "spec/follows.yaml")
/// try OutputWriter(directory: URL(fileURLWithPath: "Generated/XFollows")).write(result.files)
/// ```
public struct Generator: Sendable {
    /// What a successful run produced.
    public struct Result: Sendable {
        /// The fixed set of files, in ``GeneratedFile/Name`` order.
        public var files: [GeneratedFile]
        /// Warnings (a successful run has no errors).
        public var diagnostics: [Diagnostic]
    }

    /// Creates a generator.
    public init() {}

    /// Generates from the spec file at `path`; diagnostics name it as given.
    public func generate(specAt path: String) throws -> Result {
        var diagnostics = DiagnosticCollector()
        let root = try SpecLoader.load(path: path, diagnostics: &diagnostics)
        return try generate(root: root, specName: URL(fileURLWithPath: path).lastPathComponent, diagnostics: diagnostics)
    }

    /// Generates from YAML text; `file` names it in diagnostics and the header.
    public func generate(yaml: String, file: String) throws -> Result {
        var diagnostics = DiagnosticCollector()
        let root = try SpecLoader.load(text: yaml, file: file, diagnostics: &diagnostics)
        return try generate(root: root, specName: URL(fileURLWithPath: file).lastPathComponent, diagnostics: diagnostics)
    }

    /// Checks a spec without rendering: every diagnostic, errors included.
    public func lint(specAt path: String) -> [Diagnostic] {
        do {
            return try generate(specAt: path).diagnostics
        } catch let error as GeneratorError {
            return error.diagnostics
        } catch {
            return [.error("\(error)", at: SourceLocation(file: path, line: 1, column: 1))]
        }
    }

    private func generate(root: SpecNode, specName: String, diagnostics: DiagnosticCollector) throws -> Result {
        var parser = DocumentParser(diagnostics: diagnostics)
        guard let document = parser.parse(root) else {
            throw GeneratorError(diagnostics: parser.diagnostics.diagnostics)
        }
        var checker = DocumentChecker(document: document, diagnostics: parser.diagnostics)
        let checked = checker.check()
        guard !checker.diagnostics.hasErrors else {
            throw GeneratorError(diagnostics: checker.diagnostics.diagnostics)
        }
        var translator = ModelTranslator(checked: checked, diagnostics: checker.diagnostics)
        let model = translator.translate()
        var collector = translator.diagnostics
        ModelValidator.validate(model, diagnostics: &collector)
        guard !collector.hasErrors else {
            throw GeneratorError(diagnostics: collector.diagnostics)
        }
        let files = SwiftRenderer(model: model, specName: specName).render()
        return Result(files: files, diagnostics: collector.diagnostics)
    }
}
