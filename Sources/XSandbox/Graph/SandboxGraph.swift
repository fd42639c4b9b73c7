import XFollows

/// Everything a sandbox serves: its users and Tweets (``SandboxDirectory``), who follows whom
/// (``FollowGraph``) and the Apps whose credentials it accepts (``SandboxApp``).
///
/// Start from the deterministic ``seeded(seed:)`` graph, load one from JSON with
/// ``init(contentsOf:)``, or build a small one in code:
///
/// ```swift
/// var graph = SandboxGraph(credentials: SandboxCredentials(
///     consumerKey: "key", consumerSecret: "secret", bearerToken: "bearer",
///     accessTokens: [.init(userID: "1", accessToken: "1-token", accessTokenSecret: "token-secret")]))
/// try graph.add(User(id: "1", name: "One", username: "one"))
/// try graph.add(User(id: "2", name: "Two", username: "two", protected: true))
/// try graph.follow("2", "1")
/// try graph.validate()
/// ```
public struct SandboxGraph: Sendable {
    /// The users and Tweets.
    public private(set) var directory: SandboxDirectory
    /// Who follows whom, and the pending follow requests.
    public private(set) var follows: FollowGraph
    /// The Apps the sandbox serves, the first of them the one its authorization server issues
    /// tokens for; never empty.
    public private(set) var apps: [SandboxApp]
    /// The seed of a seeded graph; `nil` for a graph built or loaded otherwise.
    public internal(set) var seed: UInt64?

    /// The first App's keys and tokens.
    public var credentials: SandboxCredentials {
        get { apps[0].credentials }
        set { apps[0].credentials = newValue }
    }

    /// A graph without users, serving one App: `app`, or a `pay-per-use` App named "App" with
    /// `credentials`.
    public init(credentials: SandboxCredentials, app: SandboxApp? = nil) {
        self.directory = SandboxDirectory()
        self.follows = FollowGraph()
        self.apps = [app ?? SandboxApp(id: "1", name: "App", credentials: credentials)]
        self.apps[0].credentials = credentials
        self.seed = nil
    }

    /// Adds another App, with keys and tokens of its own.
    public mutating func add(_ app: SandboxApp) {
        apps.append(app)
    }

    /// The first App's plan and owner.
    public mutating func setPlan(_ plan: SandboxPlan, owner: String?) {
        apps[0].plan = plan
        apps[0].ownerID = owner
    }

    /// Adds a user. Its ID must be a canonical numeric ID and its username match X's rules;
    /// follower and following counts in `public_metrics` are ignored (the sandbox counts).
    ///
    /// - Throws: ``SandboxGraphError`` for a malformed or duplicate ID or username.
    public mutating func add(_ user: User) throws(SandboxGraphError) {
        guard let id = NumericID.parseCanonical(user.id) else {
            throw SandboxGraphError("The user ID \"\(user.id)\" is not a canonical user ID (\(SchemaPattern.userID), no leading zeros).")
        }
        guard Self.isValidUsername(user.username) else {
            throw SandboxGraphError("The username \"\(user.username)\" of user \(user.id) does not match \(SchemaPattern.username).")
        }
        var stored = user
        stored.publicMetrics?.followersCount = 0
        stored.publicMetrics?.followingCount = 0
        stored.pinnedTweet = nil
        try directory.insert(stored, id: id)
    }

    /// Adds a Tweet (for example a user's pinned Tweet).
    ///
    /// - Throws: ``SandboxGraphError`` for a malformed or duplicate ID.
    public mutating func add(_ tweet: Tweet) throws(SandboxGraphError) {
        guard let id = NumericID.parseCanonical(tweet.id, pattern: SchemaPattern.tweetID) else {
            throw SandboxGraphError("The Tweet ID \"\(tweet.id)\" is not a canonical Tweet ID (\(SchemaPattern.tweetID), no leading zeros).")
        }
        try directory.insert(tweet, id: id)
    }

    /// Makes `source` follow `target` (the newest follow of both); both must exist.
    ///
    /// - Throws: ``SandboxGraphError`` when a user is unknown or they are the same user.
    public mutating func follow(_ source: String, _ target: String) throws(SandboxGraphError) {
        let (source, target) = try pair(source, target)
        follows.follow(source, target)
    }

    /// Records a pending request of `source` to follow `target`; both must exist.
    ///
    /// - Throws: ``SandboxGraphError`` when a user is unknown or they are the same user.
    public mutating func requestFollow(_ source: String, _ target: String) throws(SandboxGraphError) {
        let (source, target) = try pair(source, target)
        follows.requestFollow(source, target)
    }

