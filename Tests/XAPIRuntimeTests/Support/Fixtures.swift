import Foundation
import HTTPTypes
@testable import XAPIRuntime

// Operation descriptors as the generator emits them for spec/follows.yaml.
extension OperationDescriptor {
    static let followers = OperationDescriptor(
        id: "usersIdFollowers",
        method: .get,
        path: "/2/users/{id}/followers",
        security: [.appOnly, .oauth2UserContext(scopes: ["tweet.read", "users.read", "follows.read"]), .oauth1UserContext],
        rateLimits: [RateLimitRule(scope: .app, requests: 15, windowSeconds: 900),
                     RateLimitRule(scope: .user, requests: 15, windowSeconds: 900)],
        isIdempotent: true
    )

    static let follow = OperationDescriptor(
        id: "usersIdFollow",
        method: .post,
        path: "/2/users/{id}/following",
        security: [.oauth2UserContext(scopes: ["tweet.read", "users.read", "follows.write"]), .oauth1UserContext],
        rateLimits: [RateLimitRule(scope: .user, requests: 50, windowSeconds: 900)],
        dailyCaps: [DailyCapRule(scope: .user, limit: 400), DailyCapRule(scope: .app, limit: 1000)],
        isIdempotent: true
    )

    static let unfollow = OperationDescriptor(
        id: "usersIdUnfollow",
        method: .delete,
        path: "/2/users/{source_user_id}/following/{target_user_id}",
        security: [.oauth2UserContext(scopes: ["tweet.read", "users.read", "follows.write"]), .oauth1UserContext],
        rateLimits: [RateLimitRule(scope: .user, requests: 50, windowSeconds: 900)],
        dailyCaps: [DailyCapRule(scope: .app, limit: 500)],
        isIdempotent: true
    )

    /// A made-up non-idempotent POST, to show what is never retried.
    static let createThing = OperationDescriptor(
        id: "createThing", method: .post, path: "/2/things", security: [.oauth1UserContext], isIdempotent: false
    )
}

struct PublicMetrics: Codable, Sendable, Hashable {
    var followersCount: Int
    var followingCount: Int
    enum CodingKeys: String, CodingKey {
        case followersCount = "followers_count"
        case followingCount = "following_count"
    }
}

struct User: Codable, Sendable, Hashable {
    var id: String
    var name: String
    var username: String
    var createdAt: Date?
    var publicMetrics: PublicMetrics?
    enum CodingKeys: String, CodingKey {
        case id, name, username
        case createdAt = "created_at"
        case publicMetrics = "public_metrics"
    }
}

struct PageMeta: Codable, Sendable, Hashable {
    var resultCount: Int
    var nextToken: String?
    var previousToken: String?
    enum CodingKeys: String, CodingKey {
        case resultCount = "result_count"
        case nextToken = "next_token"
        case previousToken = "previous_token"
    }
}

struct FollowsPage: Codable, Sendable, Hashable, PaginatedResponse {
    var data: [User]?
    var meta: PageMeta?
    var errors: [Problem]?
    var items: [User] { data ?? [] }
    var nextToken: String? { meta?.nextToken }
    var previousToken: String? { meta?.previousToken }
}

struct FollowResult: Codable, Sendable, Hashable {
    struct Outcome: Codable, Sendable, Hashable {
        var following: Bool
        var pendingFollow: Bool?
        enum CodingKeys: String, CodingKey {
            case following
            case pendingFollow = "pending_follow"
        }
    }
    var data: Outcome
}

struct FollowBody: Codable, Sendable {
    var targetUserID: String
    enum CodingKeys: String, CodingKey { case targetUserID = "target_user_id" }
}

enum Secrets {
    static let consumerKey = "xvz1evFS4wEEPTGEFPHBog"
    static let consumerSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw"
    static let accessToken = "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb"
    static let accessTokenSecret = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"
    static let bearer = "AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3DEUifiRBkKG5E2XzMDjRfl76ZC9Ub0wnz4XsNiRVBChTYbJcE3F"
    static let oauth2Token = "bWRjR0JfVnRnZ1NkNTZlM3otN0ZyY1h1cW1tcGxqZnhQZGp2bWtLM3hQa0E6MTcwMDAwMDAwMDAwMDox"

    static let oauth1 = OAuth1Credentials(
        consumerKey: consumerKey, consumerSecret: consumerSecret,
        accessToken: accessToken, accessTokenSecret: accessTokenSecret
    )

    /// Every secret string, for searching logs and messages.
    static let all = [consumerSecret, accessToken, accessTokenSecret, bearer, oauth2Token]
}

func userPage(ids: ClosedRange<Int>, next: String? = nil, previous: String? = nil) -> String {
    let users = ids.map { #"{"id":"\#($0)","name":"User \#($0)","username":"user\#($0)"}"# }.joined(separator: ",")
    var meta = [#""result_count":\#(ids.count)"#]
    if let next { meta.append(#""next_token":"\#(next)""#) }
    if let previous { meta.append(#""previous_token":"\#(previous)""#) }
    return #"{"data":[\#(users)],"meta":{\#(meta.joined(separator: ","))}}"#
}

func configuration(_ transport: ScriptedTransport) -> ClientConfiguration {
    ClientConfiguration(serverURL: URL(string: "https://api.x.com")!, transport: transport)
}
