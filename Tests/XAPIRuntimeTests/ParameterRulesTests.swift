import Foundation
import Testing
@testable import XAPIRuntime

/// The rules find what a value breaks, with its bounds, apart from any wording;
/// the client's checks throw them in today's words.
@Suite("Parameter rules")
struct ParameterRulesTests {
    enum Color: Hashable, Sendable, OpenStringEnum {
        case red, blue, unknown(String)

        init(rawValue: String) {
            switch rawValue {
            case "red": self = .red
            case "blue": self = .blue
            default: self = .unknown(rawValue)
            }
        }

        var rawValue: String {
            switch self {
            case .red: "red"
            case .blue: "blue"
            case .unknown(let value): value
            }
        }

        static let allCases: [Self] = [.red, .blue]
    }

    @Test("Each rule reports the parameter, the value and the rule with its bounds")
    func violations() {
        #expect(ParameterRules.violation("../1", pattern: "^[0-9]+$", parameter: "id")
            == ParameterViolation(parameter: "id", value: "../1", rule: .pattern("^[0-9]+$")))
        #expect(ParameterRules.violation("1", pattern: "([0-9", parameter: "id")?.rule == .invalidPattern("([0-9"))
        #expect(ParameterRules.violation("", minLength: 1, maxLength: nil, parameter: "token")?.rule == .tooShort(length: 0, minimum: 1, maximum: nil))
        #expect(ParameterRules.violation("abcd", minLength: nil, maxLength: 3, parameter: "q")?.rule == .tooLong(length: 4, maximum: 3, minimum: nil))
        #expect(ParameterRules.violation(5000, minimum: 1, maximum: 1000, parameter: "max_results")
            == ParameterViolation(parameter: "max_results", value: "5000", rule: .aboveMaximum(.integer(1000), minimum: .integer(1))))
        #expect(ParameterRules.violation(0, minimum: 1, maximum: nil, parameter: "n")?.rule == .belowMinimum(.integer(1), maximum: nil))
        #expect(ParameterRules.violation(-0.5, minimum: 0, maximum: 1, parameter: "r")?.rule == .belowMinimum(.number(0), maximum: .number(1)))
        #expect(ParameterRules.violation(.nan, minimum: nil, maximum: nil, parameter: "r")?.rule == .notANumber)
        #expect(ParameterRules.violation(count: 101, minItems: nil, maxItems: 100, value: "1,2", parameter: "ids")
            == ParameterViolation(parameter: "ids", value: "1,2", rule: .tooManyItems(count: 101, maximum: 100, minimum: nil)))
        #expect(ParameterRules.violation("x", allowed: ["a", "b"], parameter: "p")?.rule == .notListed(allowed: ["a", "b"]))
        #expect(ParameterRules.violation(Color.unknown("green"), parameter: "color")
            == ParameterViolation(parameter: "color", value: "green", rule: .notListed(allowed: ["red", "blue"])))
    }

    @Test("A value that keeps the rules has no violation")
    func noViolation() {
        #expect(ParameterRules.violation("12", pattern: "^[0-9]+$", parameter: "id") == nil)
        #expect(ParameterRules.violation(1000, minimum: 1, maximum: 1000, parameter: "max_results") == nil)
        #expect(ParameterRules.violation(count: 2, minItems: 2, maxItems: 2, parameter: "position") == nil)
        #expect(ParameterRules.violation(Color.red, parameter: "color") == nil)
        // An unknown value that spells a listed one is the listed one, as sent.
        #expect(ParameterRules.violation(Color.unknown("red"), parameter: "color") == nil)
    }

    @Test("The client renders a violation as the XAPIError it always threw")
    func clientRendering() {
        let error = XAPIError(ParameterViolation(parameter: "max_results", value: "5000", rule: .aboveMaximum(.integer(1000), minimum: .integer(1))),
                              operationID: "usersIdFollowers")
        #expect(error.code == .invalidArgument)
        #expect(error.parameter == "max_results")
        #expect(error.operationID == "usersIdFollowers")
        #expect(error.message == #"The value "5000" of parameter "max_results" is greater than the maximum 1000 (allowed: 1...1000)."#)
    }

    @Test("Enum values must be listed to be sent, alone or in a list")
    func listedEnums() throws {
        try ParameterValidation.checkListed(Color.blue, parameter: "color", operation: "op")
        try ParameterValidation.checkEachListed([Color.red, .blue], parameter: "colors", operation: "op")
        let error = #expect(throws: XAPIError.self) {
            try ParameterValidation.checkEachListed(Set([Color.red, .unknown("green")]), parameter: "colors", operation: "op")
        }
        #expect(error?.message == #"The value "green" of parameter "colors" is not one of the allowed values: red, blue."#)
        #expect(Color.unknown("green").isListed == false)
        #expect(Color.red.isListed)
    }

    @Test("An OpenStringEnum codes as its raw value, and keeps a value it does not know")
    func openStringEnumCoding() throws {
        let decoded = try JSONDecoder().decode([Color].self, from: Data(#"["red","green"]"#.utf8))
        #expect(decoded == [.red, .unknown("green")])
        #expect(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self) == #"["red","green"]"#)
    }

    @Test("An operation parameter's description: both integer bounds make a range, one does not")
    func operationParameterRange() {
        let pageSize = OperationParameter(name: "max_results", location: .query, minimum: 1, maximum: 1000)
        #expect(pageSize.range == 1...1000)
        #expect(pageSize.description == "max_results")
        #expect(OperationParameter(name: "count", location: .query, minimum: 1).range == nil)
        #expect(OperationParameter(name: "ids", location: .query, maxItems: 100).maxItems == 100)
    }
}
