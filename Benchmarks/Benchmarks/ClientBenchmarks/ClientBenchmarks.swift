// G4: decoding a page of 1,000 followers with every field and 500 pinned
// Tweets, three ways, in one run:
//
//   floor                   hand-written Codable structs, bare JSONDecoder (.iso8601)
//   XFollows                the generated models, XAPIJSON's decoder
//   swift-openapi-generator its generated types, decoded as its runtime does
//                           (a JSONDecoder whose dates go through an ISO8601DateTranscoder)
//
// plus XFollows decoding *and* resolving `pinnedTweet` from includes, which is
// what a lookup returns to the caller. The target is XFollows ≤ 1.1 × floor.
//
//     swift package --package-path Benchmarks benchmark --target ClientBenchmarks
import Benchmark
import DecodeComparison
import Foundation
import XFollows

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 3,
        maxDuration: .seconds(10),
        maxIterations: 300
    )
    let page = FollowersPage.json
    let titles: [PageDecoder: String] = [
        .floor: "G4 decode: floor (hand-written Codable)",
        .xFollows: "G4 decode: XFollows",
        .openAPIGenerator: "G4 decode: swift-openapi-generator",
        .xFollowsResolving: "G4 decode and resolve pinned Tweets: XFollows",
    ]
    for side in PageDecoder.allCases {
        do {
            try side.checkReadsWholePage(page)
        } catch {
            fatalError("\(error)")
        }
        Benchmark(titles[side]!) { benchmark in
            let decoder = side.makeDecoder()
            for _ in benchmark.scaledIterations {
                blackHole(try side.decode(page, with: decoder))
            }
        }
    }

    // Every OAuth 1.0a request is signed: the base string and HMAC-SHA1 of X's
    // "creating a signature" example.
    let baseString = OAuth1Signature.baseString(
        method: "GET",
        url: URL(string: "https://api.x.com/2/users/2244994945/followers?max_results=1000&user.fields=created_at,public_metrics")!,
        protocolParameters: [
            ("oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog"), ("oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"),
            ("oauth_signature_method", "HMAC-SHA1"), ("oauth_timestamp", "1318622958"),
            ("oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb"), ("oauth_version", "1.0"),
        ]
    )
    let signingKey = OAuth1Signature.signingKey(
        consumerSecret: "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
        tokenSecret: "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"
    )
    Benchmark("sign an OAuth 1.0a request (HMAC-SHA1)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(OAuth1Signature.signature(baseString: baseString, signingKey: signingKey))
        }
    }

    // ST1: follow events through the activity stream: lines cut from chunks of 16 KiB as a
    // socket delivers them, decoded into the generated ActivityStreamMessage, their IDs
    // remembered to skip repeats. Events per second = 10,000 / the time of one iteration.
    let events = StreamBody.events(count: 10_000)
    Benchmark("ST1 stream: 10,000 follow events through EventStream", configuration: .init(maxIterations: 50)) { benchmark in
        for _ in benchmark.scaledIterations {
            let client = AppOnlyClient(credentials: AppOnlyCredentials(bearerToken: "benchmark"),
                                       configuration: ClientConfiguration(transport: StreamBody(bytes: events)))
            var count = 0
            for try await message in try client.activityStream() {
                blackHole(message)
                count += 1
                if count == 10_000 { break }
            }
        }
    }
}