    /// Suspends a user, as X suspends an account: lookups of it answer X's error
    /// (`User has been suspended: [id].`) instead of the user, and its follows, both ways, leave
    /// every follower and following list and count (``FollowGraph/hide(_:)``). Follows made
    /// before or after stay recorded but hidden.
    ///
    /// - Throws: ``SandboxGraphError`` when the user is unknown.
    public mutating func suspend(_ user: String) throws(SandboxGraphError) {
        guard let id = NumericID.parse(user), directory.contains(id) else {
            throw SandboxGraphError("Cannot suspend the unknown user \(user).")
        }
        directory.suspend(id)
        follows.hide(id)
    }

    /// Checks what single additions cannot: every credential names an existing user, every
    /// access token starts with its user's ID and `-`, every pinned Tweet exists and belongs
    /// to its user, no token is given twice, no two Apps share a consumer key, and every App
    /// owner exists.
    ///
    /// - Throws: ``SandboxGraphError`` naming the first problem found.
    public func validate() throws(SandboxGraphError) {
        var tokens: Set<String> = []
        var keys: Set<String> = []
        for app in apps {
            guard keys.insert(app.key).inserted else {
                throw SandboxGraphError("Two Apps have the consumer key of App \(app.id).")
            }
            if let owner = app.ownerID, !(NumericID.parse(owner).map(directory.contains) ?? false) {
                throw SandboxGraphError("App \(app.id) is owned by the unknown user \(owner).")
            }
            try validate(app.credentials, tokens: &tokens)
        }
        for id in directory.storedUserIDs {
            guard let user = directory.user(withID: id), let pinned = user.pinnedTweetID else { continue }
            guard let tweet = directory.pinnedTweet(of: user) else {
                throw SandboxGraphError("User \(user.id) pins the unknown Tweet \(pinned).")
            }
            if let author = tweet.authorID, author != user.id {
                throw SandboxGraphError("User \(user.id) pins Tweet \(pinned), which user \(author) wrote.")
            }
        }
    }

    /// Checks one App's credentials: known users, X's token shape, no token given twice.
    private func validate(_ credentials: SandboxCredentials, tokens: inout Set<String>) throws(SandboxGraphError) {
        guard tokens.insert(credentials.bearerToken).inserted else {
            throw SandboxGraphError("A bearer token is given twice.")
        }
        for token in credentials.accessTokens {
            guard let id = NumericID.parse(token.userID), directory.contains(id) else {
                throw SandboxGraphError("An access token names the unknown user \(token.userID).")
            }
            guard token.accessToken.hasPrefix("\(token.userID)-") else {
                throw SandboxGraphError("The access token of user \(token.userID) must start with \"\(token.userID)-\", as X's do.")
            }
            guard tokens.insert(token.accessToken).inserted else {
                throw SandboxGraphError("The access token of user \(token.userID) is given twice.")
            }
        }
        for token in credentials.oauth2Tokens {
            guard let id = NumericID.parse(token.userID), directory.contains(id) else {
                throw SandboxGraphError("An OAuth 2.0 token names the unknown user \(token.userID).")
            }
            guard tokens.insert(token.accessToken).inserted else {
                throw SandboxGraphError("An OAuth 2.0 token of user \(token.userID) is given twice or equals another token.")
            }
        }
    }

    /// Whether a username matches the spec's `Username` pattern (``SchemaPattern/username``).
    static func isValidUsername(_ username: String) -> Bool {
        ParameterRules.matches(username, pattern: SchemaPattern.username)
    }

    private func pair(_ source: String, _ target: String) throws(SandboxGraphError) -> (UInt64, UInt64) {
        guard let sourceID = NumericID.parse(source), directory.contains(sourceID) else {
            throw SandboxGraphError("A follow names the unknown user \(source).")
        }
        guard let targetID = NumericID.parse(target), directory.contains(targetID) else {
            throw SandboxGraphError("A follow names the unknown user \(target).")
        }
        guard sourceID != targetID else {
            throw SandboxGraphError("User \(source) cannot follow themself.")
        }
        return (sourceID, targetID)
    }

    mutating func setPopulation(_ population: Population) {
        directory.population = population
    }

    mutating func withFollows(_ body: (inout FollowGraph) -> Void) {
        body(&follows)
    }
}
