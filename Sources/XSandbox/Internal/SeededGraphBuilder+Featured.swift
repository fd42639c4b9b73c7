import Foundation
import XFollows

/// The featured accounts of the seeded graph: @XDevelopers, @every_field, @tenk_club, the
/// protected accounts, @quiet_quinn and the demo users.
extension SeededGraphBuilder {
    func date(_ text: String) -> Date {
        XAPIJSON.date(from: text)!
    }

    func addFeaturedAccounts(to graph: inout SandboxGraph) {
        var random = SeededRandom.derived(seed: seed, stream: Stream.featured.rawValue, index: 0)
        for (user, tweet) in [
            xDevelopers(using: &random), everyField(using: &random), tenThousandClub(using: &random),
            lockedLucy(using: &random), privatePete(using: &random), quietQuinn(),
            demoUser(SandboxAccounts.alice, name: "Alice Sandbox", username: "sandbox_alice", pins: true, using: &random),
            demoUser(SandboxAccounts.bob, name: "Bob Sandbox", username: "sandbox_bob", pins: false, using: &random),
            demoUser(SandboxAccounts.carol, name: "Carol Sandbox", username: "sandbox_carol", pins: true, using: &random),
        ] {
            var (user, tweet) = (user, tweet)
            addNewerFields(to: &user, pinned: &tweet)
            do {
                try graph.add(user)
                if let tweet { try graph.add(tweet) }
            } catch {
                preconditionFailure("The seeded graph is inconsistent: \(error)")
            }
        }
        addRecentTweets(to: &graph)
    }

    func metrics(tweets: Int, listed: Int) -> UserPublicMetrics {
        UserPublicMetrics(followersCount: 0, followingCount: 0, tweetCount: tweets, listedCount: listed)
    }

    func xDevelopers(using random: inout SeededRandom) -> (User, Tweet?) {
        var bio = EntityTextBuilder()
        bio.append("The voice of the ")
        bio.hashtag("XAPI")
        bio.append(" team and your official source for updates, news, and events related to the X API. Docs: ")
        bio.url(short: "https://t.co/9bHHBd7TWP", expanded: "https://developer.x.com/en/docs",
                display: "developer.x.com/en/docs")
        let website = URLEntity(start: 0, end: 23, url: "https://t.co/3ZX3TNiZCY",
                                expandedURL: "https://developer.x.com", displayURL: "developer.x.com")
        let pinnedID = "1846987139428634858"
        var text = EntityTextBuilder()
        text.append("Page through 100,000 followers, follow and unfollow, and hit every rate limit without touching production: ")
        text.append("the ")
        text.annotated("X API", type: "Product", probability: 0.92)
        text.append(" v2 follows sandbox is here ")
        text.hashtag("XAPI")
        text.append(" ")
        text.hashtag("DevTools")
        text.append(" cc ")
        text.mention("every_field")
        text.append(" ")
        text.url(short: "https://t.co/Kq2LmYsT0d", expanded: "https://developer.x.com/en/docs/x-api/users/follows",
                 display: "developer.x.com/en/docs/x-api/…")
        let created = date("2024-09-18T16:02:11.000Z")
        let tweet = Tweet(
            id: pinnedID,
            text: text.text,
            editHistoryTweetIDs: [pinnedID],
            attachments: TweetAttachments(mediaKeys: ["3_1846987131073409024"]),
            authorID: SandboxAccounts.xDevelopers,
            contextAnnotations: [
                ContextAnnotation(
                    domain: ContextAnnotationDomain(id: "46", name: "Business Taxonomy",
                                                    description: "Categories within Brand Verticals that narrow down the scope of Brands"),
                    entity: ContextAnnotationEntity(id: "1557697333571112960", name: "Technology Business",
                                                    description: "Brands, companies, advertisers and every non-person handle with the profit intent related to softwares, apps, communication equipments, hardwares")),
                ContextAnnotation(
                    domain: ContextAnnotationDomain(id: "47", name: "Brand", description: "Brands and Companies"),
                    entity: ContextAnnotationEntity(id: "10045225402", name: "Twitter")),
            ],
            conversationID: pinnedID,
            createdAt: created,
            editControls: EditControls(editsRemaining: 5, isEditEligible: true, editableUntil: created.addingTimeInterval(3600)),
            entities: text.tweetEntities,
            lang: "en",
            nonPublicMetrics: TweetNonPublicMetrics(impressionCount: 1_204_331, urlLinkClicks: 18_220, userProfileClicks: 9_874),
            publicMetrics: TweetPublicMetrics(retweetCount: 1_342, replyCount: 287, likeCount: 6_518, quoteCount: 211,
                                              bookmarkCount: 944, impressionCount: 1_204_331),
            organicMetrics: TweetEngagementMetrics(impressionCount: 1_204_331, likeCount: 6_518, replyCount: 287,
                                                   retweetCount: 1_342, urlLinkClicks: 18_220, userProfileClicks: 9_874),
            possiblySensitive: false,
            replySettings: .everyone,
            source: "Twitter Web App"
        )
        let user = User(
            id: SandboxAccounts.xDevelopers,
            name: "Developers",
            username: "XDevelopers",
            createdAt: date("2013-12-14T04:35:55.000Z"),
            description: bio.text,
            entities: UserEntities(url: ProfileURLEntities(urls: [website]), description: bio.descriptionEntities),
            location: "127.0.0.1",
            mostRecentTweetID: "1849211954125123872",
            pinnedTweetID: pinnedID,
            profileImageURL: URL(string: "https://pbs.twimg.com/profile_images/1683501992314798080/xl1POYLw_normal.jpg"),
            protected: false,
            publicMetrics: metrics(tweets: 4_201, listed: 2_910),
            url: "https://t.co/3ZX3TNiZCY",
            verified: true,
            verifiedType: .business
        )
        return (user, tweet)
    }

