import XFollows

/// The fields and expansions a lookup asked for, and the filtering X applies: a user or
/// Tweet comes back with its default fields (``User/Field/defaults``,
/// ``Tweet/Field/defaults``) plus the requested ones, and nothing else.
///
/// Asking for `expansions=pinned_tweet_id` also returns each user's `pinned_tweet_id`, since
/// X puts the ID of an expanded object in the data object.
///
/// ```swift
/// let selection = FieldSelection(userFields: [.createdAt], expansions: [.pinnedTweetID], tweetFields: [.lang])
/// let user = selection.apply(to: fullUser)     // id, name, username, created_at, pinned_tweet_id
/// let tweet = selection.apply(to: pinnedTweet) // id, text, lang
/// ```
public struct FieldSelection: Sendable, Hashable {
    /// The requested `user.fields`.
    public var userFields: Set<User.Field>
    /// The requested `expansions`.
    public var expansions: Set<User.Expansion>
    /// The requested `tweet.fields`.
    public var tweetFields: Set<Tweet.Field>

    /// Creates a selection.
    public init(userFields: Set<User.Field> = [], expansions: Set<User.Expansion> = [], tweetFields: Set<Tweet.Field> = []) {
        self.userFields = userFields
        self.expansions = expansions
        self.tweetFields = tweetFields
    }

    /// The user fields that come back: the defaults, the requested ones, and those an
    /// expansion needs.
    public var returnedUserFields: Set<User.Field> {
        var fields = User.Field.defaults.union(userFields)
        if expansions.contains(.pinnedTweetID) { fields.insert(.pinnedTweetID) }
        return fields
    }

    /// The Tweet fields that come back: the defaults and the requested ones.
    public var returnedTweetFields: Set<Tweet.Field> {
        Tweet.Field.defaults.union(tweetFields)
    }

    /// The user with every field that does not come back set to `nil`.
    public func apply(to user: User) -> User {
        let keep = returnedUserFields
        var filtered = user
        filtered.pinnedTweet = nil
        for field in User.Field.allCases where !keep.contains(field) {
            switch field {
            case .createdAt: filtered.createdAt = nil
            case .description: filtered.description = nil
            case .entities: filtered.entities = nil
            case .location: filtered.location = nil
            case .mostRecentTweetID: filtered.mostRecentTweetID = nil
            case .pinnedTweetID: filtered.pinnedTweetID = nil
            case .profileImageURL: filtered.profileImageURL = nil
            case .protected: filtered.protected = nil
            case .publicMetrics: filtered.publicMetrics = nil
            case .url: filtered.url = nil
            case .verified: filtered.verified = nil
            case .verifiedType: filtered.verifiedType = nil
            case .withheld: filtered.withheld = nil
            case .id, .name, .username, .unknown: break
            }
        }
        return filtered
    }

    /// The Tweet with every field that does not come back set to `nil`.
    ///
    /// `edit_history_tweet_ids` is not a field the spec lets a request select, so it never
    /// comes back.
    public func apply(to tweet: Tweet) -> Tweet {
        let keep = returnedTweetFields
        var filtered = tweet
        filtered.editHistoryTweetIDs = nil
        for field in Tweet.Field.allCases where !keep.contains(field) {
            switch field {
            case .attachments: filtered.attachments = nil
            case .authorID: filtered.authorID = nil
            case .contextAnnotations: filtered.contextAnnotations = nil
            case .conversationID: filtered.conversationID = nil
            case .createdAt: filtered.createdAt = nil
            case .editControls: filtered.editControls = nil
            case .entities: filtered.entities = nil
            case .geo: filtered.geo = nil
            case .inReplyToUserID: filtered.inReplyToUserID = nil
            case .lang: filtered.lang = nil
            case .nonPublicMetrics: filtered.nonPublicMetrics = nil
            case .publicMetrics: filtered.publicMetrics = nil
            case .organicMetrics: filtered.organicMetrics = nil
            case .promotedMetrics: filtered.promotedMetrics = nil
            case .possiblySensitive: filtered.possiblySensitive = nil
            case .referencedTweets: filtered.referencedTweets = nil
            case .replySettings: filtered.replySettings = nil
            case .source: filtered.source = nil
            case .withheld: filtered.withheld = nil
            case .id, .text, .unknown: break
            }
        }
        return filtered
    }

    /// The Tweet as `viewer` may see it: the private metrics (`non_public_metrics`,
    /// `organic_metrics`, `promoted_metrics`) only go to the author with user context.
    public static func visible(_ tweet: Tweet, to viewer: SandboxPrincipal) -> Tweet {
        guard viewer.method == .appOnly || viewer.userID != tweet.authorID else { return tweet }
        var visible = tweet
        visible.nonPublicMetrics = nil
        visible.organicMetrics = nil
        visible.promotedMetrics = nil
        return visible
    }
}
