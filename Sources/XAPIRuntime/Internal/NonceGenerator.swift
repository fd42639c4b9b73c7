/// Random OAuth 1.0a nonces.
enum NonceGenerator {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// 32 random alphanumeric characters from the system's secure generator.
    static func makeNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<32).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
