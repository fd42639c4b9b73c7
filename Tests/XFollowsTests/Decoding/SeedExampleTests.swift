import Foundation
import Testing
import XFollows

/// The generated models decode the example responses of X's documents
/// (../shared/seeds) and survive an encode/decode round trip.
@Suite("Decoding the seeds' examples")
struct SeedExampleTests {
    let decoder = XAPIJSON.makeDecoder()
    let encoder = XAPIJSON.makeEncoder()

    func roundTrip<Value: Codable & Equatable>(_ value: Value) throws -> Value {
        try decoder.decode(Value.self, from: encoder.encode(value))
    }

    @Test("The followers example: user fields, public metrics and a next token")
    func followersExample() throws {
        let json = """
        {
          "data": [
            {
              "id": "1234567890",
              "name": "Developer",
              "username": "dev_user",
              "verified": false,
              "public_metrics": {
                "followers_count": 500,
                "following_count": 200,
                "tweet_count": 1500
              }
            }
          ],
          "meta": {
            "result_count": 1,
            "next_token": "abc123"
          }
        }
        """
        let page = try decoder.decode(FollowsLookupResponse.self, from: Data(json.utf8))
        let user = try #require(page.data?.first)
        #expect(user.id == "1234567890")
        #expect(user.name == "Developer")
        #expect(user.username == "dev_user")
        #expect(user.verified == false)
        #expect(user.publicMetrics == UserPublicMetrics(followersCount: 500, followingCount: 200, tweetCount: 1500))
        #expect(user.createdAt == nil)
        #expect(page.meta == PaginationMeta(resultCount: 1, nextToken: "abc123"))
        #expect(page.nextToken == "abc123")
        #expect(page.previousToken == nil)
        #expect(page.items == [user])
        #expect(try roundTrip(page) == page)
    }

    @Test("Follow: a public account is followed")
    func followPublic() throws {
        let json = #"{"data": {"following": true, "pending_follow": false}}"#
        let response = try decoder.decode(FollowResponse.self, from: Data(json.utf8))
        #expect(response.data == .following)
        #expect(try roundTrip(response) == response)
        #expect(String(decoding: try encoder.encode(response), as: UTF8.self) == #"{"data":{"following":true,"pending_follow":false}}"#)
    }

    @Test("Follow: a protected account leaves the request pending")
    func followProtected() throws {
        let json = #"{"data": {"following": false, "pending_follow": true}}"#
        let response = try decoder.decode(FollowResponse.self, from: Data(json.utf8))
        #expect(response.data == .pending)
        #expect(try roundTrip(response) == response)
    }

