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

    /// The well-known accounts follow people too: @XDevelopers follows ordinary users of every
    /// shape (withheld, protected, verified, pinning, named in other scripts, with descriptions
    /// at the limit, bare) and the shape accounts; @tenk_club and @every_field follow some.
    /// None of this changes a follower count the tests and the README rely on: nobody new
    /// follows @XDevelopers (100,003) or @tenk_club (10,000) but the suspended accounts, whose
    /// follows are hidden.
    func addWellKnownFollows(to graph: inout SandboxGraph, population: Population) {
        var random = SeededRandom.derived(seed: seed, stream: Stream.wellKnown.rawValue, index: 0)
        let ordinary = Self.showcase(of: population, using: &random).map { String(population.userID(at: $0)) }
        let developers = SandboxAccounts.xDevelopers
        var follows: [(String, String)] = ordinary.map { (developers, $0) }
        follows += [SandboxAccounts.everyField, SandboxAccounts.lockedLucy].map { (developers, $0) }
        follows += SandboxAccounts.shapes.map { (developers, $0) }
        follows += ordinary.prefix(12).map { (SandboxAccounts.tenThousandClub, $0) }
        follows += [SandboxAccounts.bareMinimum, SandboxAccounts.yamadaTaro, SandboxAccounts.everyField]
            .map { (SandboxAccounts.tenThousandClub, $0) }
        follows += SandboxAccounts.shapes.map { (SandboxAccounts.everyField, $0) }
        for suspended in SandboxAccounts.suspended {
            follows += [developers, SandboxAccounts.tenThousandClub, SandboxAccounts.everyField, SandboxAccounts.alice]
                .map { (suspended, $0) }
        }
        follows.append((developers, SandboxAccounts.suspendedSpammer))
        do {
            for (source, target) in follows { try graph.follow(source, target) }
            for suspended in SandboxAccounts.suspended { try graph.suspend(suspended) }
        } catch {
            preconditionFailure("The seeded graph is inconsistent: \(error)")
        }
    }

    /// Indexes of ordinary users that show every shape the population has: the first three of
    /// each kind among the first 5,000 users, then eight drawn at random, in a shuffled order.
    static func showcase(of population: Population, using random: inout SeededRandom) -> [Int] {
        let kinds: [(User) -> Bool] = [
            { $0.withheld != nil },
            { $0.protected == true },
            { $0.verifiedType == .business || $0.verifiedType == .government },
            { $0.pinnedTweetID != nil },
            { $0.name.unicodeScalars.contains { !$0.isASCII } && !$0.name.hasSuffix("🚀") },
            { ($0.description?.count ?? 0) >= ProfileFactory.descriptionLimit - 10 },
            { $0.description == "" && $0.location == nil && $0.mostRecentTweetID == nil },
            { $0.parody == true },
            { $0.affiliation != nil },
        ]
        var picked: [Int] = []
        for kind in kinds {
            let taken = picked
            let found = (0..<min(5_000, population.count)).lazy
                .filter { !taken.contains($0) && kind(population.user(at: $0)) }
                .prefix(3)
            picked += Array(found)
        }
        while picked.count < kinds.count * 3 + 8 {
            let index = random.below(population.count)
            if !picked.contains(index) { picked.append(index) }
        }
        random.shuffle(&picked)
        return picked
    }
}
