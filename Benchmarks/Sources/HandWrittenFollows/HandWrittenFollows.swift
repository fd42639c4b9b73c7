// The floor for the decode benchmark (G4): Codable structs for a page of
// followers written by hand, as someone would without any generator, and
// decoded by a bare `JSONDecoder` with its built-in ISO 8601 dates. They hold
// every member spec/follows.yaml gives User and Tweet, so all three decoders
// read the same keys, but they do nothing else: no defaults, no validation,
// no unknown enum values, no expansion resolving.
import Foundation

/// A page of followers: `GET /2/users/:id/followers`.
public struct FollowersPage: Decodable, Sendable {
    public var data: [User]?
    public var includes: Includes?
    public var meta: Meta?

    public struct Includes: Decodable, Sendable {
        public var tweets: [Tweet]?
    }

    public struct Meta: Decodable, Sendable {
        public var resultCount: Int
        public var nextToken: String?
        public var previousToken: String?

        enum CodingKeys: String, CodingKey {
            case resultCount = "result_count", nextToken = "next_token", previousToken = "previous_token"
        }
    }

    /// The decoder the floor uses: a bare `JSONDecoder` with ISO 8601 dates.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

public struct User: Decodable, Sendable {
    public var id: String
    public var name: String
    public var username: String
    public var createdAt: Date?
    public var description: String?
    public var entities: Entities?
    public var location: String?
    public var mostRecentTweetId: String?
    public var pinnedTweetId: String?
    public var profileImageUrl: URL?
    public var protected: Bool?
    public var publicMetrics: PublicMetrics?
    public var url: String?
    public var verified: Bool?
    public var verifiedType: VerifiedType?
    public var withheld: Withheld?

    public enum VerifiedType: String, Decodable, Sendable {
        case blue, business, government, none
    }

    public struct Entities: Decodable, Sendable {
        public var url: URLs?
        public var description: Description?

        public struct URLs: Decodable, Sendable {
            public var urls: [URLEntity]?
        }

        public struct Description: Decodable, Sendable {
            public var urls: [URLEntity]?
            public var hashtags: [Hashtag]?
            public var mentions: [Mention]?
            public var cashtags: [Cashtag]?
        }
    }

    public struct PublicMetrics: Decodable, Sendable {
        public var followersCount: Int
        public var followingCount: Int
        public var tweetCount: Int
        public var listedCount: Int?

        enum CodingKeys: String, CodingKey {
            case followersCount = "followers_count", followingCount = "following_count"
            case tweetCount = "tweet_count", listedCount = "listed_count"
        }
    }

    public struct Withheld: Decodable, Sendable {
        public var countryCodes: [String]
        public var scope: String?

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

public struct URLEntity: Decodable, Sendable {
    public var start: Int
    public var end: Int
    public var url: String
    public var expandedUrl: String?
    public var displayUrl: String?

    enum CodingKeys: String, CodingKey {
        case start, end, url, expandedUrl = "expanded_url", displayUrl = "display_url"
    }
}

public struct Hashtag: Decodable, Sendable {
    public var start: Int
    public var end: Int
    public var hashtag: String
}

public struct Mention: Decodable, Sendable {
    public var start: Int
    public var end: Int
    public var username: String
}

public struct Cashtag: Decodable, Sendable {
    public var start: Int
    public var end: Int
    public var cashtag: String
}

public struct Tweet: Decodable, Sendable {
    public var id: String
    public var text: String
    public var editHistoryTweetIds: [String]?
    public var attachments: Attachments?
    public var authorId: String?
    public var contextAnnotations: [ContextAnnotation]?
    public var conversationId: String?
    public var createdAt: Date?
    public var editControls: EditControls?
    public var entities: Entities?
    public var geo: Geo?
    public var inReplyToUserId: String?
    public var lang: String?
    public var nonPublicMetrics: NonPublicMetrics?
    public var publicMetrics: PublicMetrics?
    public var organicMetrics: EngagementMetrics?
    public var promotedMetrics: EngagementMetrics?
    public var possiblySensitive: Bool?
    public var referencedTweets: [ReferencedTweet]?
    public var replySettings: String?
    public var source: String?
    public var withheld: Withheld?

    public struct Attachments: Decodable, Sendable {
        public var mediaKeys: [String]?
        public var pollIds: [String]?

        enum CodingKeys: String, CodingKey {
            case mediaKeys = "media_keys", pollIds = "poll_ids"
        }
    }

    public struct ContextAnnotation: Decodable, Sendable {
        public var domain: Named
        public var entity: Named

        public struct Named: Decodable, Sendable {
            public var id: String
            public var name: String?
            public var description: String?
        }
    }

    public struct EditControls: Decodable, Sendable {
        public var editsRemaining: Int
        public var isEditEligible: Bool
        public var editableUntil: Date

        enum CodingKeys: String, CodingKey {
            case editsRemaining = "edits_remaining", isEditEligible = "is_edit_eligible"
            case editableUntil = "editable_until"
        }
    }

    public struct Entities: Decodable, Sendable {
        public var annotations: [Annotation]?
        public var cashtags: [Cashtag]?
        public var hashtags: [Hashtag]?
        public var mentions: [Mention]?
        public var urls: [URLEntity]?

        public struct Annotation: Decodable, Sendable {
            public var start: Int
            public var end: Int
            public var probability: Double?
            public var type: String?
            public var normalizedText: String?

            enum CodingKeys: String, CodingKey {
                case start, end, probability, type, normalizedText = "normalized_text"
            }
        }
    }

    public struct Geo: Decodable, Sendable {
        public var coordinates: Point?
        public var placeId: String?

        public struct Point: Decodable, Sendable {
            public var type: String
            public var coordinates: [Double]
        }

        enum CodingKeys: String, CodingKey {
            case coordinates, placeId = "place_id"
        }
    }

    public struct NonPublicMetrics: Decodable, Sendable {
        public var impressionCount: Int?
        public var urlLinkClicks: Int?
        public var userProfileClicks: Int?

        enum CodingKeys: String, CodingKey {
            case impressionCount = "impression_count", urlLinkClicks = "url_link_clicks"
            case userProfileClicks = "user_profile_clicks"
        }
    }

    public struct PublicMetrics: Decodable, Sendable {
        public var retweetCount: Int?
        public var replyCount: Int?
        public var likeCount: Int?
        public var quoteCount: Int?
        public var bookmarkCount: Int?
        public var impressionCount: Int?

        enum CodingKeys: String, CodingKey {
            case retweetCount = "retweet_count", replyCount = "reply_count", likeCount = "like_count"
            case quoteCount = "quote_count", bookmarkCount = "bookmark_count", impressionCount = "impression_count"
        }
    }

    public struct EngagementMetrics: Decodable, Sendable {
        public var impressionCount: Int?
        public var likeCount: Int?
        public var replyCount: Int?
        public var retweetCount: Int?
        public var urlLinkClicks: Int?
        public var userProfileClicks: Int?

        enum CodingKeys: String, CodingKey {
            case impressionCount = "impression_count", likeCount = "like_count", replyCount = "reply_count"
            case retweetCount = "retweet_count", urlLinkClicks = "url_link_clicks"
            case userProfileClicks = "user_profile_clicks"
        }
    }

    public struct ReferencedTweet: Decodable, Sendable {
        public var type: String
        public var id: String
    }

    public struct Withheld: Decodable, Sendable {
        public var copyright: Bool?
        public var countryCodes: [String]
        public var scope: String?

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
