/// A problem found in a spec, with where it is.
///
/// Diagnostics print the way SwiftPM and Xcode show them inline:
///
/// ```
/// spec/follows.yaml:42:11: error: unresolved reference '#/components/schemas/Usr'
/// ```
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        /// The spec cannot be generated from; nothing is written.
        case error
        /// Generation goes on, but something was ignored or approximated.
        case warning
        /// More context for the diagnostic before it.
        case note
    }

    /// How bad it is.
    public var severity: Severity
    /// What is wrong, in one sentence without a trailing period.
    public var message: String
    /// Where it is.
    public var location: SourceLocation

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// Creates an error.
    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    /// Creates a warning.
    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// Creates a note.
    public static func note(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.note, message, at: location)
    }

    /// `path:line:col: severity: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
