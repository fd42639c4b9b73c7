import XFollows

/// The fields and expansions a lookup asked for, and the filtering X applies: a user or
/// Tweet comes back with its default fields (`User.Field.defaults`,
/// `Tweet.Field.defaults`) plus the requested ones, and nothing else.
///
/// Asking for an expansion also returns the field it reads (`User.Expansion.sourceField`, from
/// the spec's `x-expansions`: `pinned_tweet_id` for `expansions=pinned_post_id`, `affiliation`
/// for `affiliation`), since X puts the ID of an expanded object in the data object.
///
/// ```swift
/// let selection = FieldSelection(userFields: [.createdAt], expansions: [.pinnedPostID], tweetFields: [.lang])
/// let user = selection.apply(to: fullUser)     // id, name, username, created_at, pinned_tweet_id
/// let tweet = selection.apply(to: pinnedTweet) // id, text, lang
/// ```
public struct FieldSelection: Sendable, Hashable {
    /// The requested `user.fields`.
    public let userFields: Set<User.Field>
    /// The requested `expansions`.
    public let expansions: Set<User.Expansion>
    /// The requested `tweet.fields`.
    public let tweetFields: Set<Tweet.Field>
    /// The user fields that come back: the defaults, the requested ones, and those an
    /// expansion reads (X puts the ID of an expanded object in the data object).
    public let returnedUserFields: Set<User.Field>
    /// The Tweet fields that come back: the defaults and the requested ones.
    public let returnedTweetFields: Set<Tweet.Field>

    /// Creates a selection; what comes back is worked out once, here, not per user.
    public init(userFields: Set<User.Field> = [], expansions: Set<User.Expansion> = [], tweetFields: Set<Tweet.Field> = []) {
        self.userFields = userFields
        self.expansions = expansions
        self.tweetFields = tweetFields
        var returned = User.Field.defaults.union(userFields)
        for expansion in expansions {
            // The field an expansion reads is the first step of its path (`affiliation.user_id`).
            guard let path = expansion.sourceField else { continue }
            let field = User.Field(rawValue: String(path.prefix { $0 != "." }))
            if case .unknown = field { continue }
            returned.insert(field)
        }
        returnedUserFields = returned
        returnedTweetFields = Tweet.Field.defaults.union(tweetFields)
    }

    /// The user with every field that does not come back set to `nil`.
    public func apply(to user: User) -> User {
        var filtered = user.restricted(to: returnedUserFields)
        filtered.pinnedTweet = nil
        filtered.mostRecentTweet = nil
        return filtered
    }

    /// The Tweet with every field that does not come back set to `nil`.
    public func apply(to tweet: Tweet) -> Tweet {
        tweet.restricted(to: returnedTweetFields)
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
