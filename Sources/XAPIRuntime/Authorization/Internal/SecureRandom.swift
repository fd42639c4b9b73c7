/// Random strings from the system's cryptographically secure generator (`getrandom` on
/// Linux, `SecRandomCopyBytes`'s source on Apple platforms).
enum SecureRandom {
    /// `length` characters drawn uniformly from `alphabet`.
    static func string(length: Int, from alphabet: [Character]) -> String {
        var generator = SystemRandomNumberGenerator()
        var result = ""
        result.reserveCapacity(length)
        for _ in 0..<length {
            result.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
        }
        return result
    }
}
