import Foundation
import XFollows

/// The fields X added after the seeds, on the featured and shape accounts: fixed values (no
/// draws, so that every other value of the graph stays as it was), @every_field filling each
/// one, @bare_minimum none.
///
/// The fields that depend on who asks (`connection_status`, `receives_your_dm`,
/// `subscription`, `confirmed_email`) are not stored: they describe the caller's relation to
/// the user, so the sandbox has to work them out per request.
extension SeededGraphBuilder {
    /// The values of one featured account's newer fields.
    private struct Newer {
        var banner: String?
        var subscription: User.SubscriptionType = .none
        var identityVerified = false
        var parody = false
        var verifiedFollowers = 0
        var likes = 0
        var affiliated = false
    }

    private func newer(for id: String) -> Newer? {
        switch id {
        case SandboxAccounts.xDevelopers:
            Newer(banner: "1690213128", identityVerified: true, verifiedFollowers: 10_037, likes: 2_114)
        case SandboxAccounts.everyField:
            Newer(banner: "1717171717", subscription: .premiumPlus, identityVerified: true, verifiedFollowers: 187,
                  likes: 4_242, affiliated: true)
        case SandboxAccounts.tenThousandClub:
            Newer(banner: "1645801272", subscription: .premium, verifiedFollowers: 1_024, likes: 10_000)
        case SandboxAccounts.lockedLucy:
            Newer(banner: "1603350900", likes: 1_201)
        case SandboxAccounts.privatePete:
            Newer(likes: 12)
        case SandboxAccounts.quietQuinn:
            Newer()
        case SandboxAccounts.alice:
            Newer(banner: "1611100800", subscription: .basic, likes: 310, affiliated: true)
        case SandboxAccounts.bob:
            Newer(likes: 57)
        case SandboxAccounts.carol:
            Newer(banner: "1630000000", likes: 1_442)
        case SandboxAccounts.withheldWendy:
            Newer(banner: "1592900000", likes: 880)
        case SandboxAccounts.longBio:
            Newer(banner: "1585730000", subscription: .basic, likes: 7_123)
        case SandboxAccounts.yamadaTaro:
            Newer(banner: "1604370000", likes: 20_311)
        case SandboxAccounts.maryamAli:
            Newer(likes: 2_950)
        case SandboxAccounts.emojiFamily:
            Newer(banner: "1608830000", likes: 96)
        case SandboxAccounts.suspendedSpammer, SandboxAccounts.suspendedTroll:
            Newer(likes: 3)
        default:
            nil
        }
    }

    /// Fills the newer user fields of a featured account and the newer Tweet fields of its
    /// pinned Tweet.
    func addNewerFields(to user: inout User, pinned tweet: inout Tweet?) {
        guard let newer = newer(for: user.id) else { return }
        user.profileBannerURL = newer.banner.flatMap { URL(string: "https://pbs.twimg.com/profile_banners/\(user.id)/\($0)") }
        user.subscriptionType = newer.subscription
        user.isIdentityVerified = newer.identityVerified
        user.parody = newer.parody
        user.verifiedFollowersCount = newer.verifiedFollowers
        user.publicMetrics?.likeCount = newer.likes
        if newer.affiliated { user.affiliation = ProfileFactory.developersAffiliation }
        if user.id == SandboxAccounts.everyField { user.subscribesToYou = false }
        guard var pinned = tweet else { return }
        let length = pinned.text.unicodeScalars.count
        pinned.displayTextRange = [pinned.text.hasPrefix("@") ? (pinned.entities?.mentions?.first?.end ?? 0) + 1 : 0, length]
        pinned.mediaMetadata = pinned.attachments?.mediaKeys?.enumerated().map { index, key in
            TweetMediaMetadata(mediaKey: key, altText: ProfileVocabulary.altTexts[index % ProfileVocabulary.altTexts.count])
        }
        if let link = pinned.entities?.urls?.first {
            pinned.cardURI = "card://\(pinned.id.dropLast(3))000"
            if user.id == SandboxAccounts.everyField {
                pinned.suggestedSourceLinks = [link]
                pinned.suggestedSourceLinksWithCounts = SuggestedSourceLink(count: 3, url: link)
            }
        }
        if user.id == SandboxAccounts.everyField {
            let note = pinned.text + " " + ProfileVocabulary.longPostSentences.joined(separator: " ")
            pinned.noteTweet = NoteTweet(text: note, entities: pinned.entities)
            pinned.communityID = "1493446837214187523"
            pinned.scopes = TweetScopes(followers: false)
            pinned.article = TweetArticle(title: ProfileVocabulary.articleTitles[0])
            // The fields X's published OpenAPI document 2.167 adds, with the shapes it leaves open.
            pinned.articleTitle = ["title": .string(ProfileVocabulary.articleTitles[0])]
            pinned.notePost = ["text": .string(note)]
            pinned.matchedMediaNotes = ["notes": .array([])]
            pinned.noteRequestSuggestions = ["suggestions": .array([])]
            pinned.paidPartnership = false
        }
        tweet = pinned
    }

    /// The most recent Tweets the featured accounts name that are not their pinned ones.
    func addRecentTweets(to graph: inout SandboxGraph) {
        var random = SeededRandom.derived(seed: seed, stream: Stream.recentTweets.rawValue, index: 0)
        for id in [SandboxAccounts.xDevelopers, SandboxAccounts.lockedLucy] {
            guard let owner = UInt64(id), let user = graph.directory.user(withID: owner),
                  let recent = user.mostRecentTweetID, recent != user.pinnedTweetID, let tweetID = UInt64(recent)
            else { continue }
            let tweet = ProfileFactory.tweet(
                id: tweetID, authorID: owner, createdAfter: ProfileFactory.latestTweet,
                createdBefore: ProfileFactory.latestTweet.addingTimeInterval(30 * 86_400), mentionable: mentionable,
                using: &random)
            do { try graph.add(tweet) } catch { preconditionFailure("The seeded graph is inconsistent: \(error)") }
        }
    }
}
