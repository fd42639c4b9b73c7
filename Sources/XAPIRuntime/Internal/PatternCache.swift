import Foundation

/// The spec's `pattern`s compiled once each: a server checks the same few patterns on every
/// request, and compiling a `Regex` costs far more than matching one.
///
/// Compiled with the semantics ``ParameterValidation/check(_:pattern:parameter:operation:)``
/// documents (ASCII `\d` and `\w`, `$` only at the very end).
final class PatternCache: @unchecked Sendable {
    static let shared = PatternCache()

    private let lock = NSLock()
    private var compiled: [String: Regex<AnyRegexOutput>] = [:]

    /// The compiled pattern; throws when it is not a valid regular expression.
    func regex(_ pattern: String) throws -> Regex<AnyRegexOutput> {
        if let regex = lock.withLock({ compiled[pattern] }) { return regex }
        let regex = try Regex(pattern).asciiOnlyDigits().asciiOnlyWordCharacters().anchorsMatchLineEndings(false)
        lock.withLock { compiled[pattern] = regex }
        return regex
    }
}
