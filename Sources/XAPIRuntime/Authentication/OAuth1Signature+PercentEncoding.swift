extension OAuth1Signature {
    /// Percent-encodes a string as RFC 3986 and RFC 5849 (3.6) require: the UTF-8 bytes of
    /// everything but the unreserved set `ALPHA / DIGIT / - . _ ~` become `%XX` (uppercase).
    ///
    /// ```swift
    /// OAuth1Signature.percentEncode("Ladies + Gentlemen")   // "Ladies%20%2B%20Gentlemen"
    /// OAuth1Signature.percentEncode("☃")                    // "%E2%98%83"
    /// ```
    public static func percentEncode(_ string: String) -> String {
        percentEncode(string, keeping: isUnreserved)
    }

    /// Percent-encodes the UTF-8 bytes of `string` that `keeping` refuses as `%XX` (uppercase),
    /// for callers that keep fewer than the unreserved set (a folder name without `~`).
    static func percentEncode(_ string: String, keeping: (UInt8) -> Bool) -> String {
        var result = ""
        result.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            if keeping(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result.append("%")
                result.append(hexDigits[Int(byte >> 4)])
                result.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return result
    }

    /// Decodes `%XX` escapes (and, when `plusAsSpace`, `+` as a space); `nil` when an escape is
    /// malformed or the bytes are not UTF-8.
    public static func percentDecode(_ string: String, plusAsSpace: Bool = false) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(string.utf8.count)
        var iterator = string.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            case UInt8(ascii: "+") where plusAsSpace:
                bytes.append(UInt8(ascii: " "))
            default:
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static let hexDigits: [Character] = Array("0123456789ABCDEF")

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
