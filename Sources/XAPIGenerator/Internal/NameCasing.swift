/// Splits names written in any common style (`snake_case`, `kebab-case`,
/// `dotted.names`, `camelCase`, `PascalCase`) into words, and joins words
/// back in camel case with the Swift API Design Guidelines' treatment of
/// acronyms: `pinned_tweet_id` → `pinnedTweetID`, `profile_image_url` →
/// `profileImageURL`, `url` → `url`.
enum NameCasing {
    /// Words written in upper case when they are not the first word.
    static let acronyms: Set<String> = [
        "id", "ids", "url", "urls", "uri", "uris", "api", "apis", "http", "https", "json", "xml",
        "html", "uuid", "ip", "sql", "utc", "iso", "oauth", "tls", "ssl", "dm", "dms", "pkce",
    ]

    static func words(_ name: String) -> [String] {
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            return asciiWords(name)
        }
        var words: [String] = []
        var current = ""
        var previous: Character?
        let characters = Array(name)
        for (index, character) in characters.enumerated() {
            if !(character.isLetter || character.isNumber) {
                if !current.isEmpty { words.append(current) }
                current = ""
                previous = nil
                continue
            }
            if let previous, !current.isEmpty {
                let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
                let boundary =
                    (previous.isLowercase && character.isUppercase)
                    || (previous.isNumber && character.isLetter && character.isUppercase)
                    || (previous.isUppercase && character.isUppercase && (next?.isLowercase ?? false))
                if boundary {
                    words.append(current)
                    current = ""
                }
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// ``words(_:)`` for ASCII names, on bytes: the same boundaries, without
    /// the Unicode property lookups that made naming a tenth of the
    /// generator's time on large specs.
    private static func asciiWords(_ name: String) -> [String] {
        func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
        func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let bytes = Array(name.utf8)
        var words: [String] = []
        var start: Int?
        var previous: UInt8?
        for (index, byte) in bytes.enumerated() {
            guard isLower(byte) || isUpper(byte) || isDigit(byte) else {
                if let begin = start { words.append(String(decoding: bytes[begin..<index], as: UTF8.self)) }
                start = nil
                previous = nil
                continue
            }
            if let previous, let begin = start {
                let next = index + 1 < bytes.count ? bytes[index + 1] : nil
                let boundary =
                    (isLower(previous) && isUpper(byte))
                    || (isDigit(previous) && isUpper(byte))
                    || (isUpper(previous) && isUpper(byte) && next.map(isLower) == true)
                if boundary {
                    words.append(String(decoding: bytes[begin..<index], as: UTF8.self))
                    start = index
                }
            }
            if start == nil { start = index }
            previous = byte
        }
        if let begin = start { words.append(String(decoding: bytes[begin..<bytes.count], as: UTF8.self)) }
        return words
    }

    /// `usersIdFollowers` → `usersIdFollowers`: a name that is already an
    /// identifier keeps its spelling, with a lowercase first letter.
    static func lowerCamelIdentifier(_ name: String) -> String {
        guard let first = name.first, first.isLetter, name.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            return lowerCamel(name)
        }
        return first.lowercased() + name.dropFirst()
    }

    /// `pinned_tweet_id` → `pinnedTweetID`.
    static func lowerCamel(_ name: String) -> String {
        let parts = words(name)
        guard let first = parts.first else { return "" }
        return first.lowercased() + parts.dropFirst().map(capitalized).joined()
    }

    /// `verified_type` → `VerifiedType`; `user_id` → `UserID`.
    static func upperCamel(_ name: String) -> String {
        words(name).map(capitalized).joined()
    }

    /// A word as it appears after the first: acronyms upper-cased, others capitalized.
    static func capitalized(_ word: String) -> String {
        let lower = word.lowercased()
        if acronyms.contains(lower) {
            return lower.hasSuffix("s") && lower.count > 2 && acronyms.contains(String(lower.dropLast()))
                ? lower.dropLast().uppercased() + "s"
                : lower.uppercased()
        }
        // Keep inner capitals of words already in camel case (`iPhone` stays recognisable).
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    /// `ReferencedTweets` → `ReferencedTweet`: the singular of a plural
    /// name, or the name with `Element` when it is not plural.
    static func singular(_ name: String) -> String {
        if name.hasSuffix("ies"), name.count > 3 { return String(name.dropLast(3)) + "y" }
        if name.hasSuffix("sses") || name.hasSuffix("xes") || name.hasSuffix("ches") || name.hasSuffix("shes") {
            return String(name.dropLast(2))
        }
        if name.hasSuffix("s"), !name.hasSuffix("ss"), name.count > 1 { return String(name.dropLast()) }
        return name + "Element"
    }
}
