import Foundation
import XFollows

/// The seeded graph's ordinary users, made on demand from the seed and their index so that
/// 100,000 of them cost no memory until a page shows them.
///
/// User `i` has the ID `userIDBase + i << 22 + low(i)` (snowflake-like, 19 digits), so an ID
/// maps back to its index; the same holds for pinned Tweets under `tweetIDBase`.
struct Population: Sendable, Hashable {
    static let userIDBase: UInt64 = 1_500_000_000_000_000_000
    static let tweetIDBase: UInt64 = 1_700_000_000_000_000_000
    private static let lowBitsMask: UInt64 = (1 << 22) - 1

    private enum Stream: UInt64 {
        case userLowBits = 1, profile, tweetLowBits, tweet, recentTweet, recentTweetContent
    }

    let seed: UInt64
    let count: Int
    /// Handles bios and Tweets may mention.
    let mentionable: [String]

    func userID(at index: Int) -> UInt64 {
        Self.userIDBase + UInt64(index) << 22 + lowBits(.userLowBits, index)
    }

    func index(ofUser id: UInt64) -> Int? {
        index(of: id, base: Self.userIDBase, stream: .userLowBits)
    }

    func pinnedTweetID(at index: Int) -> UInt64 {
        Self.tweetIDBase + UInt64(index) << 22 + lowBits(.tweetLowBits, index)
    }

    /// The user at `index`, with zero follower and following counts (the graph knows those).
    func user(at index: Int) -> User {
        var random = SeededRandom.derived(seed: seed, stream: Stream.profile.rawValue, index: UInt64(index))
        let first = random.pick(ProfileVocabulary.firstNames)
        let last = random.pick(ProfileVocabulary.lastNames)
        let username = ProfileFactory.username(first: first, last: last, suffix: String(index, radix: 36))
        let created = ProfileFactory.date(between: ProfileFactory.earliestAccount, and: ProfileFactory.latestAccount,
                                          using: &random)
        let bio = random.chance(0.75) ? ProfileFactory.biography(using: &random, mentionable: mentionable) : nil
        let website = random.chance(0.25) ? ProfileFactory.website(using: &random, handle: username) : nil
        let location = random.chance(0.6) ? random.pick(ProfileVocabulary.locations) : nil
        let isProtected = random.chance(0.04)
        let verification: User.VerifiedType
        switch random.below(100) {
        case 0..<7: verification = .blue
        case 7..<9: verification = .business
        case 9: verification = .government
        default: verification = .none
        }
        let tweetCount = random.chance(0.05) ? 0 : random.integer(in: 1...60_000)
        let listedCount = random.integer(in: 0...400)
        let pins = !isProtected && tweetCount > 0 && random.chance(0.15)
        let withheld = random.chance(0.003)
            ? UserWithheld(countryCodes: [random.pick(["DE", "FR", "IN", "TR", "RU"])], scope: .user) : nil
        let entities = (website != nil || bio?.descriptionEntities != nil)
            ? UserEntities(url: website?.entities, description: bio?.descriptionEntities) : nil
        let recentTweet = recentTweetID(at: index)
        var user = User(
            id: String(userID(at: index)),
            name: random.chance(0.1) ? "\(first) \(last) 🚀" : "\(first) \(last)",
            username: username,
            createdAt: created,
            description: bio?.text ?? "",
            entities: entities,
            location: location,
            mostRecentTweetID: tweetCount > 0 ? String(pins && random.chance(0.3) ? pinnedTweetID(at: index) : recentTweet) : nil,
            pinnedTweetID: pins ? String(pinnedTweetID(at: index)) : nil,
            profileImageURL: ProfileFactory.profileImageURL(using: &random),
            protected: isProtected,
            publicMetrics: UserPublicMetrics(followersCount: 0, followingCount: 0, tweetCount: tweetCount,
                                             listedCount: listedCount),
            url: website?.url ?? "",
            verified: verification != .none,
            verifiedType: verification,
            withheld: withheld
        )
        // Shapes the draws above never make, decided last so that every user keeps what was
        // drawn before: names in other scripts, descriptions at X's limit, bare new accounts.
        let shape = random.below(100)
        switch shape {
        case 0..<6:
            let name = random.pick(ProfileVocabulary.internationalNames)
            user.name = name.name
            user.username = ProfileFactory.username(stem: name.handle, suffix: String(index, radix: 36))
        case 6..<8:
            let bio = ProfileFactory.longBiography(using: &random, mentionable: mentionable)
            user.description = bio.text
            user.entities = UserEntities(url: website?.entities, description: bio.descriptionEntities)
        default:
            break
        }
        ProfileFactory.addNewerFields(to: &user, likes: tweetCount == 0 ? 0 : random.integer(in: 0...90_000),
                                      using: &random)
        if (8..<10).contains(shape) { Self.strip(&user) }
        return user
    }