    func everyField(using random: inout SeededRandom) -> (User, Tweet?) {
        var bio = EntityTextBuilder()
        bio.append("Every field, every entity: ")
        bio.hashtag("OpenAPI")
        bio.append(" fan, ")
        bio.cashtag("TWTR")
        bio.append(" bagholder, reply guy to ")
        bio.mention("XDevelopers")
        bio.append(". Notes: ")
        bio.url(short: "https://t.co/EvRyF1eLd5", expanded: "https://example.dev/every-field", display: "example.dev/every-field")
        let website = URLEntity(start: 0, end: 23, url: "https://t.co/Fu11Pr0f1L",
                                expandedURL: "https://every-field.example", displayURL: "every-field.example")
        let pinnedID = "1849102233445566778"
        var text = EntityTextBuilder()
        text.mention("XDevelopers")
        text.append(" requested every field of the ")
        text.annotated("follows", type: "Other", probability: 0.61)
        text.append(" endpoints and got them all ")
        text.hashtag("OpenAPI")
        text.append(" ")
        text.cashtag("TWTR")
        text.append(" ")
        text.url(short: "https://t.co/AlLF1eLdS0", expanded: "https://example.dev/every-field/tweet",
                 display: "example.dev/every-field/…")
        let created = date("2024-10-02T09:30:00.000Z")
        let tweet = Tweet(
            id: pinnedID,
            text: text.text,
            editHistoryTweetIDs: ["1849102233445566700", pinnedID],
            attachments: TweetAttachments(mediaKeys: ["3_1849102230000000000", "7_1849102230000000001"],
                                          pollIDs: ["1849102231111111111"]),
            authorID: SandboxAccounts.everyField,
            contextAnnotations: [ContextAnnotation(
                domain: ContextAnnotationDomain(id: "66", name: "Interests and Hobbies Category",
                                                description: "A grouping of interests and hobbies entities, like Novelty Food or Destinations"),
                entity: ContextAnnotationEntity(id: "847544972781826048", name: "Technology",
                                                description: "Technology and computing"))],
            conversationID: "1846987139428634858",
            createdAt: created,
            editControls: EditControls(editsRemaining: 4, isEditEligible: true, editableUntil: created.addingTimeInterval(3600)),
            entities: text.tweetEntities,
            geo: TweetGeo(coordinates: Point(type: .point, coordinates: [-122.4194, 37.7749]), placeID: "5a110d312052166f"),
            inReplyToUserID: SandboxAccounts.xDevelopers,
            lang: "en",
            nonPublicMetrics: TweetNonPublicMetrics(impressionCount: 3_120, urlLinkClicks: 41, userProfileClicks: 17),
            publicMetrics: TweetPublicMetrics(retweetCount: 12, replyCount: 3, likeCount: 88, quoteCount: 2,
                                              bookmarkCount: 9, impressionCount: 3_120),
            organicMetrics: TweetEngagementMetrics(impressionCount: 2_870, likeCount: 80, replyCount: 3,
                                                   retweetCount: 11, urlLinkClicks: 38, userProfileClicks: 15),
            promotedMetrics: TweetEngagementMetrics(impressionCount: 250, likeCount: 8, replyCount: 0,
                                                    retweetCount: 1, urlLinkClicks: 3, userProfileClicks: 2),
            possiblySensitive: false,
            referencedTweets: [ReferencedTweet(type: .repliedTo, id: "1846987139428634858")],
            replySettings: .following,
            source: "Twitter for iPhone",
            withheld: TweetWithheld(copyright: false, countryCodes: ["DE", "FR"], scope: .tweet)
        )
        let user = User(
            id: SandboxAccounts.everyField,
            name: "Every Field 🧪",
            username: "every_field",
            createdAt: date("2020-06-05T17:42:13.000Z"),
            description: bio.text,
            entities: UserEntities(url: ProfileURLEntities(urls: [website]), description: bio.descriptionEntities),
            location: "Berlin, Germany",
            mostRecentTweetID: pinnedID,
            pinnedTweetID: pinnedID,
            profileImageURL: ProfileFactory.profileImageURL(using: &random),
            protected: false,
            publicMetrics: metrics(tweets: 1_337, listed: 42),
            url: "https://t.co/Fu11Pr0f1L",
            verified: true,
            verifiedType: .blue,
            withheld: UserWithheld(countryCodes: ["DE", "TR"], scope: .user)
        )
        return (user, tweet)
    }

