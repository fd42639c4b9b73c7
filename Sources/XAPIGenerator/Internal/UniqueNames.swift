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
        let candidate = Self.free(proposal, infix: infix) { taken.contains($0) }
        taken.insert(candidate)
        return candidate
    }

    /// The name `claim` would hand out when `isTaken` says which names are
    /// taken, for callers that avoid several sets at once without building
    /// their union (which made naming quadratic in the number of types).
    static func free(_ proposal: String, infix: String = "", isTaken: (String) -> Bool) -> String {
        guard isTaken(proposal) else { return proposal }
        var candidate = proposal + infix
        var counter = 2
        while isTaken(candidate) || (infix.isEmpty && candidate == proposal) {
            candidate = "\(proposal)\(infix)\(counter)"
            counter += 1
        }
        return candidate
    }
}
