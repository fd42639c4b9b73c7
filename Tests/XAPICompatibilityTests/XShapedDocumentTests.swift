import Foundation
import Testing
import XAPIRuntime

/// The code the build plugin generated from `x-api-v2-subset.yaml`, an
/// OpenAPI 3.0 document shaped like X's own, compiles (or this target would
/// not build) and decodes what X sends.
@Suite("X-shaped OpenAPI 3.0 documents")
struct XShapedDocumentTests {
    let decoder = XAPIJSON.makeDecoder()

    @Test("A followers page with nullable members, inline objects and includes decodes")
    func followersPage() throws {
        let json = """
        {
          "data": [{
            "id": "2244994945", "name": "X Developers", "username": "XDevelopers",
            "created_at": "2013-12-14T04:35:55.000Z", "description": null, "location": null,
            "verified_type": "business",
            "affiliation": {"badge_url": "https://pbs.twimg.com/badge.png", "user_id": ["783214"]},
            "public_metrics": {"followers_count": 583, "following_count": 10, "tweet_count": 3, "listed_count": 1},
            "entities": {"url": {"urls": [{"start": 0, "end": 23, "url": "https://t.co/3c9l4ZrUZI"}]},
                         "description": {"hashtags": [{"start": 5, "end": 9, "tag": "dev"}]}},
            "withheld": {"country_codes": ["DE"], "scope": "user"}
          }],
          "includes": {
            "tweets": [{"id": "1", "text": "hi", "edit_history_tweet_ids": ["1"],
                        "referenced_tweets": [{"type": "quoted", "id": "2"}],
                        "geo": {"coordinates": {"type": "Point", "coordinates": [-73.99, 40.73]}}}],
            "media": [{"type": "video", "media_key": "7_1", "duration_ms": 1000}]
          },
          "meta": {"result_count": 1, "next_token": "7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i"}
        }
        """
        let page = try decoder.decode(Get2UsersIdFollowersResponse.self, from: Data(json.utf8))
        let user = try #require(page.data?.first)
        #expect(user.createdAt == Date(timeIntervalSince1970: 1_386_995_755))
        #expect(user.description == nil)
        #expect(user.verifiedType == .business)
        #expect(user.affiliation?.badgeURL == URL(string: "https://pbs.twimg.com/badge.png"))
        #expect(user.publicMetrics?.followersCount == 583)
        #expect(user.entities?.url?.urls?.first?.url == URL(string: "https://t.co/3c9l4ZrUZI"))
        #expect(user.entities?.description?.hashtags?.first?.tag == "dev")
        #expect(user.withheld?.scope == .user)
        let tweet = try #require(page.includes?.tweets?.first)
        #expect(tweet.referencedTweets?.first?.type == .quoted)
        #expect(tweet.geo?.coordinates?.coordinates == [-73.99, 40.73])
        #expect(page.includes?.media?.first?.type == "video")
        #expect(page.meta?.resultCount == 1)
        // And back: encoding then decoding gives the same value.
        let again = try decoder.decode(Get2UsersIdFollowersResponse.self, from: XAPIJSON.makeEncoder().encode(page))
        #expect(again == page)
    }

    @Test("A oneOf discriminated by URL values picks the case for either host", arguments: [
        "https://api.twitter.com/2/problems/resource-not-found",
        "https://api.x.com/2/problems/resource-not-found",
    ])
    func discriminatedProblem(type: String) throws {
        let json = """
        {"type": "\(type)", "title": "Not Found Error", "detail": "Could not find user with id: [1].",
         "parameter": "id", "value": "1", "resource_id": "1", "resource_type": "user"}
        """
        let problem = try decoder.decode(AnyProblem.self, from: Data(json.utf8))
        guard case .resourceNotFoundProblem(let notFound) = problem else {
            Issue.record("decoded \(problem)")
            return
        }
        #expect(notFound.resourceType == .user)
        #expect(notFound.resourceID == "1")
    }

    @Test("An unknown problem type is kept, not an error")
    func unknownProblemType() throws {
        let json = #"{"type": "https://api.x.com/2/problems/brand-new", "title": "New"}"#
        let problem = try decoder.decode(AnyProblem.self, from: Data(json.utf8))
        guard case .unknown(let value) = problem else {
            Issue.record("decoded \(problem)")
            return
        }
        #expect(value == .object(["type": .string("https://api.x.com/2/problems/brand-new"), "title": .string("New")]))
    }

    @Test("allOf problem types merge their members")
    func allOfMerges() throws {
        let json = #"{"type": "https://api.twitter.com/2/problems/invalid-request", "title": "Invalid Request", "errors": [{"message": "bad", "parameters": {"max_results": ["5000"]}}]}"#
        let problem = try decoder.decode(InvalidRequestProblem.self, from: Data(json.utf8))
        #expect(problem.title == "Invalid Request")
        #expect(problem.errors?.first?.parameters?["max_results"] == ["5000"])
    }

    @Test("A new enum value decodes as unknown")
    func newEnumValue() throws {
        let json = #"{"id": "1", "name": "n", "username": "u", "verified_type": "gold"}"#
        let user = try decoder.decode(User.self, from: Data(json.utf8))
        #expect(user.verifiedType == .unknown("gold"))
        #expect(user.verifiedType?.rawValue == "gold")
    }

    @Test("Operations without x- extensions get functions named after their operationId")
    func operationsAreGenerated() {
        #expect(OperationDescriptor.usersIdFollowers.path == "/2/users/{id}/followers")
        #expect(OperationDescriptor.tweetsRecentSearch.security == [.appOnly])
        #expect(OperationDescriptor.getOpenApiSpec.security.isEmpty)
        // Only app-only may search; the function is on AppOnlyClient alone.
        let search: (AppOnlyClient) -> (String, Date?, TweetsRecentSearchSortOrder?, Int, Set<TweetField>) async throws -> APIResponse<Get2TweetsSearchRecentResponse> = { client in
            { query, start, order, max, fields in
                try await client.tweetsRecentSearch(query: query, startTime: start, sortOrder: order, maxResults: max, tweetFields: fields)
            }
        }
        _ = search
        // An operation without a body returns NoContent, its path parameter formatted as text.
        let cancel: (AppOnlyClient) -> (Int) async throws -> APIResponse<NoContent> = { client in
            { id in try await client.cancelComplianceJob(id: id) }
        }
        _ = cancel
        #expect(OperationDescriptor.cancelComplianceJob.isIdempotent)
    }
}
