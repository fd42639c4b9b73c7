import Foundation
import XFollows

extension SandboxGraph {
    /// The seed of the default graph (21 March 2006, the day of the first Tweet).
    public static let defaultSeed: UInt64 = 20_060_321

    /// How many ordinary users the seeded graph has.
    public static let seededPopulationCount = 100_000

    /// The deterministic graph the sandbox serves by default: the same users, Tweets, follows
    /// and credentials on every run for a given seed.
    ///
    /// - 100,000 ordinary users (some protected, some verified, some pinning a Tweet, a few
    ///   withheld), made on demand from the seed;
    /// - @XDevelopers (``SandboxAccounts/xDevelopers``), whom every ordinary user follows
    ///   (more than 100,000 followers);
    /// - @tenk_club (``SandboxAccounts/tenThousandClub``), with exactly 10,000 followers;
    /// - @every_field, with every user field and a pinned Tweet with every Tweet field;
    /// - two protected accounts and one without any follows;
    /// - three demo users with OAuth 1.0a and OAuth 2.0 credentials (``SandboxAccounts``).
    ///
    /// ```swift
    /// let graph = SandboxGraph.seeded()
    /// graph.follows.followerCount(of: 1_497_258_931_620_306_945)   // 10000
    /// ```
    public static func seeded(seed: UInt64 = defaultSeed) -> SandboxGraph {
        if seed == defaultSeed { return defaultSeededGraph }
        return SeededGraphBuilder(seed: seed).build()
    }
}

/// The default seeded graph, built once per process (a few hundred milliseconds) and then
/// shared: every sandbox copies it on write.
private let defaultSeededGraph = SeededGraphBuilder(seed: SandboxGraph.defaultSeed).build()
