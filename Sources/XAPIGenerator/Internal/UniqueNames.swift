/// Hands out names that have not been taken yet: the proposal itself when
/// free, otherwise the proposal with the smallest free numeric suffix
/// (`name2`, `name3`, …) after an optional infix (`URLPayload`,
/// `URLPayload2`, …).
struct UniqueNames {
    private(set) var taken: Set<String>

    init(taken: Set<String> = []) {
        self.taken = taken
    }

    /// A free name for `proposal`, now taken.
    mutating func claim(_ proposal: String, infix: String = "") -> String {
        var candidate = proposal
        if taken.contains(candidate) {
            candidate = proposal + infix
            var counter = 2
            while taken.contains(candidate) || (infix.isEmpty && candidate == proposal) {
                candidate = "\(proposal)\(infix)\(counter)"
                counter += 1
            }
        }
        taken.insert(candidate)
        return candidate
    }
}
