import Crypto
import Foundation

/// Proof Key for Code Exchange (RFC 7636): the secret a client keeps between sending a user
/// to authorize and exchanging the code, and the challenge it sends first.
///
/// ```swift
/// let verifier = PKCE.makeVerifier()                 // 64 random unreserved characters
/// let challenge = PKCE.challenge(for: verifier)      // BASE64URL(SHA256(verifier)), no padding
/// PKCE.challenge(for: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
///     // "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM" (RFC 7636, appendix B)
/// ```
///
/// Only `S256` is offered: `plain` sends the secret itself, which defeats the point.
public enum PKCE {
    /// The challenge method sent as `code_challenge_method`: `S256`.
    public static let challengeMethod = "S256"

    /// The lengths RFC 7636 (4.1) allows for a verifier.
    public static let verifierLengths = 43...128

    /// The characters a verifier (and the `state` this runtime makes) is drawn from: the
    /// unreserved set `A-Z a-z 0-9 - . _ ~` of RFC 3986.
    public static let unreservedCharacters: [Character] =
        Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// A new verifier: `length` characters drawn uniformly from the unreserved set by the
    /// system's cryptographically secure generator (64 characters carry about 384 bits).
    ///
    /// - Precondition: `length` is in ``verifierLengths``.
    public static func makeVerifier(length: Int = 64) -> String {
        precondition(verifierLengths.contains(length), "A PKCE verifier has 43 to 128 characters (RFC 7636, 4.1).")
        return SecureRandom.string(length: length, from: unreservedCharacters)
    }

    /// The `S256` challenge of a verifier: the base64url encoding (no padding) of the SHA-256
    /// of its ASCII bytes.
    public static func challenge(for verifier: String) -> String {
        Base64URL.encode(Data(SHA256.hash(data: Data(verifier.utf8))))
    }

    /// Whether `verifier` is a well-formed verifier: 43 to 128 unreserved characters.
    public static func isValidVerifier(_ verifier: String) -> Bool {
        verifierLengths.contains(verifier.utf8.count) && verifier.utf8.allSatisfy(OAuth1Signature.isUnreserved)
    }
}
