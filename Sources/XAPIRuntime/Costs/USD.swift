import Foundation

/// An amount of US dollars, exact: a `Decimal`, never a `Double`, so $0.001 × 1,000,000 is
/// $1,000 to the cent and a budget holds to the cent.
///
/// X bills in dollars with up to three decimals ($0.010 per user read, $0.001 per Owned
/// Read, $0.015 per follow); amounts print with two decimals, or three when the third is not
/// zero.
///
/// ```swift
/// let price = USD("0.010")!                  // from text, exactly
/// let page = price * 1000                     // $10.00
/// page.description                            // "$10.00"
/// price.priceDescription                      // "$0.010"
/// USD("$1.00")! - USD("0.015")!               // $0.985
/// USD("0.1") == USD("0.10")                   // true
/// ```
public struct USD: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount in dollars.
    public let amount: Decimal

    /// An amount of dollars.
    public init(_ amount: Decimal) {
        self.amount = amount
    }

    /// `significand` × 10⁻`scale` dollars, exactly: `USD(significand: 10, scale: 3)` is
    /// $0.010. Generated descriptors write prices this way.
    public init(significand: Int, scale: Int) {
        self.amount = Decimal(sign: significand < 0 ? .minus : .plus, exponent: -scale,
                              significand: Decimal(significand.magnitude))
    }

    /// Whole cents: `USD(cents: 150)` is $1.50.
    public init(cents: Int) {
        self.amount = Decimal(cents) / 100
    }

    /// Reads `0.010`, `1`, `1.00` or `$1.00` exactly; `nil` for anything else (a sign, an
    /// exponent, grouping, letters, an empty string).
    public init?(_ text: String) {
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        if digits.first == "$" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty || (parts.count == 2 && !parts[1].isEmpty),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let value = Decimal(string: String(digits), locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        self.amount = value
    }

    /// No money.
    public static let zero = USD(Decimal(0))

    /// `$0.01`, `$1,000.00`, `$0.015`: two decimals, or three when the third is not zero,
    /// rounded half up beyond that; a minus sign for a negative amount.
    public var description: String { formatted(minimumDecimals: 2) }

    /// A price as X's pricing page writes it, with three decimals: `$0.010`, `$0.001`.
    public var priceDescription: String { formatted(minimumDecimals: 3) }

    /// The amount with at least `minimumDecimals` (2 or 3) and at most three decimals.
    private func formatted(minimumDecimals: Int) -> String {
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 3, .plain)
        let negative = rounded < 0
        let magnitude = negative ? -rounded : rounded
        let thousandths = NSDecimalNumber(decimal: magnitude * 1000).int64Value
        let dollars = thousandths / 1000
        let fraction = thousandths % 1000
        let decimals = fraction % 10 == 0 && minimumDecimals < 3
            ? String(format: "%02lld", fraction / 10)
            : String(format: "%03lld", fraction)
        return "\(negative ? "-" : "")$\(Self.grouped(dollars)).\(decimals)"
    }

    /// The amount as plain text, `0.01`, as stored and as `init(_:)` reads it back.
    public var plainText: String {
        NSDecimalNumber(decimal: amount).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }

    /// Decodes from a JSON string (`"0.010"`), so no floating-point parser ever sees money.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = USD(text.hasPrefix("-") ? String(text.dropFirst()) : text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not an amount of dollars")
        }
        self = text.hasPrefix("-") ? .zero - value : value
    }

    /// Encodes as a JSON string (`"0.01"`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(plainText)
    }

    /// Whether `lhs` is less than `rhs`.
    public static func < (lhs: USD, rhs: USD) -> Bool { lhs.amount < rhs.amount }
    /// The sum.
    public static func + (lhs: USD, rhs: USD) -> USD { USD(lhs.amount + rhs.amount) }
    /// The difference.
    public static func - (lhs: USD, rhs: USD) -> USD { USD(lhs.amount - rhs.amount) }
    /// `count` times the amount: a unit price times the resources it pays for.
    public static func * (lhs: USD, rhs: Int) -> USD { USD(lhs.amount * Decimal(rhs)) }
    /// Adds `rhs` to `lhs`.
    public static func += (lhs: inout USD, rhs: USD) { lhs = lhs + rhs }
    /// Subtracts `rhs` from `lhs`.
    public static func -= (lhs: inout USD, rhs: USD) { lhs = lhs - rhs }

    /// How many whole units of `price` this amount buys: `USD("1.00")!.units(of: USD("0.010")!)`
    /// is 100; a zero price buys without bound (`Int.max`).
    public func units(of price: USD) -> Int {
        guard price.amount > 0 else { return Int.max }
        guard amount > 0 else { return 0 }
        var quotient = amount / price.amount
        var whole = Decimal()
        NSDecimalRound(&whole, &quotient, 0, .down)
        let units = NSDecimalNumber(decimal: whole)
        return units.compare(NSDecimalNumber(value: Int.max)) == .orderedAscending ? units.intValue : Int.max
    }

    private static func grouped(_ number: Int64) -> String {
        let digits = String(number)
        var result = ""
        for (index, digit) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return String(result.reversed())
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
