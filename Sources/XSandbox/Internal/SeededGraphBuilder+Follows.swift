import Foundation
import XFollows

/// Who follows whom in the seeded graph.
extension SeededGraphBuilder {
    /// Every ordinary user follows @XDevelopers, 10,000 of them follow @tenk_club, and about a
    /// third follow another ordinary user.
    func addPopulationFollows(to graph: inout SandboxGraph, population: Population) {
        let xDevelopers = UInt64(SandboxAccounts.xDevelopers)!
        let tenThousandClub = UInt64(SandboxAccounts.tenThousandClub)!
        let everyField = UInt64(SandboxAccounts.everyField)!
        let ids = (0..<population.count).map(population.userID(at:))

        var order = Array(0..<population.count)
        var random = SeededRandom.derived(seed: seed, stream: Stream.followOrder.rawValue, index: 0)
        random.shuffle(&order)
        var sample = Array(0..<population.count)
        var sampler = SeededRandom.derived(seed: seed, stream: Stream.tenThousandSample.rawValue, index: 0)
        sampler.shuffle(&sample)
        var social = SeededRandom.derived(seed: seed, stream: Stream.social.rawValue, index: 0)

        graph.withFollows { follows in
            follows.reserveFollowers(of: xDevelopers, population.count + 8)
            for index in order {
                follows.follow(ids[index], xDevelopers)
            }
            for index in sample.prefix(10_000) {
                follows.follow(ids[index], tenThousandClub)
            }
            for index in 0..<population.count {
                if social.chance(0.3) {
                    var other = social.below(population.count)
                    if other == index { other = (other + 1) % population.count }
                    follows.follow(ids[index], ids[other])
                }
                if social.chance(0.02) {
                    follows.follow(ids[index], everyField)
                }
            }
        }
    }

    func addFeaturedFollows(to graph: inout SandboxGraph, population: Population) {
        var random = SeededRandom.derived(seed: seed, stream: Stream.demo.rawValue, index: 0)
        let follows: [(String, String)] = [
            (SandboxAccounts.everyField, SandboxAccounts.xDevelopers),
            (SandboxAccounts.lockedLucy, SandboxAccounts.xDevelopers),
            (SandboxAccounts.privatePete, SandboxAccounts.lockedLucy),
            (SandboxAccounts.lockedLucy, SandboxAccounts.everyField),
            (SandboxAccounts.alice, SandboxAccounts.everyField),
            (SandboxAccounts.alice, SandboxAccounts.bob),
            (SandboxAccounts.bob, SandboxAccounts.alice),
            (SandboxAccounts.bob, SandboxAccounts.xDevelopers),
            (SandboxAccounts.carol, SandboxAccounts.alice),
            (SandboxAccounts.carol, SandboxAccounts.lockedLucy),
        ]
        do {
            for (source, target) in follows { try graph.follow(source, target) }
            try graph.requestFollow(SandboxAccounts.alice, SandboxAccounts.privatePete)
            for demo in SandboxAccounts.demoUsers {
                for _ in 0..<25 {
                    let target = population.userID(at: random.below(population.count))
                    try graph.follow(demo, String(target))
                }
                for _ in 0..<15 {
                    let source = population.userID(at: random.below(population.count))
                    try graph.follow(String(source), demo)
                }
            }
        } catch {
            preconditionFailure("The seeded graph is inconsistent: \(error)")
        }
    }
}
