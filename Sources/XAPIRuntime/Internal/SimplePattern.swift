/// A `pattern` of the one shape specs use most, `^[CLASS]{m,n}$` (or `+`, `*`, `?`, `{n}`,
/// `{m,}`, and `\d` for `[0-9]`), matched by counting bytes instead of running a regex
/// engine: `^[0-9]{1,19}$` for IDs, `^[A-Za-z0-9_]{1,15}$` for usernames.
///
/// The class holds ASCII characters and ranges only, so a value matches exactly when each of
/// its Unicode scalars is an ASCII byte in the class and their number is within the bounds —
/// what `Regex` with ASCII `\d` and `$` at the very end decides too (a test holds the two to
/// the same answers). Anything else is `nil` and goes to `Regex`.
struct SimplePattern: Sendable {
    /// Which of the 128 ASCII bytes the class holds.
    private var members = [Bool](repeating: false, count: 128)
    private var minimum: Int
    private var maximum: Int?

    init?(_ pattern: String) {
        var bytes = Array(pattern.utf8)[...]
        guard bytes.popFirst() == UInt8(ascii: "^"), bytes.popLast() == UInt8(ascii: "$") else { return nil }
        if bytes.starts(with: Array(#"\d"#.utf8)) {
            bytes = bytes.dropFirst(2)
            for digit in UInt8(ascii: "0")...UInt8(ascii: "9") { members[Int(digit)] = true }
        } else {
            guard bytes.popFirst() == UInt8(ascii: "["), let close = bytes.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            let body = Array(bytes[..<close])
            bytes = bytes[(close + 1)...]
            guard !body.isEmpty, body[0] != UInt8(ascii: "^") else { return nil }
            var index = 0
            while index < body.count {
                let low = body[index]
                // Escapes, nested classes and non-ASCII bytes are left to Regex.
                guard low < 128, low != UInt8(ascii: "\\"), low != UInt8(ascii: "[") else { return nil }
                if index + 2 < body.count, body[index + 1] == UInt8(ascii: "-") {
                    let high = body[index + 2]
                    guard high < 128, high != UInt8(ascii: "\\"), low <= high else { return nil }
                    for byte in low...high { members[Int(byte)] = true }
                    index += 3
                } else {
                    members[Int(low)] = true
                    index += 1
                }
            }
        }
        switch Array(bytes) {
        case []: (minimum, maximum) = (1, 1)
        case [UInt8(ascii: "+")]: (minimum, maximum) = (1, nil)
        case [UInt8(ascii: "*")]: (minimum, maximum) = (0, nil)
        case [UInt8(ascii: "?")]: (minimum, maximum) = (0, 1)
        case let quantifier where quantifier.first == UInt8(ascii: "{") && quantifier.last == UInt8(ascii: "}"):
            let parts = String(decoding: quantifier.dropFirst().dropLast(), as: UTF8.self)
                .split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
            guard let low = Int(parts[0]) else { return nil }
            minimum = low
            if parts.count == 1 {
                maximum = low
            } else if parts[1].isEmpty {
                maximum = nil
            } else {
                guard let high = Int(parts[1]), high >= low else { return nil }
                maximum = high
            }
        default:
            return nil
        }
    }

    /// Whether the whole value matches.
    func matches(_ value: String) -> Bool {
        var count = 0
        for scalar in value.unicodeScalars {
            guard scalar.value < 128, members[Int(scalar.value)] else { return false }
            count += 1
        }
        return count >= minimum && maximum.map { count <= $0 } ?? true
    }
}
