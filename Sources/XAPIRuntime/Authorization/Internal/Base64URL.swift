import Foundation

/// Base64url without padding (RFC 4648, 5), as PKCE uses it.
enum Base64URL {
    static func encode(_ data: Data) -> String {
        var text = data.base64EncodedString()
        text = String(text.unicodeScalars.compactMap { scalar -> Character? in
            switch scalar {
            case "+": "-"
            case "/": "_"
            case "=": nil
            default: Character(scalar)
            }
        })
        return text
    }
}
