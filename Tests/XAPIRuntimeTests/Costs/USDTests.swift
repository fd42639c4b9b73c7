import Foundation
import Testing
@testable import XAPIRuntime

@Suite("Costs: USD")
struct USDTests {
    /// `text` read as dollars; records an issue (and answers zero) when it is refused.
    static func usd(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> USD {
        guard let value = USD(text) else {
            Issue.record("'\(text)' was refused", sourceLocation: sourceLocation)
            return .zero
        }
        return value
    }

    @Test(arguments: [
        ("0.010", Decimal(string: "0.01")!),
        ("1", Decimal(1)),
        ("1.00", Decimal(1)),
        ("$1.00", Decimal(1)),
        ("0.015", Decimal(string: "0.015")!),
        (" 2.5 ", Decimal(string: "2.5")!),
        ("1000", Decimal(1000)),
        ("0.0000000000000000001", Decimal(string: "0.0000000000000000001")!),
    ])
    func readsPlainAmountsExactly(text: String, amount: Decimal) {
        #expect(USD(text)?.amount == amount)
    }

    @Test(arguments: ["-1", "-0.01", "+1", "1e3", "1E3", "1,000", "1,5", ".", "", " ", "$", "$$1", "abc", "1.2.3", "0x10", "1 000", "NaN", "one"])
    func refusesAnythingElse(text: String) {
        #expect(USD(text) == nil)
    }

    @Test func arithmeticIsExact() {
        #expect(Self.usd("0.001") * 1_000_000 == Self.usd("1000"))
        #expect(Self.usd("0.1") + Self.usd("0.2") == Self.usd("0.3"))
        #expect(Self.usd("0.3") - Self.usd("0.1") == Self.usd("0.2"))
        #expect(Self.usd("$1.00") - Self.usd("0.015") == Self.usd("0.985"))
        #expect(Self.usd("0.010") * 640 == Self.usd("6.40"))
        #expect(Self.usd("0.015") * 0 == .zero)
        // A tenth of a cent ten thousand times over, one addition at a time, is still ten dollars.
        var total = USD.zero
        for _ in 0..<10_000 { total += Self.usd("0.001") }
        #expect(total == Self.usd("10"))
        total -= Self.usd("9.999")
        #expect(total == Self.usd("0.001"))
        #expect(Self.usd("0.1") == Self.usd("0.10"))
        #expect(Set([Self.usd("0.1"), Self.usd("0.10"), Self.usd("0.100")]).count == 1)
        #expect(Self.usd("0.009") < Self.usd("0.01"))
        #expect(!(Self.usd("0.01") < Self.usd("0.010")))
        #expect(USD(cents: 150) == Self.usd("1.50"))
    }

    @Test(arguments: [
        ("0.010", "$0.01"),
        ("0.001", "$0.001"),
        ("0.015", "$0.015"),
        ("0.985", "$0.985"),
        ("6.4", "$6.40"),
        ("0", "$0.00"),
        ("1000", "$1,000.00"),
        ("999.999", "$999.999"),
        ("1234567.891", "$1,234,567.891"),
        ("100000", "$100,000.00"),
        ("0.0005", "$0.001"),
        ("0.0004", "$0.00"),
        ("0.0015", "$0.002"),
        ("2.9999", "$3.00"),
    ])
    func descriptionHasTwoDecimalsOrThreeWhenTheThirdIsNotZero(text: String, description: String) {
        #expect(Self.usd(text).description == description)
    }

    @Test func negativeAmountsHaveAMinusSign() {
        #expect((USD.zero - Self.usd("1.5")).description == "-$1.50")
        #expect((USD.zero - Self.usd("0.015")).description == "-$0.015")
        #expect((USD.zero - Self.usd("1234.5")).description == "-$1,234.50")
        // Less than half a tenth of a cent rounds to zero, which has no sign.
        #expect((USD.zero - Self.usd("0.0004")).description == "$0.00")
        #expect(USD(significand: -15, scale: 3).description == "-$0.015")
    }

    @Test func unitsOfAPrice() {
        #expect(Self.usd("1.00").units(of: Self.usd("0.010")) == 100)
        #expect(Self.usd("0.999").units(of: Self.usd("0.010")) == 99)
        #expect(Self.usd("1000").units(of: Self.usd("0.001")) == 1_000_000)
        #expect(Self.usd("0.015").units(of: Self.usd("0.015")) == 1)
        #expect(Self.usd("0.0149").units(of: Self.usd("0.015")) == 0)
        #expect(USD.zero.units(of: Self.usd("0.010")) == 0)
        #expect((USD.zero - Self.usd("1")).units(of: Self.usd("0.010")) == 0)
        #expect(Self.usd("1").units(of: .zero) == Int.max)
        #expect(Self.usd("100000000000000000000").units(of: Self.usd("0.001")) == Int.max)
    }

    @Test func significandAndScale() {
        #expect(USD(significand: 10, scale: 3) == Self.usd("0.010"))
        #expect(USD(significand: 1, scale: 3) == Self.usd("0.001"))
        #expect(USD(significand: 15, scale: 3).description == "$0.015")
        #expect(USD(significand: 5, scale: 0) == Self.usd("5"))
        #expect(USD(significand: 123_456, scale: 2) == Self.usd("1234.56"))
        #expect(USD(significand: 0, scale: 3) == .zero)
        #expect(USD(significand: -15, scale: 3) == USD.zero - Self.usd("0.015"))
        #expect(USD(significand: 10, scale: 3).amount == Decimal(string: "0.01"))
    }

    @Test func codableAsAJSONString() throws {
        let encoder = JSONEncoder()
        #expect(String(decoding: try encoder.encode(Self.usd("0.010")), as: UTF8.self) == #""0.01""#)
        #expect(String(decoding: try encoder.encode(Self.usd("1000")), as: UTF8.self) == #""1000""#)
        #expect(String(decoding: try encoder.encode(USD.zero - Self.usd("1.5")), as: UTF8.self) == #""-1.5""#)
        #expect(String(decoding: try encoder.encode(["price": Self.usd("0.015")]), as: UTF8.self) == #"{"price":"0.015"}"#)

        let decoder = JSONDecoder()
        #expect(try decoder.decode(USD.self, from: Data(#""0.010""#.utf8)) == Self.usd("0.01"))
        #expect(try decoder.decode(USD.self, from: Data(#""$1.00""#.utf8)) == Self.usd("1"))
        #expect(try decoder.decode(USD.self, from: Data(#""-1.5""#.utf8)) == USD.zero - Self.usd("1.5"))
        for amount in [Self.usd("0.001"), Self.usd("6.40"), USD.zero - Self.usd("0.015"), Self.usd("1234567.891")] {
            #expect(try decoder.decode(USD.self, from: encoder.encode(amount)) == amount)
        }
    }

    @Test(arguments: ["0.01", "1", "-1", "1e3", "null", "true", #"{"amount":"1"}"#])
    func decodingRefusesAJSONNumberOrAnythingButAnAmountString(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(USD.self, from: Data(json.utf8)) }
    }

    @Test(arguments: [#""1e3""#, #""1,000""#, #""""#, #""-""#, #""--1""#, #""ten""#])
    func decodingRefusesAStringThatIsNotAnAmount(json: String) {
        let error = #expect(throws: DecodingError.self) { try JSONDecoder().decode(USD.self, from: Data(json.utf8)) }
        guard case .dataCorrupted(let context)? = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(context.debugDescription == "\(json) is not an amount of dollars")
    }
}
