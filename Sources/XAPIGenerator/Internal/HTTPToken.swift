/// HTTP's `token` (RFC 9110): what a header field name, and an HTTP authentication scheme,
/// may be spelled with.
enum HTTPToken {
    /// Whether `text` is a non-empty token: letters, digits and ``!#$%&'*+-.^_`|~``.
    static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar)
        }
    }
}
