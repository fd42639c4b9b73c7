import Foundation
import Testing
@testable import XAPIRuntime

/// The fast matcher of `^[CLASS]{m,n}$` patterns answers exactly as `Regex` does.
@Suite("Pattern matching")
struct PatternMatchingTests {
    static let patterns = [
        "^[0-9]{1,19}$", "^[A-Za-z0-9_]{1,15}$", "^[A-Z]{2}$", "^[A-Za-z]{1,12}$", #"^\d+$"#, "^[a-f0-9-]*$",
        "^[0-9]?$", "^[xyz]{2,}$", "^[_]$",
    ]
    static let values = [
        "", "0", "2244994945", "12345678901234567890", "1234567890123456789", "abc", "XDevelopers", "x_dev_1",
        "sixteen_chars_xx", "US", "usa", "U", "12\n", "1\u{301}", "١٢٣", "ＵＳ", "a-b-c", "xy", "xyzzy", "_", "__", "12 3",
        "\r\n", "🚀",
    ]

    @Test("Each simple pattern matches the values Regex matches, and only those", arguments: patterns)
    func sameAnswers(pattern: String) throws {
        let simple = try #require(SimplePattern(pattern), "\(pattern) should be simple")
        let regex = try PatternCache.regex(pattern)
        for value in Self.values {
            #expect(simple.matches(value) == ((try? regex.firstMatch(in: value)) != nil), "\(pattern) on \(value.debugDescription)")
        }
    }

    @Test("Other shapes go to Regex", arguments: [
        "[0-9]+", "^[0-9]+", "^[^0-9]+$", #"^[\w]+$"#, "^[0-9]{3,1}$", "^a+$", "^[0-9]+[a-z]+$", "^(ab)+$", "^[é]+$",
    ])
    func notSimple(pattern: String) {
        #expect(SimplePattern(pattern) == nil)
    }

    @Test("Validation answers the same through the cache, and a bad pattern is still an error")
    func validation() {
        #expect(throws: Never.self) { try ParameterValidation.check("2244994945", pattern: "^[0-9]{1,19}$", parameter: "id", operation: "op") }
        #expect(throws: XAPIError.self) { try ParameterValidation.check("../1", pattern: "^[0-9]{1,19}$", parameter: "id", operation: "op") }
        #expect(throws: XAPIError.self) { try ParameterValidation.check("x", pattern: "^[0-9", parameter: "id", operation: "op") }
        #expect(throws: Never.self) { try ParameterValidation.check("ab12", pattern: "[0-9]", parameter: "id", operation: "op") }
    }
}
