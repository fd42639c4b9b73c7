import Foundation
import XFollows

/// Makes realistic users and Tweets from a seeded generator: names, handles, bios whose
/// entities match their text, metrics, pinned Tweets with every field X can return.
enum ProfileFactory {
    /// 2008-01-01T00:00:00Z, the earliest account creation date drawn.
    static let earliestAccount = Date(timeIntervalSince1970: 1_199_145_600)
    /// 2024-06-30T00:00:00Z, the latest account creation date drawn.
    static let latestAccount = Date(timeIntervalSince1970: 1_719_705_600)
    /// 2024-10-01T00:00:00Z, the latest Tweet date drawn.
    static let latestTweet = Date(timeIntervalSince1970: 1_727_740_800)

    /// A date in `[start, end)` with millisecond precision, as X's timestamps have.
    static func date(between start: Date, and end: Date, using random: inout SeededRandom) -> Date {
        let span = max(1, Int(end.timeIntervalSince(start)))
        let seconds = random.below(span)
        let milliseconds = random.below(1000)
        return start.addingTimeInterval(Double(seconds) + Double(milliseconds) / 1000)
    }

    /// A `t.co` short link.
    static func shortURL(using random: inout SeededRandom) -> String {
        "https://t.co/" + random.string(count: 10, from: SeededRandom.alphanumerics)
    }