    /// The ID of the user's most recent Tweet when it is not the pinned one: bit 21 of its low
    /// bits is set, which a pinned Tweet's never is.
    func recentTweetID(at index: Int) -> UInt64 {
        Self.tweetIDBase + UInt64(index) << 22 + (lowBits(.recentTweet, index) | 1 << 21)
    }

    /// The most recent Tweet of the user at `index`, when it is not the pinned one: posted in
    /// the month after every pinned Tweet, so it is the newest.
    func recentTweet(at index: Int) -> Tweet? {
        let id = recentTweetID(at: index)
        guard user(at: index).mostRecentTweetID == String(id) else { return nil }
        var random = SeededRandom.derived(seed: seed, stream: Stream.recentTweetContent.rawValue, index: UInt64(index))
        return ProfileFactory.tweet(
            id: id, authorID: userID(at: index), createdAfter: ProfileFactory.latestTweet,
            createdBefore: ProfileFactory.latestTweet.addingTimeInterval(30 * 86_400), mentionable: mentionable,
            using: &random)
    }

    /// Makes `user` an account that filled in nothing and never posted: no description,
    /// location, website, entities, pinned or recent Tweet, the default picture, unverified.
    static func strip(_ user: inout User) {
        user.description = ""
        user.entities = nil
        user.location = nil
        user.url = ""
        user.pinnedTweetID = nil
        user.mostRecentTweetID = nil
        user.withheld = nil
        user.profileImageURL = ProfileFactory.defaultProfileImageURL
        user.publicMetrics?.tweetCount = 0
        user.verified = false
        user.verifiedType = User.VerifiedType.none
        user.publicMetrics?.likeCount = 0
        user.profileBannerURL = nil
        user.subscriptionType = User.SubscriptionType.none
        user.isIdentityVerified = false
        user.parody = false
        user.verifiedFollowersCount = 0
        user.affiliation = nil
    }

    /// The pinned Tweet of the user at `index`, when the user pins one.
    func pinnedTweet(at index: Int) -> Tweet? {
        let user = user(at: index)
        guard user.pinnedTweetID != nil else { return nil }
        var random = SeededRandom.derived(seed: seed, stream: Stream.tweet.rawValue, index: UInt64(index))
        return ProfileFactory.tweet(
            id: pinnedTweetID(at: index),
            authorID: userID(at: index),
            createdAfter: user.createdAt ?? ProfileFactory.earliestAccount,
            mentionable: mentionable,
            using: &random
        )
    }

    /// The pinned or most recent Tweet with this ID, when it is one of the population's.
    func tweet(withID id: UInt64) -> Tweet? {
        if let index = index(of: id, base: Self.tweetIDBase, stream: .tweetLowBits) { return pinnedTweet(at: index) }
        guard id >= Self.tweetIDBase, (id - Self.tweetIDBase) >> 22 < UInt64(count) else { return nil }
        let index = Int((id - Self.tweetIDBase) >> 22)
        return recentTweetID(at: index) == id ? recentTweet(at: index) : nil
    }

    private func lowBits(_ stream: Stream, _ index: Int) -> UInt64 {
        var random = SeededRandom.derived(seed: seed, stream: stream.rawValue, index: UInt64(index))
        return random.next() & (Self.lowBitsMask >> 1)
    }

    private func index(of id: UInt64, base: UInt64, stream: Stream) -> Int? {
        guard id >= base else { return nil }
        let candidate = (id - base) >> 22
        guard candidate < UInt64(count) else { return nil }
        let index = Int(candidate)
        return base + UInt64(index) << 22 + lowBits(stream, index) == id ? index : nil
    }
}
