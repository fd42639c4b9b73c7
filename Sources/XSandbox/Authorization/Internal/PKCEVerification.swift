import XFollows

/// The PKCE check of RFC 7636 (4.6), with both methods X accepts (its own examples use
/// `plain` with a short verifier, so the length is not enforced).
enum PKCEVerification {
    static func matches(verifier: String, challenge: String, method: String) -> Bool {
        guard !verifier.isEmpty else { return false }
        switch method {
        case "S256": return ConstantTime.equals(PKCE.challenge(for: verifier), challenge)
        case "plain": return ConstantTime.equals(verifier, challenge)
        default: return false
        }
    }
}
