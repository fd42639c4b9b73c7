import Foundation

/// The spec's `pattern`s compiled once each: a server checks the same few patterns on every
/// request, and compiling a `Regex` costs far more than matching one. The commonest shape,
/// `^[CLASS]{m,n}$`, is matched without a regex engine at all (``SimplePattern``).
///
/// Regexes are compiled with the semantics ``ParameterRules/violation(_:pattern:parameter:)``
/// documents (ASCII `\d` and `\w`, `$` only at the very end).
final class PatternCache: @unchecked Sendable {
    static let shared = PatternCache()

    private enum Matcher {
        case simple(SimplePattern)
        case regex(Regex<AnyRegexOutput>)
    }

    private let lock = NSLock()
    private var compiled: [String: Matcher] = [:]

    /// Whether `pattern` is found in `value` (its own anchors decide whether the whole value
    /// must match); throws when the pattern is not a valid regular expression.
    func matches(_ value: String, pattern: String) throws -> Bool {
        let matcher = try self.matcher(pattern)
        switch matcher {
        case .simple(let simple): return simple.matches(value)
        case .regex(let regex): return (try? regex.firstMatch(in: value)) != nil
        }
    }

    private func matcher(_ pattern: String) throws -> Matcher {
        if let matcher = lock.withLock({ compiled[pattern] }) { return matcher }
        let matcher: Matcher
        if let simple = SimplePattern(pattern) {
            matcher = .simple(simple)
        } else {
            matcher = .regex(try Self.regex(pattern))
        }
        lock.withLock { compiled[pattern] = matcher }
        return matcher
    }

    /// The pattern compiled as a `Regex` with the documented semantics.
    static func regex(_ pattern: String) throws -> Regex<AnyRegexOutput> {
        try Regex(pattern).asciiOnlyDigits().asciiOnlyWordCharacters().anchorsMatchLineEndings(false)
    }
}
