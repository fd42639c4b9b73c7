import Foundation

/// The spec's `pattern`s compiled once each: a server checks the same few patterns on every
/// request, and compiling a `Regex` costs far more than matching one. The commonest shape,
/// `^[CLASS]{m,n}$`, is matched without a regex engine at all (``SimplePattern``).
///
/// Regexes are compiled with the semantics ``ParameterRules/violation(_:pattern:parameter:)``
/// documents (ASCII `\d` and `\w`, `$` only at the very end).
final class PatternCache: Sendable {
    static let shared = PatternCache()

    private enum Matcher: Sendable {
        case simple(SimplePattern)
        case regex(CompiledRegex)
    }

    /// A compiled `Regex`, shared by every task that matches the pattern. `Regex` does not
    /// declare `Sendable`, but a compiled one is never changed, and matching only reads it
    /// (the cache has always handed one regex to concurrent matches).
    private struct CompiledRegex: @unchecked Sendable {
        let regex: Regex<AnyRegexOutput>
    }

    private let compiled = LockedValue<[String: Matcher]>([:])

    /// Whether `pattern` is found in `value` (its own anchors decide whether the whole value
    /// must match); throws when the pattern is not a valid regular expression.
    func matches(_ value: String, pattern: String) throws -> Bool {
        let matcher = try self.matcher(pattern)
        switch matcher {
        case .simple(let simple): return simple.matches(value)
        case .regex(let compiled): return (try? compiled.regex.firstMatch(in: value)) != nil
        }
    }

    private func matcher(_ pattern: String) throws -> Matcher {
        if let matcher = compiled.current[pattern] { return matcher }
        let matcher: Matcher
        if let simple = SimplePattern(pattern) {
            matcher = .simple(simple)
        } else {
            matcher = .regex(CompiledRegex(regex: try Self.regex(pattern)))
        }
        compiled.update { $0[pattern] = matcher }
        return matcher
    }

    /// The pattern compiled as a `Regex` with the documented semantics.
    static func regex(_ pattern: String) throws -> Regex<AnyRegexOutput> {
        try Regex(pattern).asciiOnlyDigits().asciiOnlyWordCharacters().anchorsMatchLineEndings(false)
    }
}
