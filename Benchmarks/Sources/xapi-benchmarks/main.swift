// Speed targets live here, never in timed tests. Each benchmark names what a
// user waits for: a build regenerating the client, a page of 1,000 users
// decoded and resolved, a request signed.
import Benchmark
import Foundation
import XAPIGenerator
import XFollows

let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let spec = root.appendingPathComponent("spec/follows.yaml").path
let specText = try String(contentsOfFile: spec, encoding: .utf8)

/// A page of 1,000 users with every field, half of them with a pinned Tweet in includes.
let page: Data = {
    let users = (0..<1000).map { index in
        User(
            id: String(1_000_000 + index),
            name: "User \(index)",
            username: "user_\(index)",
            createdAt: Date(timeIntervalSince1970: 1_386_995_755 + Double(index)),
            description: "Bio of user \(index) #swift @XDevelopers",
            location: "127.0.0.1",
            pinnedTweetID: index.isMultiple(of: 2) ? String(9_000_000 + index) : nil,
            profileImageURL: URL(string: "https://pbs.twimg.com/profile_images/\(index)/a_normal.jpg"),
            protected: false,
            publicMetrics: UserPublicMetrics(followersCount: index, followingCount: 10, tweetCount: 100, listedCount: 1),
            url: "https://t.co/abc",
            verified: index.isMultiple(of: 3),
            verifiedType: .blue
        )
    }
    let tweets = (0..<500).map { index in
        Tweet(id: String(9_000_000 + index * 2), text: "Pinned tweet \(index)", createdAt: Date(timeIntervalSince1970: 1_600_000_000), lang: "en")
    }
    let response = FollowsLookupResponse(
        data: users,
        includes: Includes(tweets: tweets),
        meta: PaginationMeta(resultCount: 1000, nextToken: "7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i")
    )
    return try! XAPIJSON.makeEncoder().encode(response)
}()

let decoder = XAPIJSON.makeDecoder()

benchmark("generate spec/follows.yaml (load, check, model, render)") {
    let result = try Generator().generate(yaml: specText, file: "follows.yaml")
    precondition(result.files.count == 4)
}

benchmark("decode and resolve a page of 1,000 users (\(page.count / 1024) KiB)") {
    let response = try decoder.decode(FollowsLookupResponse.self, from: page).resolvingExpansions()
    precondition(response.items.count == 1000)
}

let baseString = OAuth1Signature.baseString(
    method: "GET",
    url: URL(string: "https://api.x.com/2/users/2244994945/followers?max_results=1000&user.fields=created_at,public_metrics")!,
    protocolParameters: [
        ("oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog"), ("oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"),
        ("oauth_signature_method", "HMAC-SHA1"), ("oauth_timestamp", "1318622958"),
        ("oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb"), ("oauth_version", "1.0"),
    ]
)
let signingKey = OAuth1Signature.signingKey(consumerSecret: "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", tokenSecret: "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE")

benchmark("sign an OAuth 1.0a request (HMAC-SHA1)") {
    precondition(!OAuth1Signature.signature(baseString: baseString, signingKey: signingKey).isEmpty)
}

Benchmark.main()
