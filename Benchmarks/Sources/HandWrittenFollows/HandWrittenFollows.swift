// The floor for the decode benchmark (G4): Codable structs for a page of
// followers written by hand, as someone would without any generator, and
// decoded by a bare `JSONDecoder` with its built-in ISO 8601 dates. They hold
// every member spec/follows.yaml gives User and Tweet, so all three decoders
// read the same keys, but they do nothing else: no defaults, no validation,
// no unknown enum values, no expansion resolving.
import Foundation

/// A page of followers: `GET /2/users/:id/followers`.
package struct FollowersPage: Decodable, Sendable {
    package var data: [User]?
    package var includes: Includes?
    package var meta: Meta?

    package struct Includes: Decodable, Sendable {
        package var tweets: [Tweet]?
    }

    package struct Meta: Decodable, Sendable {
        package var resultCount: Int
        package var nextToken: String?
        package var previousToken: String?

        enum CodingKeys: String, CodingKey {
            case resultCount = "result_count", nextToken = "next_token", previousToken = "previous_token"
        }
    }

    /// The decoder the floor uses: a bare `JSONDecoder` with ISO 8601 dates.
    package static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

package struct User: Decodable, Sendable {
    package var id: String
    package var name: String
    package var username: String
    package var createdAt: Date?
    package var description: String?
    package var entities: Entities?
    package var location: String?
    package var mostRecentTweetId: String?
    package var pinnedTweetId: String?
    package var profileImageUrl: URL?
    package var protected: Bool?
    package var publicMetrics: PublicMetrics?
    package var url: String?
    package var verified: Bool?
    package var verifiedType: VerifiedType?
    package var withheld: Withheld?

    package enum VerifiedType: String, Decodable, Sendable {
        case blue, business, government, none
    }

    package struct Entities: Decodable, Sendable {
        package var url: URLs?
        package var description: Description?

        package struct URLs: Decodable, Sendable {
            package var urls: [URLEntity]?
        }

        package struct Description: Decodable, Sendable {
            package var urls: [URLEntity]?
            package var hashtags: [Hashtag]?
            package var mentions: [Mention]?
            package var cashtags: [Cashtag]?
        }
    }

    package struct PublicMetrics: Decodable, Sendable {
        package var followersCount: Int
        package var followingCount: Int
        package var tweetCount: Int
        package var listedCount: Int?

        enum CodingKeys: String, CodingKey {
            case followersCount = "followers_count", followingCount = "following_count"
            case tweetCount = "tweet_count", listedCount = "listed_count"
        }
    }

    package struct Withheld: Decodable, Sendable {
        package var countryCodes: [String]
        package var scope: String?

        enum CodingKeys: String, CodingKey {
            case countryCodes = "country_codes", scope
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, name, username, description, entities, location, protected, url, verified, withheld
        case createdAt = "created_at", mostRecentTweetId = "most_recent_tweet_id"
        case pinnedTweetId = "pinned_tweet_id", profileImageUrl = "profile_image_url"
        case publicMetrics = "public_metrics", verifiedType = "verified_type"
    }
}

package struct URLEntity: Decodable, Sendable {
    package var start: Int
    package var end: Int
    package var url: String
    package var expandedUrl: String?
    package var displayUrl: String?

    enum CodingKeys: String, CodingKey {
        case start, end, url, expandedUrl = "expanded_url", displayUrl = "display_url"
    }
}

package struct Hashtag: Decodable, Sendable {
    package var start: Int
    package var end: Int
    package var hashtag: String
}

package struct Mention: Decodable, Sendable {
    package var start: Int
    package var end: Int
    package var username: String
}

package struct Cashtag: Decodable, Sendable {
    package var start: Int
    package var end: Int
    package var cashtag: String
}

package struct Tweet: Decodable, Sendable {
    package var id: String
    package var text: String
    package var editHistoryTweetIds: [String]?
    package var attachments: Attachments?
    package var authorId: String?
    package var contextAnnotations: [ContextAnnotation]?
    package var conversationId: String?
    package var createdAt: Date?
    package var editControls: EditControls?
    package var entities: Entities?
    package var geo: Geo?
    package var inReplyToUserId: String?
    package var lang: String?
    package var nonPublicMetrics: NonPublicMetrics?
    package var publicMetrics: PublicMetrics?
    package var organicMetrics: EngagementMetrics?
    package var promotedMetrics: EngagementMetrics?
    package var possiblySensitive: Bool?
    package var referencedTweets: [ReferencedTweet]?
    package var replySettings: String?
    package var source: String?
    package var withheld: Withheld?

    package struct Attachments: Decodable, Sendable {
        package var mediaKeys: [String]?
        package var pollIds: [String]?

        enum CodingKeys: String, CodingKey {
            case mediaKeys = "media_keys", pollIds = "poll_ids"
        }
    }

    package struct ContextAnnotation: Decodable, Sendable {
        package var domain: Named
        package var entity: Named

        package struct Named: Decodable, Sendable {
            package var id: String
            package var name: String?
            package var description: String?
        }
    }

    package struct EditControls: Decodable, Sendable {
        package var editsRemaining: Int
        package var isEditEligible: Bool
        package var editableUntil: Date

        enum CodingKeys: String, CodingKey {
            case editsRemaining = "edits_remaining", isEditEligible = "is_edit_eligible"
            case editableUntil = "editable_until"
        }
    }

    package struct Entities: Decodable, Sendable {
        package var annotations: [Annotation]?
        package var cashtags: [Cashtag]?
        package var hashtags: [Hashtag]?
        package var mentions: [Mention]?
        package var urls: [URLEntity]?

        package struct Annotation: Decodable, Sendable {
            package var start: Int
            package var end: Int
            package var probability: Double?
            package var type: String?
            package var normalizedText: String?

            enum CodingKeys: String, CodingKey {
                case start, end, probability, type, normalizedText = "normalized_text"
            }
        }
    }

    package struct Geo: Decodable, Sendable {
        package var coordinates: Point?
        package var placeId: String?

        package struct Point: Decodable, Sendable {
            package var type: String
            package var coordinates: [Double]
        }

        enum CodingKeys: String, CodingKey {
            case coordinates, placeId = "place_id"
        }
    }

    package struct NonPublicMetrics: Decodable, Sendable {
        package var impressionCount: Int?
        package var urlLinkClicks: Int?
        package var userProfileClicks: Int?

        enum CodingKeys: String, CodingKey {
            case impressionCount = "impression_count", urlLinkClicks = "url_link_clicks"
            case userProfileClicks = "user_profile_clicks"
        }
    }

    package struct PublicMetrics: Decodable, Sendable {
        package var retweetCount: Int?
        package var replyCount: Int?
        package var likeCount: Int?
        package var quoteCount: Int?
        package var bookmarkCount: Int?
        package var impressionCount: Int?

        enum CodingKeys: String, CodingKey {
            case retweetCount = "retweet_count", replyCount = "reply_count", likeCount = "like_count"
            case quoteCount = "quote_count", bookmarkCount = "bookmark_count", impressionCount = "impression_count"
        }
    }

    package struct EngagementMetrics: Decodable, Sendable {
        package var impressionCount: Int?
        package var likeCount: Int?
        package var replyCount: Int?
        package var retweetCount: Int?
        package var urlLinkClicks: Int?
        package var userProfileClicks: Int?

        enum CodingKeys: String, CodingKey {
            case impressionCount = "impression_count", likeCount = "like_count", replyCount = "reply_count"
            case retweetCount = "retweet_count", urlLinkClicks = "url_link_clicks"
            case userProfileClicks = "user_profile_clicks"
        }
    }

    package struct ReferencedTweet: Decodable, Sendable {
        package var type: String
        package var id: String
    }

    package struct Withheld: Decodable, Sendable {
        package var copyright: Bool?
        package var countryCodes: [String]
        package var scope: String?

        enum CodingKeys: String, CodingKey {
            case copyright, countryCodes = "country_codes", scope
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, text, attachments, entities, geo, lang, source, withheld
        case editHistoryTweetIds = "edit_history_tweet_ids", authorId = "author_id"
        case contextAnnotations = "context_annotations", conversationId = "conversation_id"
        case createdAt = "created_at", editControls = "edit_controls"
        case inReplyToUserId = "in_reply_to_user_id", nonPublicMetrics = "non_public_metrics"
        case publicMetrics = "public_metrics", organicMetrics = "organic_metrics"
        case promotedMetrics = "promoted_metrics", possiblySensitive = "possibly_sensitive"
        case referencedTweets = "referenced_tweets", replySettings = "reply_settings"
    }
}
