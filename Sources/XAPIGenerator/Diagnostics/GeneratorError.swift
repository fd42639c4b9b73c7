/// The error a generator run throws when it cannot produce output.
///
/// It carries every diagnostic found up to that point, warnings included, in
/// the order they were found.
///
/// ```swift
/// do {
///     _ = try Generator().generate(specAt: "spec/follows.yaml")
/// } catch let error as GeneratorError {
///     for diagnostic in error.diagnostics { print(diagnostic) }
/// }
/// ```
public struct GeneratorError: Error, Sendable, CustomStringConvertible {
    /// Every diagnostic, errors and warnings.
    public var diagnostics: [Diagnostic]

    /// Creates an error from diagnostics.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Creates an error from one located message.
    public init(_ message: String, at location: SourceLocation) {
        self.diagnostics = [.error(message, at: location)]
    }

    /// The diagnostics, one per line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
