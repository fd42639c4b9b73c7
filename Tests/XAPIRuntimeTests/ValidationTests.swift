import Testing
@testable import XAPIRuntime

@Suite("Parameter validation")
struct ValidationTests {
    static let userID = "^[0-9]{1,19}$"

    @Test(arguments: ["abc", "../1", "", "12345678901234567890", "123\n", "1 2", "١٢٣", "12a"])
    func userIDPatternRejects(value: String) {
        let error = #expect(throws: XAPIError.self) {
            try ParameterValidation.check(value, pattern: Self.userID, parameter: "id", operation: "usersIdFollowers")
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.parameter == "id")
        #expect(error?.operationID == "usersIdFollowers")
        #expect(error?.message.contains("\"id\"") == true)
        #expect(error?.message.contains(Self.userID) == true)
    }

    @Test func messageNamesParameterValueAndRule() {
        let error = #expect(throws: XAPIError.self) {
            try ParameterValidation.check("../1", pattern: Self.userID, parameter: "id", operation: "usersIdFollowers")
        }
        #expect(error?.message == #"The value "../1" of parameter "id" does not match the pattern ^[0-9]{1,19}$."#)
        #expect(error?.description == #"usersIdFollowers: invalidArgument: The value "../1" of parameter "id" does not match the pattern ^[0-9]{1,19}$."#)
    }

    @Test(arguments: ["2244994945", "1", "1234567890123456789"])
    func userIDPatternAccepts(value: String) throws {
        try ParameterValidation.check(value, pattern: Self.userID, parameter: "id", operation: "usersIdFollowers")
    }

    @Test func unanchoredPatternSearchesAnywhere() throws {
        try ParameterValidation.check("xx12yy", pattern: "[0-9]+", parameter: "p", operation: "op")
        #expect(throws: XAPIError.self) {
            try ParameterValidation.check("xxyy", pattern: "[0-9]+", parameter: "p", operation: "op")
        }
    }

    @Test func invalidPatternIsReported() {
        let error = #expect(throws: XAPIError.self) {
            try ParameterValidation.check("1", pattern: "([0-9", parameter: "p", operation: "op")
        }
        #expect(error?.message.contains("not a valid regular expression") == true)
    }

    @Test(arguments: [0, 1001, -5, Int.max])
    func maxResultsOutOfRangeIsRejected(value: Int) {
        let error = #expect(throws: XAPIError.self) {
            try ParameterValidation.check(value, minimum: 1, maximum: 1000, parameter: "max_results", operation: "usersIdFollowers")
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains("\"\(value)\"") == true)
        #expect(error?.message.contains("max_results") == true)
        #expect(error?.message.contains("1...1000") == true)
    }

    @Test(arguments: [1, 100, 1000])
    func maxResultsInRangeIsAccepted(value: Int) throws {
        try ParameterValidation.check(value, minimum: 1, maximum: 1000, parameter: "max_results", operation: "usersIdFollowers")
    }

    @Test func doubleBoundsAndNaN() throws {
        try ParameterValidation.check(0.5, minimum: 0, maximum: 1, parameter: "p", operation: "op")
        #expect(throws: XAPIError.self) { try ParameterValidation.check(1.5, minimum: 0, maximum: 1, parameter: "p", operation: "op") }
        #expect(throws: XAPIError.self) { try ParameterValidation.check(-0.1, minimum: 0, maximum: nil, parameter: "p", operation: "op") }
        #expect(throws: XAPIError.self) { try ParameterValidation.check(.nan, minimum: nil, maximum: nil, parameter: "p", operation: "op") }
    }

    @Test func lengths() throws {
        try ParameterValidation.check("a", minLength: 1, maxLength: nil, parameter: "pagination_token", operation: "op")
        let error = #expect(throws: XAPIError.self) {
            try ParameterValidation.check("", minLength: 1, maxLength: nil, parameter: "pagination_token", operation: "op")
        }
        #expect(error?.message.contains("minimum length 1") == true)
        #expect(throws: XAPIError.self) {
            try ParameterValidation.check("abcd", minLength: nil, maxLength: 3, parameter: "p", operation: "op")
        }
    }

    @Test func itemCounts() throws {
        try ParameterValidation.check(count: 1, minItems: 1, maxItems: 2, parameter: "user.fields", operation: "op")
        let error = #expect(throws: XAPIError.self) {
            try ParameterValidation.check(count: 0, minItems: 1, maxItems: nil, parameter: "user.fields", operation: "op")
        }
        #expect(error?.message.contains("user.fields") == true)
        #expect(throws: XAPIError.self) {
            try ParameterValidation.check(count: 3, minItems: nil, maxItems: 2, parameter: "p", operation: "op")
        }
    }

    @Test func allowedValues() throws {
        try ParameterValidation.check("pinned_tweet_id", allowed: ["pinned_tweet_id"], parameter: "expansions", operation: "op")
        let error = #expect(throws: XAPIError.self) {
            try ParameterValidation.check("author_id", allowed: ["pinned_tweet_id"], parameter: "expansions", operation: "op")
        }
        #expect(error?.message == #"The value "author_id" of parameter "expansions" is not one of the allowed values: pinned_tweet_id."#)
    }
}
