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
    /// Which side of the API a run generates.
    public enum Mode: String, Sendable, CaseIterable {
        /// The models, field names, operation descriptors and the typed client
        /// functions on `XAPIClient`: a client library.
        case client
        /// The server side of the same spec: a handler protocol with one
        /// function per operation, each operation's input decoded and checked
        /// from a request, and the dispatch. Its module imports the client
        /// library's types (name it with ``Generator/imports``).
        case server

        /// The fixed set of files the mode writes, in order.
        public var files: [GeneratedFile.Name] {
            switch self {
            case .client: [.models, .fields, .operations, .clients]
            case .server: [.server]
            }
        }
    }

    /// What a successful run produced.
    public struct Result: Sendable {
        /// The mode's fixed set of files, in ``Mode/files`` order.
        public var files: [GeneratedFile]
        /// Warnings (a successful run has no errors).
        public var diagnostics: [Diagnostic]
    }

    /// The side generated.
    public var mode: Mode
    /// Modules the generated files import besides Foundation and XAPIRuntime
    /// (the client library, for a server).
    public var imports: [String]

    /// Creates a generator.
    public init(mode: Mode = .client, imports: [String] = []) {
        self.mode = mode
        self.imports = imports
    }

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
        let files = SwiftRenderer(model: model, specName: specName).render(mode.files, imports: imports)
        return Result(files: files, diagnostics: collector.diagnostics)
    }
}