    /// ASCII letters and digits of a name, lowercased: `Chloé` → `chloe`.
    static func handlePart(_ name: String) -> String {
        let scalars = name.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0))
        }
        return String(String.UnicodeScalarView(scalars)).lowercased()
    }

    /// The handle part of every first and last name in ``ProfileVocabulary``, worked out once:
    /// folding a name to ASCII costs more than the rest of a username, and every user needs two.
    private static let vocabularyHandleParts: [String: String] = Dictionary(
        (ProfileVocabulary.firstNames + ProfileVocabulary.lastNames).map { ($0, handlePart($0)) },
        uniquingKeysWith: { first, _ in first })

    /// A handle of at most 15 characters from `[A-Za-z0-9_]`, made unique by `suffix`.
    static func username(first: String, last: String, suffix: String) -> String {
        let first = vocabularyHandleParts[first] ?? handlePart(first)
        let last = vocabularyHandleParts[last] ?? handlePart(last)
        return username(stem: "\(first)_\(last)", suffix: suffix)
    }

    /// `stem` cut to leave room for `suffix`, then `suffix`: at most 15 characters.
    static func username(stem: String, suffix: String) -> String {
        let room = max(1, 15 - suffix.count)
        return String(stem.prefix(room)) + suffix
    }

    /// The picture X shows for an account that set none.
    static let defaultProfileImageURL = URL(string: "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png")!

    /// A profile picture URL on X's image host.
    static func profileImageURL(using random: inout SeededRandom) -> URL {
        if random.chance(0.08) {
            return defaultProfileImageURL
        }
        let folder = 1_000_000_000_000_000_000 + UInt64(random.below(700_000_000)) * 1_000_000_000
        let name = random.string(count: 8, from: SeededRandom.alphanumerics)
        return URL(string: "https://pbs.twimg.com/profile_images/\(folder)/\(name)_normal.jpg")!
    }

    /// A profile website: its `t.co` link and the entity that expands it.
    static func website(using random: inout SeededRandom, handle: String) -> (url: String, entities: ProfileURLEntities) {
        let short = shortURL(using: &random)
        let domain = random.pick(ProfileVocabulary.domains)
        let expanded = "https://\(domain)/\(handle)"
        let entity = URLEntity(start: 0, end: short.unicodeScalars.count, url: short, expandedURL: expanded,
                               displayURL: "\(domain)/\(handle)")
        return (short, ProfileURLEntities(urls: [entity]))
    }

    /// A bio with hashtags, mentions, cashtags and links whose entities match the text, within
    /// X's 160 characters.
    static func biography(using random: inout SeededRandom, mentionable: [String]) -> EntityTextBuilder {
        var text = EntityTextBuilder()
        let job = random.pick(ProfileVocabulary.jobs)
        text.append(job.prefix(1).uppercased() + job.dropFirst())
        if random.chance(0.5) {
            text.append(" at \(random.pick(ProfileVocabulary.companies))")
        }
        text.append(". ")
        if random.chance(0.7) {
            text.append("Into ")
            text.hashtag(random.pick(ProfileVocabulary.hashtags))
            if random.chance(0.4) {
                text.append(" and ")
                text.hashtag(random.pick(ProfileVocabulary.hashtags))
            }
            text.append(". ")
        }
        // Each part is drawn whether or not it fits, so that what follows draws the same.
        func fits(_ part: String) -> Bool { text.text.count + part.count <= descriptionLimit }
        if random.chance(0.2) {
            let symbol = random.pick(ProfileVocabulary.cashtags)
            if fits("Long $\(symbol), not advice. ") {
                text.append("Long ")
                text.cashtag(symbol)
                text.append(", not advice. ")
            }
        }
        if random.chance(0.3), !mentionable.isEmpty {
            let handle = random.pick(mentionable)
            if fits("Previously @\(handle). ") {
                text.append("Previously ")
                text.mention(handle)
                text.append(". ")
            }
        }
        if random.chance(0.25) {
            let short = shortURL(using: &random)
            let domain = random.pick(ProfileVocabulary.domains)
            let slug = random.string(count: 6, from: Array("abcdefghijklmnopqrstuvwxyz"))
            if fits("Blog: \(short) ") {
                text.append("Blog: ")
                text.url(short: short, expanded: "https://\(domain)/\(slug)", display: "\(domain)/\(slug)")
                text.append(" ")
            }
        }
        let signOff = random.chance(0.5) ? "Opinions my own." : "She/her · he/him · they/them welcome."
        if fits(signOff) { text.append(signOff) }
        return text
    }

    /// @XDevelopers as an affiliation: the badge X shows on the profiles of the accounts
    /// affiliated with it, which `expansions=affiliation.user_id` expands.
    static let developersAffiliation = UserAffiliation(
        badgeURL: URL(string: "https://pbs.twimg.com/profile_images/1683501992314798080/xl1POYLw_bigger.jpg"),
        description: "Developers",
        url: URL(string: "https://x.com/XDevelopers"),
        userID: [SandboxAccounts.xDevelopers]
    )

    /// The user fields X added after the seeds (banner, subscription, identity verification,
    /// parody label, verified followers, likes, affiliation), drawn after every other value so
    /// that users keep what they had. The subscription follows the check mark: blue needs
    /// Premium or Premium+.
    static func addNewerFields(to user: inout User, likes: Int, using random: inout SeededRandom) {
        if random.chance(0.6), let id = UInt64(user.id) {
            user.profileBannerURL = URL(string: "https://pbs.twimg.com/profile_banners/\(id)/\(1_500_000_000 + random.below(230_000_000))")
        }
        switch user.verifiedType {
        case .blue?: user.subscriptionType = random.chance(0.7) ? .premium : .premiumPlus
        default: user.subscriptionType = random.chance(0.03) ? .basic : User.SubscriptionType.none
        }
        switch user.verifiedType {
        case .business?, .government?: user.isIdentityVerified = true
        case .blue?: user.isIdentityVerified = random.chance(0.3)
        default: user.isIdentityVerified = false
        }
        let parody = random.chance(0.005) && user.name.count <= 41
        user.parody = parody
        if parody { user.name += " (parody)" }
        user.verifiedFollowersCount = 0
        user.publicMetrics?.likeCount = likes
        if random.chance(0.01) { user.affiliation = developersAffiliation }
    }

    /// X's limit on a profile description, in characters.
    static let descriptionLimit = 160

    /// A description at X's 160-character limit, in several scripts with emoji, whose entities
    /// come after multi-scalar characters (so that positions in code points, UTF-16 units and
    /// bytes all differ).
    static func longBiography(using random: inout SeededRandom, mentionable: [String]) -> EntityTextBuilder {
        var text = EntityTextBuilder()
        func fits(_ candidate: String) -> Bool { text.text.count + candidate.count <= descriptionLimit }
        text.append("👩🏽‍💻 " + random.pick(ProfileVocabulary.jobs) + " · ")
        var phrases = ProfileVocabulary.longBioPhrases
        random.shuffle(&phrases)
        for phrase in phrases.prefix(2) where fits(phrase + " · ") {
            text.append(phrase + " · ")
        }
        let tag = random.pick(ProfileVocabulary.hashtags)
        if fits("#\(tag) ") {
            text.hashtag(tag)
            text.append(" ")
        }
        if !mentionable.isEmpty {
            let handle = random.pick(mentionable)
            if fits("ex-@\(handle) ") {
                text.append("ex-")
                text.mention(handle)
                text.append(" ")
            }
        }
        let symbol = random.pick(ProfileVocabulary.cashtags)
        if fits("$\(symbol) ") {
            text.cashtag(symbol)
            text.append(" ")
        }
        let short = shortURL(using: &random)
        if fits(short) {
            let domain = random.pick(ProfileVocabulary.domains)
            text.url(short: short, expanded: "https://\(domain)/long-bio", display: "\(domain)/long-bio")
        }
        while fits("✨") { text.append("✨") }
        return text
    }

    /// A pinned Tweet with every field a Tweet can have filled in the way X fills it.
    static func tweet(
        id: UInt64,
        authorID: UInt64,
        createdAfter accountCreation: Date,
        createdBefore latest: Date = latestTweet,
        mentionable: [String],
        using random: inout SeededRandom
    ) -> Tweet {
        let language = random.chance(0.7) ? ProfileVocabulary.tweetTexts[0] : random.pick(ProfileVocabulary.tweetTexts)
        var text = EntityTextBuilder()
        if language.lang == "en", random.chance(0.4) {
            text.annotated("Swift", type: "Product", probability: 0.8 + Double(random.below(20)) / 100)
            text.append(" tip: ")
        }
        text.append(random.pick(language.texts))
        if random.chance(0.6) {
            text.append(" ")
            text.hashtag(random.pick(ProfileVocabulary.hashtags))
        }
        if random.chance(0.2) {
            text.append(" ")
            text.cashtag(random.pick(ProfileVocabulary.cashtags))
        }
        if random.chance(0.3), !mentionable.isEmpty {
            text.append(" cc ")
            text.mention(random.pick(mentionable))
        }
        if random.chance(0.4) {
            text.append(" ")
            let short = shortURL(using: &random)
            let domain = random.pick(ProfileVocabulary.domains)
            let slug = random.string(count: 8, from: Array("abcdefghijklmnopqrstuvwxyz0123456789"))
            text.url(short: short, expanded: "https://\(domain)/\(slug)", display: "\(domain)/\(slug)")
        }

        let created = date(between: max(accountCreation, earliestAccount.addingTimeInterval(86_400)),
                           and: latest, using: &random)
        let impressions = random.integer(in: 50...250_000)
        let likes = impressions / random.integer(in: 20...200)
        let retweets = likes / random.integer(in: 3...12)
        let replies = likes / random.integer(in: 5...30)
        let quotes = retweets / random.integer(in: 2...8)
        let bookmarks = likes / random.integer(in: 4...20)
        let linkClicks = text.urls.isEmpty ? 0 : impressions / random.integer(in: 30...300)
        let profileClicks = impressions / random.integer(in: 40...400)
        let tweetID = String(id)
        var annotations: [ContextAnnotation]?
        if random.chance(0.5) {
            let annotation = random.pick(ProfileVocabulary.annotations)
            annotations = [ContextAnnotation(
                domain: ContextAnnotationDomain(id: annotation.domainID, name: annotation.domain,
                                                description: "Named \(annotation.domain.lowercased()) entities"),
                entity: ContextAnnotationEntity(id: annotation.entityID, name: annotation.entity)
            )]
        }
        let hasMedia = random.chance(0.3)
        let hasPlace = random.chance(0.1)
        var tweet = Tweet(
            id: tweetID,
            text: text.text,
            editHistoryTweetIDs: [tweetID],
            attachments: hasMedia ? TweetAttachments(mediaKeys: ["3_\(id)"]) : nil,
            authorID: String(authorID),
            contextAnnotations: annotations,
            conversationID: tweetID,
            createdAt: created,
            editControls: EditControls(editsRemaining: 5, isEditEligible: true,
                                       editableUntil: created.addingTimeInterval(3600)),
            entities: text.tweetEntities,
            geo: hasPlace ? TweetGeo(placeID: random.string(count: 16, from: Array("0123456789abcdef"))) : nil,
            lang: language.lang,
            nonPublicMetrics: TweetNonPublicMetrics(
                impressionCount: impressions, urlLinkClicks: linkClicks, userProfileClicks: profileClicks),
            publicMetrics: TweetPublicMetrics(
                retweetCount: retweets, replyCount: replies, likeCount: likes, quoteCount: quotes,
                bookmarkCount: bookmarks, impressionCount: impressions),
            organicMetrics: TweetEngagementMetrics(
                impressionCount: impressions, likeCount: likes, replyCount: replies, retweetCount: retweets,
                urlLinkClicks: linkClicks, userProfileClicks: profileClicks),
            possiblySensitive: false,
            replySettings: .everyone,
            source: random.pick(ProfileVocabulary.sources)
        )
        addNewerFields(to: &tweet, text: text, using: &random)
        return tweet
    }

    /// The Tweet fields X added after the seeds (display range, media alt texts, card, long
    /// post, community, scopes, article, suggested sources), drawn after every other value so
    /// that Tweets keep what they had.
    static func addNewerFields(to tweet: inout Tweet, text: EntityTextBuilder, using random: inout SeededRandom) {
        tweet.displayTextRange = [0, text.text.unicodeScalars.count]
        if let keys = tweet.attachments?.mediaKeys {
            var metadata: [TweetMediaMetadata] = []
            for key in keys {
                metadata.append(TweetMediaMetadata(
                    mediaKey: key, altText: random.chance(0.6) ? random.pick(ProfileVocabulary.altTexts) : nil))
            }
            tweet.mediaMetadata = metadata
        }
        if !text.urls.isEmpty, random.chance(0.5) {
            tweet.cardURI = "card://\(1_840_000_000_000_000_000 + UInt64(random.below(1 << 40)))"
        }
        if random.chance(0.1) {
            var long = text
            while long.text.count <= 280 {
                long.append(" " + random.pick(ProfileVocabulary.longPostSentences))
            }
            long.append(" ")
            long.hashtag(random.pick(ProfileVocabulary.hashtags))
            tweet.noteTweet = NoteTweet(text: long.text, entities: long.tweetEntities)
        }
        if random.chance(0.03) {
            tweet.communityID = String(1_490_000_000_000_000_000 + UInt64(random.below(1 << 40)))
        }
        if random.chance(0.1) {
            tweet.scopes = TweetScopes(followers: random.chance(0.2))
        }
        if random.chance(0.02) {
            tweet.article = TweetArticle(title: random.pick(ProfileVocabulary.articleTitles))
        }
        if let link = text.urls.first, random.chance(0.05) {
            tweet.suggestedSourceLinks = [link]
            tweet.suggestedSourceLinksWithCounts = SuggestedSourceLink(count: random.integer(in: 1...40), url: link)
        }
    }
}
