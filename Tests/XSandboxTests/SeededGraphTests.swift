import Foundation
import Testing
import XFollows
@testable import XSandbox

@Suite("Seeded graph")
struct SeededGraphTests {
    let graph = SandboxGraph.seeded()

    private func id(_ text: String) -> UInt64 { UInt64(text)! }

    private func user(_ text: String) throws -> User {
        try #require(graph.directory.user(withID: id(text)))
    }

    /// The graph of another seed, built once for the suite (a build takes a few hundred
    /// milliseconds).
    static let seedSeven = SandboxGraph.seeded(seed: 7)

    @Test("The same seed gives the same users, Tweets, follows and credentials")
    func determinism() {
        let first = Self.seedSeven
        let second = SandboxGraph.seeded(seed: 7)
        #expect(first.credentials == second.credentials)
        #expect(first.follows.followCount == second.follows.followCount)
        let population = first.directory.population!
        for index in [0, 1, 4242, 99_999] {
            let userID = population.userID(at: index)
            #expect(first.directory.user(withID: userID) == second.directory.user(withID: userID))
            #expect(population.pinnedTweet(at: index) == second.directory.population!.pinnedTweet(at: index))
            #expect(first.follows.allIDs(in: .following, of: userID) == second.follows.allIDs(in: .following, of: userID))
        }
        let xDevelopers = id(SandboxAccounts.xDevelopers)
        #expect(first.follows.ids(in: .followers, of: xDevelopers, range: 0..<500)
            == second.follows.ids(in: .followers, of: xDevelopers, range: 0..<500))
    }

    @Test("Another seed gives another graph, with the same notable accounts")
    func otherSeed() throws {
        let other = Self.seedSeven
        #expect(other.credentials != graph.credentials)
        let population = try #require(graph.directory.population)
        let otherUser = other.directory.user(withID: other.directory.population!.userID(at: 10))
        #expect(otherUser != graph.directory.user(withID: population.userID(at: 10)))
        #expect(other.follows.followerCount(of: id(SandboxAccounts.tenThousandClub)) == 10_000)
    }

    @Test("@XDevelopers has 100,003 followers and @tenk_club exactly 10,000")
    func bigAccounts() {
        #expect(graph.follows.followerCount(of: id(SandboxAccounts.xDevelopers)) == 100_003)
        #expect(graph.follows.followerCount(of: id(SandboxAccounts.tenThousandClub)) == 10_000)
        let followers = graph.follows.allIDs(in: .followers, of: id(SandboxAccounts.tenThousandClub))
        #expect(Set(followers).count == 10_000)
        #expect(followers.allSatisfy { graph.directory.contains($0) })
        #expect(graph.follows.followerCount(of: id(SandboxAccounts.quietQuinn)) == 0)
        #expect(graph.follows.followingCount(of: id(SandboxAccounts.quietQuinn)) == 0)
    }

    @Test("Every user field of @every_field and every Tweet field of its pinned Tweet are filled")
    func everyField() throws {
        let user = try user(SandboxAccounts.everyField)
        let fields = FieldSelection(userFields: Set(User.Field.allCases))
        #expect(fields.apply(to: user) == user)
        #expect(user.createdAt != nil && user.description?.isEmpty == false && user.location != nil)
        #expect(user.entities?.url?.urls?.isEmpty == false)
        let bio = try #require(user.entities?.description)
        #expect(bio.urls?.isEmpty == false && bio.hashtags?.isEmpty == false)
        #expect(bio.mentions?.isEmpty == false && bio.cashtags?.isEmpty == false)
        #expect(user.mostRecentTweetID != nil && user.pinnedTweetID != nil && user.profileImageURL != nil)
        #expect(user.protected == false && user.publicMetrics != nil && user.url?.isEmpty == false)
        #expect(user.verified == true && user.verifiedType == .blue && user.withheld?.countryCodes.isEmpty == false)

        let tweet = try #require(graph.directory.pinnedTweet(of: user))
        #expect(tweet.attachments != nil && tweet.authorID == user.id && tweet.contextAnnotations != nil)
        #expect(tweet.conversationID != nil && tweet.createdAt != nil && tweet.editControls != nil)
        #expect(tweet.entities?.annotations != nil && tweet.entities?.cashtags != nil && tweet.entities?.hashtags != nil)
        #expect(tweet.entities?.mentions != nil && tweet.entities?.urls != nil && tweet.geo?.coordinates != nil)
        #expect(tweet.inReplyToUserID != nil && tweet.lang != nil && tweet.nonPublicMetrics != nil)
        #expect(tweet.publicMetrics != nil && tweet.organicMetrics != nil && tweet.promotedMetrics != nil)
        #expect(tweet.possiblySensitive != nil && tweet.referencedTweets != nil && tweet.replySettings != nil)
        #expect(tweet.source != nil && tweet.withheld != nil && tweet.editHistoryTweetIDs != nil)
    }

    @Test("Entities point at their text: hashtags, mentions, cashtags and URLs sit where they say")
    func entityPositions() throws {
        let population = try #require(graph.directory.population)
        var checked = 0
        for index in 0..<300 {
            let user = population.user(at: index)
            let scalars = Array((user.description ?? "").unicodeScalars)
            func text(_ start: Int, _ end: Int) -> String { String(String.UnicodeScalarView(scalars[start..<end])) }
            for hashtag in user.entities?.description?.hashtags ?? [] {
                #expect(text(hashtag.start, hashtag.end) == "#" + hashtag.hashtag)
                checked += 1
            }
            for mention in user.entities?.description?.mentions ?? [] {
                #expect(text(mention.start, mention.end) == "@" + mention.username)
            }
            for cashtag in user.entities?.description?.cashtags ?? [] {
                #expect(text(cashtag.start, cashtag.end) == "$" + cashtag.cashtag)
            }
            for url in user.entities?.description?.urls ?? [] {
                #expect(text(url.start, url.end) == url.url)
            }
            if let tweet = population.pinnedTweet(at: index) {
                let tweetScalars = Array(tweet.text.unicodeScalars)
                for hashtag in tweet.entities?.hashtags ?? [] {
                    #expect(String(String.UnicodeScalarView(tweetScalars[hashtag.start..<hashtag.end])) == "#" + hashtag.hashtag)
                }
            }
        }
        #expect(checked > 50)
    }

    @Test("The population has protected users, pinned Tweets, verified users and a usable shape")
    func populationShape() throws {
        let population = try #require(graph.directory.population)
        #expect(population.count == SandboxGraph.seededPopulationCount)
        let users = (0..<2000).map(population.user(at:))
        #expect(users.contains { $0.protected == true })
        #expect(users.contains { $0.pinnedTweetID != nil })
        #expect(users.contains { $0.verifiedType == .blue })
        #expect(users.contains { $0.entities?.url != nil })
        #expect(users.allSatisfy { SandboxGraph.isValidUsername($0.username) })
        #expect(Set(users.map(\.username)).count == users.count)
        #expect(users.filter { $0.protected == true }.allSatisfy { $0.pinnedTweetID == nil })
        for (index, user) in users.enumerated() where user.pinnedTweetID != nil {
            let tweet = try #require(graph.directory.pinnedTweet(of: user))
            #expect(tweet.id == user.pinnedTweetID && tweet.authorID == user.id)
            #expect(graph.directory.tweet(withID: UInt64(tweet.id)!) == tweet)
            #expect(population.index(ofUser: UInt64(user.id)!) == index)
        }
        #expect(graph.directory.user(withID: Population.userIDBase + 3) == nil)
    }

    @Test("Protected accounts, demo users and their credentials are there")
    func accountsAndCredentials() throws {
        #expect(try user(SandboxAccounts.lockedLucy).protected == true)
        #expect(try user(SandboxAccounts.privatePete).protected == true)
        #expect(try user(SandboxAccounts.xDevelopers).username == "XDevelopers")
        let credentials = graph.credentials
        for demo in SandboxAccounts.demoUsers {
            _ = try user(demo)
            let token = try #require(credentials.accessTokens.first { $0.userID == demo })
            #expect(token.accessToken.hasPrefix("\(demo)-"))
            #expect(credentials.userCredentials(for: demo)?.userID == demo)
            #expect(credentials.oauth2Tokens.contains { $0.userID == demo && $0.scopes.contains("follows.write") })
        }
        #expect(credentials.oauth2Tokens.contains { $0.scopes == SandboxCredentials.readOnlyScopes })
        #expect(graph.follows.hasPendingRequest(from: id(SandboxAccounts.alice), to: id(SandboxAccounts.privatePete)))
        try graph.validate()
    }

    @Test("@XDevelopers follows accounts of every shape, @tenk_club and @every_field follow people too")
    func wellKnownAccountsFollow() throws {
        let following = graph.follows.allIDs(in: .following, of: id(SandboxAccounts.xDevelopers))
        let users = try following.map { try #require(graph.directory.user(withID: $0)) }
        #expect(users.count >= 30)
        for account in SandboxAccounts.shapes + [SandboxAccounts.everyField, SandboxAccounts.lockedLucy] {
            #expect(following.contains(id(account)), "\(account)")
        }
        #expect(users.contains { $0.withheld != nil && graph.directory.population?.index(ofUser: UInt64($0.id)!) != nil })
        #expect(users.contains { $0.protected == true } && users.contains { $0.pinnedTweetID != nil })
        #expect(users.contains { $0.verifiedType == .business || $0.verifiedType == .government })
        #expect(users.contains { $0.name.unicodeScalars.contains { $0.properties.isAlphabetic && !$0.isASCII } })
        #expect(users.contains { $0.description?.count == 160 })
        #expect(users.contains { $0.description == "" && $0.location == nil && $0.entities == nil && $0.mostRecentTweetID == nil })
        #expect(users.contains { $0.createdAt == nil && $0.description == nil && $0.publicMetrics == nil })
        #expect(!following.contains { graph.directory.isSuspended($0) })
        #expect(graph.follows.followingCount(of: id(SandboxAccounts.tenThousandClub)) >= 10)
        #expect(graph.follows.followingCount(of: id(SandboxAccounts.everyField)) > SandboxAccounts.shapes.count)
    }

    @Test("Suspended accounts exist, follow and are followed, yet are in no list and no count")
    func suspendedAccounts() throws {
        let lists: [(PageToken.List, String)] = [
            (.followers, SandboxAccounts.xDevelopers), (.following, SandboxAccounts.xDevelopers),
            (.followers, SandboxAccounts.tenThousandClub), (.followers, SandboxAccounts.everyField),
            (.followers, SandboxAccounts.alice),
        ]
        for suspended in SandboxAccounts.suspended.map(id) {
            #expect(graph.directory.isSuspended(suspended) && graph.directory.user(withID: suspended) != nil)
            #expect(graph.follows.isFollowing(suspended, id(SandboxAccounts.xDevelopers)))
            #expect(graph.follows.followerCount(of: suspended) == 0 && graph.follows.followingCount(of: suspended) == 0)
            for (list, owner) in lists {
                #expect(!graph.follows.allIDs(in: list, of: id(owner)).contains(suspended))
            }
        }
        #expect(graph.follows.isFollowing(id(SandboxAccounts.xDevelopers), id(SandboxAccounts.suspendedSpammer)))
        #expect(graph.directory.suspendedUserIDs == SandboxAccounts.suspended.map(id).sorted())
    }

    @Test("The shape accounts: bare, withheld, a description at the limit, other scripts and emoji")
    func shapeAccounts() throws {
        let bare = try user(SandboxAccounts.bareMinimum)
        #expect(bare == User(id: SandboxAccounts.bareMinimum, name: "Bare Minimum", username: "bare_minimum"))
        #expect(try user(SandboxAccounts.withheldWendy).withheld?.countryCodes.count == 7)
        let lena = try user(SandboxAccounts.longBio)
        let bio = try #require(lena.description)
        #expect(bio.count == 160 && bio.unicodeScalars.count > 160 && bio.utf16.count > bio.unicodeScalars.count)
        try expectEntitiesMatch(lena)
        try expectEntitiesMatch(user(SandboxAccounts.maryamAli))
        try expectEntitiesMatch(user(SandboxAccounts.yamadaTaro))
        #expect(try user(SandboxAccounts.maryamAli).entities?.description?.hashtags?.first?.hashtag == "برمجة")
        #expect(try user(SandboxAccounts.emojiFamily).name.unicodeScalars.count > user(SandboxAccounts.emojiFamily).name.count)
        for account in SandboxAccounts.shapes + SandboxAccounts.suspended {
            let profile = try user(account)
            #expect(profile.name.count <= 50 && (profile.description?.count ?? 0) <= 160)
            #expect(SandboxGraph.isValidUsername(profile.username))
        }
    }

    @Test("The population has names in other scripts, descriptions at the limit and bare new accounts")
    func populationShapes() throws {
        let population = try #require(graph.directory.population)
        let users = (0..<5_000).map(population.user(at:))
        let international = users.filter { user in ProfileVocabulary.internationalNames.contains { $0.name == user.name } }
        let long = users.filter { $0.description?.count == ProfileFactory.descriptionLimit }
        let bare = users.filter {
            $0.description == "" && $0.entities == nil && $0.location == nil && $0.url == "" && $0.pinnedTweetID == nil
                && $0.mostRecentTweetID == nil && $0.withheld == nil && $0.verified == false
        }
        #expect(international.count > 150 && long.count > 50 && bare.count > 50)
        #expect(Set(international.map(\.name)).count == ProfileVocabulary.internationalNames.count)
        #expect(users.allSatisfy { $0.name.count <= 50 && ($0.description?.count ?? 0) <= 160 })
        #expect(ProfileVocabulary.internationalNames.contains { $0.name.count == 50 })
        for user in long { try expectEntitiesMatch(user) }
        #expect(users.allSatisfy { SandboxGraph.isValidUsername($0.username) })
        let usernames = (0..<population.count).map { population.user(at: $0).username.lowercased() }
        #expect(Set(usernames).count == population.count)
    }

    /// Every description entity sits at its start and end (Unicode code points).
    private func expectEntitiesMatch(_ user: User) throws {
        let scalars = Array((user.description ?? "").unicodeScalars)
        func text(_ start: Int, _ end: Int) -> String { String(String.UnicodeScalarView(scalars[start..<end])) }
        let entities = try #require(user.entities?.description, "\(user.username) has no description entities")
        for hashtag in entities.hashtags ?? [] { #expect(text(hashtag.start, hashtag.end) == "#" + hashtag.hashtag) }
        for mention in entities.mentions ?? [] { #expect(text(mention.start, mention.end) == "@" + mention.username) }
        for cashtag in entities.cashtags ?? [] { #expect(text(cashtag.start, cashtag.end) == "$" + cashtag.cashtag) }
        for url in entities.urls ?? [] { #expect(text(url.start, url.end) == url.url) }
    }

    /// The user fields that describe the caller's relation to the user, which a graph does not
    /// store (the sandbox works them out per request).
    static let perCallerUserFields: Set<User.Field> = [.confirmedEmail, .connectionStatus, .receivesYourDM, .subscription]

    /// The fields of `fields` that `value` leaves empty, found by what restricting to each adds.
    private func missing<Field: Hashable>(
        _ fields: [Field], defaults: Set<Field>, in restricted: (Set<Field>) -> some Equatable
    ) -> [Field] {
        fields.filter { !defaults.contains($0) && restricted(defaults.union([$0])) == restricted(defaults) }
    }

    @Test("@every_field fills every user field a graph stores, and its pinned Tweet every Tweet field")
    func everyFieldIncludingNewerOnes() throws {
        let user = try user(SandboxAccounts.everyField)
        let userFields = User.Field.allCases.filter { !Self.perCallerUserFields.contains($0) }
        #expect(missing(userFields, defaults: User.Field.defaults, in: user.restricted(to:)).isEmpty)
        let tweet = try #require(graph.directory.pinnedTweet(of: user))
        #expect(missing(Tweet.Field.allCases, defaults: Tweet.Field.defaults, in: tweet.restricted(to:)).isEmpty)
        #expect(tweet.displayTextRange == [13, tweet.text.unicodeScalars.count])  // after the leading @XDevelopers
        #expect(tweet.noteTweet?.text?.hasPrefix(tweet.text) == true && (tweet.noteTweet?.text?.count ?? 0) > 280)
        #expect(tweet.mediaMetadata?.map(\.mediaKey) == tweet.attachments?.mediaKeys)
        #expect(user.affiliation?.userID == [SandboxAccounts.xDevelopers])
        let bare = try self.user(SandboxAccounts.bareMinimum)
        #expect(missing(User.Field.allCases, defaults: User.Field.defaults, in: bare.restricted(to:)).count
            == User.Field.allCases.count - User.Field.defaults.count)
    }

    @Test("Newer user fields agree with the rest of the profile: subscriptions, identity, parody, affiliation")
    func newerUserFields() throws {
        let population = try #require(graph.directory.population)
        let users = (0..<5_000).map(population.user(at:))
        for user in users {
            if user.verifiedType == .blue { #expect(user.subscriptionType == .premium || user.subscriptionType == .premiumPlus) }
            if user.verifiedType == .business || user.verifiedType == .government { #expect(user.isIdentityVerified == true) }
            if user.parody == true { #expect(user.name.hasSuffix(" (parody)") && user.name.count <= 50) }
            #expect(user.subscriptionType != nil && user.isIdentityVerified != nil && user.parody != nil)
        }
        #expect(users.contains { $0.profileBannerURL != nil } && users.contains { $0.parody == true })
        #expect(users.contains { $0.subscriptionType == .basic } && users.contains { $0.publicMetrics?.likeCount ?? 0 > 0 })
        let affiliated = users.filter { $0.affiliation != nil }
        #expect(!affiliated.isEmpty)
        for id in Set(affiliated.flatMap { $0.affiliation?.userID ?? [] }) {
            #expect(graph.directory.user(withID: try #require(UInt64(id))) != nil)
        }
    }

    @Test("Every most recent Tweet a user names exists, is theirs, and is their newest")
    func mostRecentTweets() throws {
        let population = try #require(graph.directory.population)
        var resolved = 0
        for index in 0..<2_000 {
            let user = population.user(at: index)
            guard let recent = user.mostRecentTweetID else { continue }
            let tweet = try #require(graph.directory.tweet(withID: UInt64(recent)!), "user \(index): \(recent)")
            #expect(tweet.authorID == user.id && tweet.id == recent)
            if let pinned = graph.directory.pinnedTweet(of: user), pinned.id != recent {
                #expect(pinned.createdAt! < tweet.createdAt!)
            }
            resolved += 1
        }
        #expect(resolved > 1_000)
        #expect(graph.directory.tweet(withID: population.recentTweetID(at: 0) + 1) == nil)
        for featured in [SandboxAccounts.xDevelopers, SandboxAccounts.lockedLucy, SandboxAccounts.everyField] {
            let recent = try #require(user(featured).mostRecentTweetID)
            #expect(graph.directory.tweet(withID: UInt64(recent)!)?.authorID == featured)
        }
    }
}
