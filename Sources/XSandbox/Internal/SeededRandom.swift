/// A deterministic SplitMix64 generator: the same seed yields the same numbers on every run and
/// platform, which is what makes the seeded graph reproducible.
///
/// Every helper draws with its own arithmetic (never `Int.random(in:using:)`, whose algorithm
/// the standard library may change), so the sequence depends on this file only.
struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator starting from `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// An independent generator for item `index` of a stream seeded by `seed`: the same pair
    /// always yields the same numbers, whatever was drawn for other indices.
    static func derived(seed: UInt64, stream: UInt64, index: UInt64) -> SeededRandom {
        var mixer = SeededRandom(seed: seed ^ (stream &* 0xD6E8_FEB8_6659_FD93))
        let base = mixer.next()
        var generator = SeededRandom(seed: base ^ (index &* 0x9E37_79B9_7F4A_7C15))
        _ = generator.next()
        return generator
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-and-reject, unbiased).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "the bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A uniform integer in `range`.
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// `true` with probability `probability` (0...1).
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(UInt64(1) << 53) < probability
    }

    /// One element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// Shuffles in place (Fisher–Yates).
    mutating func shuffle<Element>(_ elements: inout [Element]) {
        guard elements.count > 1 else { return }
        for index in stride(from: elements.count - 1, to: 0, by: -1) {
            let other = below(index + 1)
            if other != index { elements.swapAt(index, other) }
        }
    }

    /// `count` characters drawn from `alphabet`.
    mutating func string(count: Int, from alphabet: [Character]) -> String {
        var result = ""
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(pick(alphabet)) }
        return result
    }

    /// Letters and digits, as X's keys and tokens use.
    static let alphanumerics: [Character] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
}