    @Test("Follow: a state the spec does not describe is a decoding error, not a guess")
    func followUnknownState() {
        let json = #"{"data": {"following": true, "pending_follow": true}}"#
        #expect(throws: DecodingError.self) {
            try decoder.decode(FollowResponse.self, from: Data(json.utf8))
        }
    }

    @Test("Unfollow")
    func unfollow() throws {
        let json = #"{"data": {"following": false}}"#
        let response = try decoder.decode(UnfollowResponse.self, from: Data(json.utf8))
        #expect(response.data == UnfollowResult(following: false))
        #expect(try roundTrip(response) == response)
    }

    @Test("A 200 with only errors decodes, the problem kept whole")
    func partialError() throws {
        let json = """
        {"errors": [{"value": "123", "detail": "Could not find user with id: [123].", "title": "Not Found Error",
                     "resource_type": "user", "parameter": "id", "resource_id": "123",
                     "type": "https://api.twitter.com/2/problems/resource-not-found"}]}
        """
        let page = try decoder.decode(FollowsLookupResponse.self, from: Data(json.utf8))
        #expect(page.data == nil)
        #expect(page.items.isEmpty)
        let problem = try #require(page.errors?.first)
        #expect(problem.title == "Not Found Error")
        #expect(problem.detail == "Could not find user with id: [123].")
        #expect(problem.additionalProperties["resource_id"] == .string("123"))
        #expect(try roundTrip(page) == page)
    }

    @Test("Every user field of the seed's table decodes, with X's dates")
    func everyUserField() throws {
        let json = """
        {
          "id": "2244994945", "name": "X Developers", "username": "XDevelopers",
          "created_at": "2013-12-14T04:35:55.000Z",
          "description": "The voice of the #XDevelopers team. Questions? @XDevelopers $TWTR https://t.co/3c9l4ZrUZI",
          "entities": {
            "url": {"urls": [{"start": 0, "end": 23, "url": "https://t.co/3c9l4ZrUZI", "expanded_url": "https://developer.x.com", "display_url": "developer.x.com"}]},
            "description": {
              "urls": [{"start": 62, "end": 85, "url": "https://t.co/3c9l4ZrUZI"}],
              "hashtags": [{"start": 17, "end": 30, "hashtag": "XDevelopers"}],
              "mentions": [{"start": 43, "end": 55, "username": "XDevelopers"}],
              "cashtags": [{"start": 56, "end": 61, "cashtag": "TWTR"}]
            }
          },
          "location": "127.0.0.1",
          "most_recent_tweet_id": "1855000000000000000",
          "pinned_tweet_id": "1354143047324299264",
          "profile_image_url": "https://pbs.twimg.com/profile_images/1445764922474827784/W2zEPN7U_normal.jpg",
          "protected": false,
          "public_metrics": {"followers_count": 583423, "following_count": 2048, "tweet_count": 14052, "listed_count": 1672},
          "url": "https://t.co/3c9l4ZrUZI",
          "verified": true,
          "verified_type": "business",
          "withheld": {"country_codes": ["DE", "FR"], "scope": "user"}
        }
        """
        let user = try decoder.decode(User.self, from: Data(json.utf8))
        #expect(user.createdAt == Date(timeIntervalSince1970: 1_386_995_755))
        #expect(user.entities?.url?.urls?.first?.expandedURL == "https://developer.x.com")
        #expect(user.entities?.description?.hashtags?.first?.hashtag == "XDevelopers")
        #expect(user.entities?.description?.mentions?.first?.username == "XDevelopers")
        #expect(user.entities?.description?.cashtags?.first?.cashtag == "TWTR")
        #expect(user.mostRecentTweetID == "1855000000000000000")
        #expect(user.pinnedTweetID == "1354143047324299264")
        #expect(user.profileImageURL?.host == "pbs.twimg.com")
        #expect(user.protected == false)
        #expect(user.publicMetrics?.listedCount == 1672)
        #expect(user.verifiedType == .business)
        #expect(user.withheld == UserWithheld(countryCodes: ["DE", "FR"], scope: .user))
        let encoded = String(decoding: try encoder.encode(user), as: UTF8.self)
        #expect(encoded.contains(#""created_at":"2013-12-14T04:35:55.000Z""#))
        #expect(try roundTrip(user) == user)
    }

    @Test("A value added to an enum after generation decodes as unknown and encodes back")
    func unknownEnumValue() throws {
        let json = #"{"id": "1", "name": "n", "username": "u", "verified_type": "gold"}"#
        let user = try decoder.decode(User.self, from: Data(json.utf8))
        #expect(user.verifiedType == .unknown("gold"))
        #expect(String(decoding: try encoder.encode(user), as: UTF8.self).contains(#""verified_type":"gold""#))
    }

    @Test("The pinned tweet is resolved from includes")
    func pinnedTweetResolution() throws {
        let json = """
        {
          "data": [
            {"id": "1", "name": "A", "username": "a", "pinned_tweet_id": "10"},
            {"id": "2", "name": "B", "username": "b", "pinned_tweet_id": "99"},
            {"id": "3", "name": "C", "username": "c"}
          ],
          "includes": {"tweets": [{"id": "10", "text": "pinned", "created_at": "2021-01-26T19:31:58.000Z", "lang": "en"}]},
          "meta": {"result_count": 3}
        }
        """
        let page = try decoder.decode(FollowsLookupResponse.self, from: Data(json.utf8)).resolvingExpansions()
        let users = try #require(page.data)
        #expect(users[0].pinnedTweet?.text == "pinned")
        #expect(users[0].pinnedTweet?.lang == "en")
        #expect(users[1].pinnedTweet == nil, "a pinned tweet missing from includes stays nil")
        #expect(users[2].pinnedTweet == nil)
        // The resolved tweet is not part of the user's JSON.
        #expect(!String(decoding: try encoder.encode(users[0]), as: UTF8.self).contains("pinned_tweet\""))
    }

    @Test("Field names are X's, as many as X's published document lists, with X's defaults")
    func fieldNames() {
        #expect(User.Field.publicMetrics.rawValue == "public_metrics")
        #expect(User.Field(rawValue: "most_recent_tweet_id") == .mostRecentTweetID)
        #expect(User.Field(rawValue: "verified_followers_count") == .verifiedFollowersCount)
        #expect(User.Field(rawValue: "brand_new_field") == .unknown("brand_new_field"))
        // X's OpenAPI document 2.159 lists 26 user fields and 31 Tweet fields (X's follows
        // documentation of 2023: 16 and 21); 2.167 adds subscribes_to_you and five Post fields.
        #expect(User.Field.allCases.count == 27)
        #expect(Tweet.Field.allCases.count == 36)
        #expect(User.Field(rawValue: "subscribes_to_you") == .subscribesToYou)
        #expect(Tweet.Field(rawValue: "note_post") == .notePost)
        #expect(User.Field.defaults == [.id, .name, .username])
        // X returns edit_history_tweet_ids by default with id and text (twarc2 asks for it by name).
        #expect(Tweet.Field.defaults == [.id, .text, .editHistoryTweetIDs])
        // X's current document (2.167) names the expansions; 2.159's names are deprecated spellings.
        #expect(User.Expansion.allCases == [.affiliation, .mostRecentPostID, .pinnedPostID])
        #expect(User.Expansion.pinnedPostID.rawValue == "pinned_post_id")
        #expect(User.Expansion.pinnedPostID.sourceField == "pinned_tweet_id")
        #expect(User.Expansion.affiliation.sourceField == "affiliation.user_id")
    }
}
