/// Gathers the recoverable problems every stage finds, so one run reports
/// them all instead of stopping at the first.
///
/// Stages append to it; the pipeline stops before rendering when it
/// ``hasErrors``.
struct DiagnosticCollector {
    private(set) var diagnostics: [Diagnostic] = []

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    mutating func emit(_ diagnostic: Diagnostic) {
        guard !diagnostics.contains(diagnostic) else { return }
        diagnostics.append(diagnostic)
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        emit(.error(message, at: location))
    }

    mutating func warning(_ message: String, at location: SourceLocation) {
        emit(.warning(message, at: location))
    }

    mutating func note(_ message: String, at location: SourceLocation) {
        emit(.note(message, at: location))
    }
}