    func tenThousandClub(using random: inout SeededRandom) -> (User, Tweet?) {
        var bio = EntityTextBuilder()
        bio.append("Exactly ten thousand followers, ten pages of a thousand. ")
        bio.hashtag("Pagination")
        bio.append(" test account.")
        let id = UInt64(SandboxAccounts.tenThousandClub)!
        let pinnedID: UInt64 = 1_497_260_000_000_000_001
        let created = date("2022-02-25T16:01:12.000Z")
        let tweet = ProfileFactory.tweet(id: pinnedID, authorID: id, createdAfter: created, mentionable: mentionable,
                                         using: &random)
        let user = User(
            id: SandboxAccounts.tenThousandClub,
            name: "Ten Thousand Club",
            username: "tenk_club",
            createdAt: created,
            description: bio.text,
            entities: UserEntities(description: bio.descriptionEntities),
            location: "Page 1 of 10",
            mostRecentTweetID: String(pinnedID),
            pinnedTweetID: String(pinnedID),
            profileImageURL: ProfileFactory.profileImageURL(using: &random),
            protected: false,
            publicMetrics: metrics(tweets: 10_000, listed: 100),
            url: "",
            verified: true,
            verifiedType: .blue
        )
        return (user, tweet)
    }

    func lockedLucy(using random: inout SeededRandom) -> (User, Tweet?) {
        let user = User(
            id: SandboxAccounts.lockedLucy,
            name: "Lucy Locke",
            username: "locked_lucy",
            createdAt: date("2020-10-22T08:15:00.000Z"),
            description: "Protected account. Follow requests are read on Sundays.",
            location: "Lisbon, Portugal",
            mostRecentTweetID: "1850000000000000001",
            profileImageURL: ProfileFactory.profileImageURL(using: &random),
            protected: true,
            publicMetrics: metrics(tweets: 512, listed: 1),
            url: "",
            verified: false,
            verifiedType: User.VerifiedType.none
        )
        return (user, nil)
    }

    func privatePete(using random: inout SeededRandom) -> (User, Tweet?) {
        let user = User(
            id: SandboxAccounts.privatePete,
            name: "Pete Private",
            username: "private_pete",
            createdAt: date("2021-06-09T21:03:44.000Z"),
            description: "",
            profileImageURL: ProfileFactory.profileImageURL(using: &random),
            protected: true,
            publicMetrics: metrics(tweets: 33, listed: 0),
            url: "",
            verified: false,
            verifiedType: User.VerifiedType.none
        )
        return (user, nil)
    }

    func quietQuinn() -> (User, Tweet?) {
        let user = User(
            id: SandboxAccounts.quietQuinn,
            name: "Quinn Quiet",
            username: "quiet_quinn",
            createdAt: date("2022-11-30T12:00:00.000Z"),
            description: "",
            profileImageURL: URL(string: "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"),
            protected: false,
            publicMetrics: metrics(tweets: 0, listed: 0),
            url: "",
            verified: false,
            verifiedType: User.VerifiedType.none
        )
        return (user, nil)
    }

    func demoUser(
        _ id: String, name: String, username: String, pins: Bool, using random: inout SeededRandom
    ) -> (User, Tweet?) {
        let created = ProfileFactory.date(between: date("2021-01-01T00:00:00.000Z"), and: date("2021-12-31T00:00:00.000Z"),
                                          using: &random)
        let bio = ProfileFactory.biography(using: &random, mentionable: mentionable)
        let website = ProfileFactory.website(using: &random, handle: username)
        let pinnedID = UInt64(id)! / 1000 * 1000 + 1_000_000_000_000_000 + 7
        let tweet = pins
            ? ProfileFactory.tweet(id: pinnedID, authorID: UInt64(id)!, createdAfter: created, mentionable: mentionable,
                                   using: &random)
            : nil
        let user = User(
            id: id,
            name: name,
            username: username,
            createdAt: created,
            description: bio.text,
            entities: UserEntities(url: website.entities, description: bio.descriptionEntities),
            location: random.pick(ProfileVocabulary.locations),
            mostRecentTweetID: tweet?.id,
            pinnedTweetID: tweet?.id,
            profileImageURL: ProfileFactory.profileImageURL(using: &random),
            protected: false,
            publicMetrics: metrics(tweets: tweet == nil ? 0 : random.integer(in: 10...900), listed: random.integer(in: 0...9)),
            url: website.url,
            verified: false,
            verifiedType: User.VerifiedType.none
        )
        return (user, tweet)
    }

}
