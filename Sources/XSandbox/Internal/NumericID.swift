import XFollows

/// User and Tweet IDs read as numbers, once they match the spec's patterns
/// (``SchemaPattern/userID``, ``SchemaPattern/tweetID``).
enum NumericID {
    /// The number an ID names, or `nil` when it does not match `pattern` (a user ID's, unless
    /// told) or names no number the sandbox can hold.
    static func parse(_ text: some StringProtocol, pattern: String = SchemaPattern.userID) -> UInt64? {
        let text = String(text)
        guard ParameterRules.matches(text, pattern: pattern) else { return nil }
        return UInt64(text)
    }

    /// The number, when the text is also written the canonical way (no leading zeros), as
    /// IDs in a graph file must be so that every user has one spelling.
    static func parseCanonical(_ text: String, pattern: String = SchemaPattern.userID) -> UInt64? {
        guard let value = parse(text, pattern: pattern), String(value) == text else { return nil }
        return value
    }
}
