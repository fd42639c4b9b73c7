import Foundation
import Testing
import XFollows
import XSandbox

@Suite("Field filtering")
struct FieldSelectionTests {
    let graph = SandboxGraph.seeded()

    private func everyField() throws -> (User, Tweet) {
        let user = try #require(graph.directory.user(withID: UInt64(SandboxAccounts.everyField)!))
        let tweet = try #require(graph.directory.pinnedTweet(of: user))
        return (user, tweet)
    }

    @Test("Without user.fields only id, name and username come back")
    func defaultsOnly() throws {
        let (user, _) = try everyField()
        let filtered = FieldSelection().apply(to: user)
        #expect(filtered == User(id: user.id, name: user.name, username: user.username))
        let json = try JSONSerialization.jsonObject(with: XAPIJSON.makeEncoder().encode(filtered)) as? [String: Any]
        #expect(Set(json?.keys.map { $0 } ?? []) == ["id", "name", "username"])
    }

    @Test("Requested user fields come back and the others do not")
    func requestedUserFields() throws {
        let (user, _) = try everyField()
        let filtered = FieldSelection(userFields: [.createdAt, .publicMetrics, .withheld]).apply(to: user)
        #expect(filtered.createdAt == user.createdAt)
        #expect(filtered.publicMetrics == user.publicMetrics)
        #expect(filtered.withheld == user.withheld)
        #expect(filtered.description == nil && filtered.entities == nil && filtered.location == nil)
        #expect(filtered.pinnedTweetID == nil && filtered.verified == nil && filtered.url == nil)
    }

    @Test("expansions=pinned_post_id brings pinned_tweet_id (its source field) into the user even unrequested")
    func expansionAddsItsID() throws {
        let (user, _) = try everyField()
        let filtered = FieldSelection(expansions: [.pinnedPostID]).apply(to: user)
        #expect(filtered.pinnedTweetID == user.pinnedTweetID)
        #expect(filtered.createdAt == nil)
    }

    @Test("A pinned Tweet has X's defaults (id, text, edit_history_tweet_ids) plus the requested tweet.fields only")
    func tweetFields() throws {
        let (_, tweet) = try everyField()
        let bare = FieldSelection().apply(to: tweet)
        #expect(bare == Tweet(id: tweet.id, text: tweet.text, editHistoryTweetIDs: tweet.editHistoryTweetIDs))
        #expect(bare.editHistoryTweetIDs?.isEmpty == false)
        let rich = FieldSelection(tweetFields: [.createdAt, .lang, .publicMetrics, .entities]).apply(to: tweet)
        #expect(rich.createdAt == tweet.createdAt && rich.lang == tweet.lang)
        #expect(rich.publicMetrics == tweet.publicMetrics && rich.entities == tweet.entities)
        #expect(rich.authorID == nil && rich.geo == nil && rich.withheld == nil)
        let everything = FieldSelection(tweetFields: Set(Tweet.Field.allCases)).apply(to: tweet)
        #expect(everything == tweet)
    }

    @Test("Private metrics only reach the Tweet's author in user context")
    func privateMetrics() throws {
        let (user, tweet) = try everyField()
        let author = SandboxPrincipal(method: .oauth1UserContext, userID: user.id, appKey: "app")
        let someoneElse = SandboxPrincipal(method: .oauth2UserContext, userID: SandboxAccounts.alice, scopes: [], appKey: "app")
        let app = SandboxPrincipal(method: .appOnly, appKey: "app")
        #expect(FieldSelection.visible(tweet, to: author).nonPublicMetrics != nil)
        for viewer in [someoneElse, app] {
            let visible = FieldSelection.visible(tweet, to: viewer)
            #expect(visible.nonPublicMetrics == nil && visible.organicMetrics == nil && visible.promotedMetrics == nil)
            #expect(visible.publicMetrics == tweet.publicMetrics)
        }
    }
}
