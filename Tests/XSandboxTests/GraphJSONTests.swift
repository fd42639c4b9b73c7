import Foundation
import Testing
import XFollows
import XSandbox

@Suite("Graph files")
struct GraphJSONTests {
    static let example = """
        {
          "credentials": {
            "consumer_key": "sandboxConsumerKey",
            "consumer_secret": "sandboxConsumerSecret",
            "bearer_token": "AAAAAAAAAAAAAAAAAAAAAsandboxBearer",
            "access_tokens": [
              {"user_id": "6253282", "access_token": "6253282-sandboxAccessToken", "access_token_secret": "sandboxTokenSecret"}
            ],
            "oauth2_tokens": [
              {"user_id": "6253282", "access_token": "sandboxOAuth2Token", "scopes": ["tweet.read", "users.read", "follows.read", "follows.write"]}
            ]
          },
          "users": [
            {"id": "6253282", "name": "X API", "username": "API", "protected": false,
             "created_at": "2007-05-23T06:01:13.000Z", "pinned_tweet_id": "1346889436626259968",
             "public_metrics": {"followers_count": 999, "following_count": 0, "tweet_count": 3570, "listed_count": 12}},
            {"id": "2244994945", "name": "Developers", "username": "XDevelopers"},
            {"id": "1319345001836576768", "name": "Lucy", "username": "locked_lucy", "protected": true},
            {"id": "1189374826152837120", "name": "Free crypto", "username": "crypto_giveaway"}
          ],
          "tweets": [
            {"id": "1346889436626259968", "text": "Learn how to use the user Tweet timeline", "author_id": "6253282",
             "created_at": "2021-01-06T18:40:40.000Z", "lang": "en"}
          ],
          "follows": [
            {"source_user_id": "6253282", "target_user_id": "2244994945"},
            {"source_user_id": "1189374826152837120", "target_user_id": "2244994945"}
          ],
          "pending_follows": [
            {"source_user_id": "6253282", "target_user_id": "1319345001836576768"}
          ],
          "suspended": ["1189374826152837120"]
        }
        """

    @Test("The documented example loads: users, pinned Tweet, follows, pending request, credentials")
    func documentedExample() throws {
        let graph = try SandboxGraph(jsonData: Data(Self.example.utf8))
        #expect(graph.directory.userCount == 4)
        let api = try #require(graph.directory.user(withID: 6_253_282))
        #expect(api.username == "API" && api.publicMetrics?.tweetCount == 3570)
        #expect(api.publicMetrics?.followersCount == 0 && api.publicMetrics?.followingCount == 0)
        #expect(graph.directory.pinnedTweet(of: api)?.lang == "en")
        #expect(graph.follows.isFollowing(6_253_282, 2_244_994_945))
        #expect(graph.follows.hasPendingRequest(from: 6_253_282, to: 1_319_345_001_836_576_768))
        #expect(graph.credentials.userCredentials(for: "6253282")?.userID == "6253282")
        #expect(graph.credentials.oauth2Tokens.first?.scopes.contains("follows.write") == true)
        #expect(graph.seed == nil)
        #expect(graph.directory.suspendedUserIDs == [1_189_374_826_152_837_120])
        #expect(graph.follows.isFollowing(1_189_374_826_152_837_120, 2_244_994_945))
        #expect(graph.follows.allIDs(in: .followers, of: 2_244_994_945) == [6_253_282])
    }

    @Test("A suspended user leaves every list and count, both ways, whenever the follows were made")
    func suspension() throws {
        var graph = try SandboxGraph(jsonData: Data(Self.example.utf8))
        let (api, developers, lucy, spam): (UInt64, UInt64, UInt64, UInt64) =
            (6_253_282, 2_244_994_945, 1_319_345_001_836_576_768, 1_189_374_826_152_837_120)
        try graph.follow("2244994945", "1189374826152837120")
        try graph.follow("1319345001836576768", "1189374826152837120")
        try graph.follow("1319345001836576768", "2244994945")
        #expect(graph.follows.allIDs(in: .followers, of: developers) == [lucy, api])
        #expect(graph.follows.allIDs(in: .following, of: developers).isEmpty)
        #expect(graph.follows.followerCount(of: spam) == 0 && graph.follows.followingCount(of: spam) == 0)
        #expect(graph.follows.isFollowing(developers, spam) && graph.directory.isSuspended(spam))

        try graph.suspend("1319345001836576768")
        #expect(graph.follows.allIDs(in: .followers, of: developers) == [api])
        #expect(graph.follows.followingCount(of: lucy) == 0)
        #expect(graph.follows.isFollowing(lucy, developers))
        #expect(graph.directory.suspendedUserIDs == [spam, lucy])
        #expect(throws: SandboxGraphError.self) { try graph.suspend("42") }

        let unknown = Self.example.replacingOccurrences(of: #""suspended": ["1189374826152837120"]"#, with: #""suspended": ["77"]"#)
        #expect { try SandboxGraph(jsonData: Data(unknown.utf8)) } throws: { error in
            (error as? SandboxGraphError)?.message == "suspended[0]: Cannot suspend the unknown user 77."
        }
    }

    @Test("A file is read from disk")
    func fromFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("graph-\(UUID().uuidString).json")
        try Data(Self.example.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try SandboxGraph(contentsOf: url).directory.userCount == 4)
        let missing = url.appendingPathExtension("missing")
        #expect(throws: SandboxGraphError.self) { try SandboxGraph(contentsOf: missing) }
    }

    @Test("A bad graph is refused with a message naming what is wrong", arguments: [
        ("\"users\": [", "\"users\": [{\"id\": \"6253282\", \"name\": \"Dup\", \"username\": \"dup\"}, ", "6253282"),
        ("{\"id\": \"2244994945\", \"name\": \"Developers\"", "{\"id\": \"02244994945\", \"name\": \"Developers\"", "02244994945"),
        ("\"username\": \"XDevelopers\"", "\"username\": \"X-Developers\"", "X-Developers"),
        ("\"target_user_id\": \"2244994945\"", "\"target_user_id\": \"99\"", "follows[0]"),
        ("6253282-sandboxAccessToken", "42-sandboxAccessToken", "must start with"),
        ("\"pinned_tweet_id\": \"1346889436626259968\"", "\"pinned_tweet_id\": \"1\"", "unknown Tweet 1"),
        ("\"consumer_key\": \"sandboxConsumerKey\",", "", "consumer_key"),
        ("\"name\": \"Lucy\", ", "", "users[2].name"),
    ])
    func badGraph(find: String, replace: String, expected: String) {
        let text = Self.example.replacingOccurrences(of: find, with: replace)
        #expect(text != Self.example)
        do {
            _ = try SandboxGraph(jsonData: Data(text.utf8))
            Issue.record("The graph should not load")
        } catch {
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }
}
