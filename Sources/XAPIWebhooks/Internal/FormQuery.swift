import Foundation

/// Reads a query parameter the way X's own recipes do: Flask's `request.args.get` and
/// Express's `req.query` both decode `application/x-www-form-urlencoded`, `+` as a space and
/// `%XX` as a byte, and take the first of repeated names. Hummingbird's `queryParameters`
/// keeps `+`, so the receiver would answer a CRC for another token than X's recipes do.
///
/// ```swift
/// FormQuery.value(of: "crc_token", in: "crc_token=a%2Bb+c&x=1")   // "a+b c"
/// FormQuery.value(of: "crc_token", in: "x=1")                     // nil
/// ```
enum FormQuery {
    /// The first value of `name` in `query` (without its `?`), decoded; `nil` when absent or
    /// not valid percent-encoded UTF-8.
    static func value(of name: String, in query: String?) -> String? {
        guard let query else { return nil }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard decode(parts[0]) == name else { continue }
            return parts.count > 1 ? decode(parts[1]) : ""
        }
        return nil
    }

    /// `+` as a space, `%XX` as its byte; `nil` for a malformed escape or bytes that are not
    /// UTF-8.
    static func decode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        return String(bytes: bytes, encoding: .utf8)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
