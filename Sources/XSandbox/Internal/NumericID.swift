/// User and Tweet IDs as the spec writes them (`^[0-9]{1,19}$`), read as numbers.
enum NumericID {
    /// The number an ID string names, or `nil` when it does not match `^[0-9]{1,19}$`.
    static func parse(_ text: some StringProtocol) -> UInt64? {
        guard (1...19).contains(text.utf8.count),
              text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return UInt64(text)
    }

    /// The number, when the text is also written the canonical way (no leading zeros), as
    /// IDs in a graph file must be so that every user has one spelling.
    static func parseCanonical(_ text: String) -> UInt64? {
        guard let value = parse(text), String(value) == text else { return nil }
        return value
    }

    /// The spec's pattern for user and Tweet IDs.
    static let pattern = "^[0-9]{1,19}$"
}
