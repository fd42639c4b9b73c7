import Foundation
import XFollows

/// Random tokens shaped like X's, from the system's secure generator (tokens the sandbox
/// issues at run time are not seeded: they must not be guessable from the seed).
enum TokenShapes {
    private static let alphanumerics = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    static func random(_ count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in alphanumerics.randomElement(using: &generator)! })
    }

    /// An OAuth 2.0 code or token like X's: base64 of `<random>:<ms>:1:<kind>:1` without
    /// padding, where `kind` is `ac` (code), `at` (access token) or `rt` (refresh token).
    static func oauth2(kind: String) -> String {
        let raw = "\(random(43)):\(Int64(Date().timeIntervalSince1970 * 1000)):1:0:\(kind):1"
        return Data(raw.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    /// A 7-digit PIN.
    static func pin() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(format: "%07d", Int.random(in: 0..<10_000_000, using: &generator))
    }

    /// An App-only bearer token like X's: `A`s, random text, `%3D`, random text.
    static func bearer() -> String {
        String(repeating: "A", count: 22) + random(20) + "%3D" + random(50)
    }
}
