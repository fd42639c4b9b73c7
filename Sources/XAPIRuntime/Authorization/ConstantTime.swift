/// Comparisons of secrets whose time does not depend on where they differ: the client checks
/// a redirect's `state` with it, and x-sandbox its codes, verifiers and client secrets.
///
/// ```swift
/// ConstantTime.equals(receivedState, pending.state)
/// ```
public enum ConstantTime {
    /// Whether the two strings have the same UTF-8 bytes. Every byte of the longer one is
    /// visited whatever the contents, so a forger learns nothing from how long the comparison
    /// took (only, at most, the length).
    public static func equals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        let count = max(left.count, right.count)
        var difference: UInt8 = left.count == right.count ? 0 : 1
        for index in 0..<count {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= a ^ b
        }
        return difference == 0
    }
}
