import Foundation
import XFollows

/// The seeded graph's accounts that each show a shape X can return (``SandboxAccounts/shapes``
/// and ``SandboxAccounts/suspended``): withheld, bare, a description at the limit, other
/// scripts, emoji names, suspended.
extension SeededGraphBuilder {
    func addShapeAccounts(to graph: inout SandboxGraph) {
        var random = SeededRandom.derived(seed: seed, stream: Stream.shapes.rawValue, index: 0)
        let users = [
            suspendedSpammer(using: &random), suspendedTroll(using: &random), withheldWendy(using: &random),
            bareMinimum(), longBio(using: &random), yamadaTaro(using: &random), maryamAli(using: &random),
            emojiFamily(using: &random),
        ]
        do {
            for var user in users {
                var noTweet: Tweet?
                addNewerFields(to: &user, pinned: &noTweet)
                try graph.add(user)
            }
        } catch {
            preconditionFailure("The seeded graph is inconsistent: \(error)")
        }
    }

    private func profile(
        _ id: String, name: String, username: String, created: String, description: String,
        entities: UserEntities? = nil, location: String?, tweets: Int, listed: Int, using random: inout SeededRandom
    ) -> User {
        User(
            id: id, name: name, username: username, createdAt: date(created), description: description,
            entities: entities, location: location, profileImageURL: ProfileFactory.profileImageURL(using: &random),
            protected: false, publicMetrics: metrics(tweets: tweets, listed: listed), url: "", verified: false,
            verifiedType: User.VerifiedType.none
        )
    }

    private func suspendedSpammer(using random: inout SeededRandom) -> User {
        var bio = EntityTextBuilder()
        bio.append("🚀🚀 FREE ")
        bio.cashtag("BTC")
        bio.append(" for the first 1000 followers!!! DM now 💰 ")
        bio.hashtag("giveaway")
        return profile(SandboxAccounts.suspendedSpammer, name: "Free crypto 🚀🚀🚀", username: "crypto_giveaway",
                       created: "2019-10-26T03:14:15.000Z", description: bio.text,
                       entities: UserEntities(description: bio.descriptionEntities), location: "Moon",
                       tweets: 48_211, listed: 0, using: &random)
    }

    private func suspendedTroll(using random: inout SeededRandom) -> User {
        profile(SandboxAccounts.suspendedTroll, name: "Troll", username: "banned_troll",
                created: "2020-08-02T22:10:00.000Z", description: "", location: nil, tweets: 9_330, listed: 0,
                using: &random)
    }

    private func withheldWendy(using random: inout SeededRandom) -> User {
        var user = profile(SandboxAccounts.withheldWendy, name: "Wendy Withheld", username: "withheld_wendy",
                           created: "2020-06-23T11:00:00.000Z",
                           description: "Not visible in seven countries. Ask your lawyer why.",
                           location: "Geneva, Switzerland", tweets: 2_409, listed: 31, using: &random)
        user.withheld = UserWithheld(countryCodes: ["BR", "DE", "FR", "GB", "IN", "RU", "TR"], scope: .user)
        return user
    }

    /// Only what every user has: no other field, not even the ones X nearly always sends.
    private func bareMinimum() -> User {
        User(id: SandboxAccounts.bareMinimum, name: "Bare Minimum", username: "bare_minimum")
    }

    private func longBio(using random: inout SeededRandom) -> User {
        var bio = EntityTextBuilder()
        bio.append("👩🏽‍💻 Ingeniera de APIs · 東京 → Berlin → São Paulo 🌍 · Ελληνικά · עברית · हिन्दी · ")
        bio.hashtag("OpenAPI")
        bio.append(" ")
        bio.hashtag("日本語")
        bio.append(" ex-")
        bio.mention("XDevelopers")
        bio.append(" ")
        bio.cashtag("TWTR")
        bio.append(" ")
        bio.url(short: "https://t.co/L0ngB1oLen", expanded: "https://example.dev/lena", display: "example.dev/lena")
        while bio.text.count < ProfileFactory.descriptionLimit { bio.append("✨") }
        return profile(SandboxAccounts.longBio, name: "Lena Långbeskrivning 📝", username: "long_bio_lena",
                       created: "2020-04-01T08:00:00.000Z", description: bio.text,
                       entities: UserEntities(description: bio.descriptionEntities), location: "Ørestad, København",
                       tweets: 7_777, listed: 12, using: &random)
    }

    private func yamadaTaro(using random: inout SeededRandom) -> User {
        var bio = EntityTextBuilder()
        bio.append("東京在住のiOSエンジニア。")
        bio.hashtag("Swift")
        bio.append(" と ")
        bio.hashtag("個人開発")
        bio.append(" が好きです 🗻")
        return profile(SandboxAccounts.yamadaTaro, name: "山田 太郎 🗻", username: "yamada_taro",
                       created: "2020-11-03T01:23:45.000Z", description: bio.text,
                       entities: UserEntities(description: bio.descriptionEntities), location: "東京都 渋谷区",
                       tweets: 15_120, listed: 88, using: &random)
    }

    private func maryamAli(using random: inout SeededRandom) -> User {
        var bio = EntityTextBuilder()
        bio.append("مطوّرة تطبيقات في دبي 🇦🇪 ")
        bio.hashtag("برمجة")
        bio.append(" و ")
        bio.mention("XDevelopers")
        return profile(SandboxAccounts.maryamAli, name: "مريم العلي", username: "maryam_ali",
                       created: "2020-05-17T19:45:00.000Z", description: bio.text,
                       entities: UserEntities(description: bio.descriptionEntities), location: "دبي",
                       tweets: 3_020, listed: 9, using: &random)
    }

    private func emojiFamily(using random: inout SeededRandom) -> User {
        profile(SandboxAccounts.emojiFamily,
                name: "👨‍👩‍👧‍👦 The Okafors 🇳🇬🏳️‍🌈 👩🏿‍🚀👨🏻‍🍳 Family account ✌🏽",
                username: "emoji_family", created: "2020-12-24T18:00:00.000Z",
                description: "🏡👨‍👩‍👧‍👦🐕‍🦺 · 🇳🇬 ✈️ 🇬🇧", location: "🌍", tweets: 412, listed: 2, using: &random)
    }
}
