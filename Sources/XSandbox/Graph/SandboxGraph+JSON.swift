import Foundation
import XFollows

extension SandboxGraph {
    /// Loads a graph from a JSON file (`x-sandbox --graph FILE`).
    ///
    /// The file is one object; users and Tweets are written exactly as X returns them (the
    /// generated `User` and `Tweet` models decode them, so one spec serves both sides):
    ///
    /// ```json
    /// {
    ///   "app": {"id": "29012345", "name": "Sandbox", "plan": "enterprise", "owner_id": "6253282"},
    ///   "credentials": {
    ///     "consumer_key": "sandboxConsumerKey",
    ///     "consumer_secret": "sandboxConsumerSecret",
    ///     "bearer_token": "AAAAAAAAAAAAAAAAAAAAAsandboxBearer",
    ///     "access_tokens": [
    ///       {"user_id": "6253282", "access_token": "6253282-sandboxAccessToken", "access_token_secret": "sandboxTokenSecret"}
    ///     ],
    ///     "oauth2_tokens": [
    ///       {"user_id": "6253282", "access_token": "sandboxOAuth2Token", "scopes": ["tweet.read", "users.read", "follows.read", "follows.write"]}
    ///     ]
    ///   },
    ///   "users": [
    ///     {"id": "6253282", "name": "X API", "username": "API", "protected": false,
    ///      "created_at": "2007-05-23T06:01:13.000Z", "pinned_tweet_id": "1346889436626259968",
    ///      "public_metrics": {"followers_count": 0, "following_count": 0, "tweet_count": 3570, "listed_count": 12}},
    ///     {"id": "2244994945", "name": "Developers", "username": "XDevelopers"},
    ///     {"id": "1319345001836576768", "name": "Lucy", "username": "locked_lucy", "protected": true},
    ///     {"id": "1189374826152837120", "name": "Free crypto", "username": "crypto_giveaway"}
    ///   ],
    ///   "tweets": [
    ///     {"id": "1346889436626259968", "text": "Learn how to use the user Tweet timeline", "author_id": "6253282",
    ///      "created_at": "2021-01-06T18:40:40.000Z", "lang": "en"}
    ///   ],
    ///   "follows": [
    ///     {"source_user_id": "6253282", "target_user_id": "2244994945"},
    ///     {"source_user_id": "1189374826152837120", "target_user_id": "2244994945"}
    ///   ],
    ///   "pending_follows": [
    ///     {"source_user_id": "6253282", "target_user_id": "1319345001836576768"}
    ///   ],
    ///   "suspended": ["1189374826152837120"]
    /// }
    /// ```
    ///
    /// - `credentials` (required): the App's keys, access tokens (each starting with its
    ///   user's ID and `-`) and OAuth 2.0 tokens with their scopes; optionally its OAuth 2.0
    ///   clients (`"oauth2_clients": [{"client_id": "…", "client_secret": "…", "name": "…"}]`,
    ///   no secret for a public client) and approved callback URLs
    ///   (`"callback_urls": ["http://127.0.0.1/callback"]`).
    /// - `app` (optional): the first App's `id` (numeric), `name`, `plan` (`pay-per-use`, the
    ///   default, or `enterprise`; follow needs `enterprise`, as on X since 2026-04-20) and
    ///   `owner_id` (the user whose own lists are Owned Reads), e.g.
    ///   `"app": {"id": "29012345", "name": "My App", "plan": "enterprise", "owner_id": "6253282"}`.
    /// - `apps` (optional): more Apps, each with those members and `credentials` of its own.
    /// - `users` (required): X user objects; `id`, `name` and `username` are required, IDs
    ///   are canonical (no leading zeros). Follower and following counts are ignored: the
    ///   sandbox counts `follows`.
    /// - `tweets` (optional): X Tweet objects, such as the users' pinned Tweets.
    /// - `follows` (optional): who follows whom, oldest first (lists show the newest first).
    /// - `pending_follows` (optional): follow requests waiting for a protected user.
    /// - `suspended` (optional): IDs of suspended users (``suspend(_:)``): lookups of them answer
    ///   X's "User has been suspended" error, and their follows are kept but left out of every
    ///   list and count.
    ///
    /// - Throws: ``SandboxGraphError`` naming the member that is wrong, or the file that
    ///   cannot be read.
    public init(contentsOf url: URL) throws(SandboxGraphError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SandboxGraphError("Cannot read the graph file \(url.path): \(error.localizedDescription)")
        }
        do {
            try self.init(jsonData: data)
        } catch {
            throw SandboxGraphError("\(url.lastPathComponent): \(error.message)")
        }
    }

    /// Decodes a graph from JSON in the format ``init(contentsOf:)`` documents.
    ///
    /// - Throws: ``SandboxGraphError`` naming the member that is wrong.
    public init(jsonData: Data) throws(SandboxGraphError) {
        let file: GraphFile
        do {
            file = try XAPIJSON.makeDecoder().decode(GraphFile.self, from: jsonData)
        } catch let error as DecodingError {
            throw SandboxGraphError(Self.describe(error))
        } catch {
            throw SandboxGraphError("The graph is not valid JSON: \(error)")
        }
        self.init(credentials: file.credentials, app: file.app.map {
            SandboxApp(id: $0.id, name: $0.name, plan: $0.plan ?? .payPerUse, ownerID: $0.ownerID, credentials: file.credentials)
        })
        for app in file.apps ?? [] { add(app) }
        for (index, user) in file.users.enumerated() {
            do { try add(user) } catch { throw SandboxGraphError("users[\(index)]: \(error.message)") }
        }
        for (index, tweet) in (file.tweets ?? []).enumerated() {
            do { try add(tweet) } catch { throw SandboxGraphError("tweets[\(index)]: \(error.message)") }
        }
        for (index, edge) in (file.follows ?? []).enumerated() {
            do { try follow(edge.source, edge.target) } catch { throw SandboxGraphError("follows[\(index)]: \(error.message)") }
        }
        for (index, edge) in (file.pendingFollows ?? []).enumerated() {
            do {
                try requestFollow(edge.source, edge.target)
            } catch {
                throw SandboxGraphError("pending_follows[\(index)]: \(error.message)")
            }
        }
        for (index, user) in (file.suspended ?? []).enumerated() {
            do { try suspend(user) } catch { throw SandboxGraphError("suspended[\(index)]: \(error.message)") }
        }
        try validate()
    }

    private struct GraphFile: Decodable {
        struct Edge: Decodable {
            var source: String
            var target: String

            enum CodingKeys: String, CodingKey {
                case source = "source_user_id"
                case target = "target_user_id"
            }
        }

        struct AppDescription: Decodable {
            var id: String
            var name: String
            var plan: SandboxPlan?
            var ownerID: String?

            enum CodingKeys: String, CodingKey {
                case id, name, plan
                case ownerID = "owner_id"
            }
        }

        var credentials: SandboxCredentials
        var app: AppDescription?
        var apps: [SandboxApp]?
        var users: [User]
        var tweets: [Tweet]?
        var follows: [Edge]?
        var pendingFollows: [Edge]?
        var suspended: [String]?

        enum CodingKeys: String, CodingKey {
            case credentials, app, apps, users, tweets, follows, suspended
            case pendingFollows = "pending_follows"
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "the document" : text)
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): the required member is missing."
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(type)."
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(type), found null."
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "The graph does not decode: \(error)"
        }
    }
}
