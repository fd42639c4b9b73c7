import Foundation
import HandWrittenFollows
import OpenAPIFollows
import OpenAPIRuntime
import XFollows

/// The decoders G4 compares, each reading ``FollowersPage/json`` as a user of
/// that code would.
package enum PageDecoder: String, CaseIterable, Sendable {
    /// Hand-written Codable structs and a bare `JSONDecoder` with `.iso8601` dates.
    case floor
    /// XFollows' generated models and `XAPIJSON`'s decoder.
    case xFollows = "xfollows"
    /// swift-openapi-generator's generated types, decoded as its runtime does:
    /// a `JSONDecoder` whose dates go through an `ISO8601DateTranscoder` (the
    /// fractional one, as X's timestamps carry milliseconds).
    case openAPIGenerator = "openapi-generator"
    /// XFollows' models, then `resolvingExpansions()`, as a lookup returns them.
    case xFollowsResolving = "xfollows-resolving"

    /// A decoder configured for this side, made once and reused.
    package func makeDecoder() -> JSONDecoder {
        switch self {
        case .floor:
            return HandWrittenFollows.FollowersPage.makeDecoder()
        case .xFollows, .xFollowsResolving:
            return XAPIJSON.makeDecoder()
        case .openAPIGenerator:
            let transcoder = ISO8601DateTranscoder.iso8601WithFractionalSeconds
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .custom { decoder in
                try transcoder.decode(try decoder.singleValueContainer().decode(String.self))
            }
            return decoder
        }
    }

    /// Decodes a page and returns it, so the optimizer cannot drop the work.
    package func decode(_ page: Data, with decoder: JSONDecoder) throws -> any Sendable {
        switch self {
        case .floor:
            return try decoder.decode(HandWrittenFollows.FollowersPage.self, from: page)
        case .xFollows:
            return try decoder.decode(FollowsLookupResponse.self, from: page)
        case .openAPIGenerator:
            return try decoder.decode(Components.Schemas.FollowsLookupResponse.self, from: page)
        case .xFollowsResolving:
            return try decoder.decode(FollowsLookupResponse.self, from: page).resolvingExpansions()
        }
    }

    /// A decoder that skipped part of the page would be flattered, so this
    /// checks that each side reads all 1,000 users and 500 Tweets, nested
    /// members included (and that XFollows resolves every pinned Tweet).
    package func checkReadsWholePage(_ page: Data) throws {
        let users = FollowersPage.userCount, tweets = FollowersPage.pinnedCount
        let lastTweetCount = (users - 1) * 11
        let complete: Bool
        switch try decode(page, with: makeDecoder()) {
        case let floor as HandWrittenFollows.FollowersPage:
            complete = floor.data?.count == users && floor.includes?.tweets?.count == tweets
                && floor.data?.last?.publicMetrics?.tweetCount == lastTweetCount
                && floor.includes?.tweets?.last?.geo?.coordinates?.coordinates.count == 2
        case let ours as FollowsLookupResponse:
            complete = ours.items.count == users && ours.includes?.tweets?.count == tweets
                && ours.items.last?.publicMetrics?.tweetCount == lastTweetCount
                && ours.includes?.tweets?.last?.geo?.coordinates?.coordinates.count == 2
                && (self != .xFollowsResolving || ours.items.filter { $0.pinnedTweet != nil }.count == tweets)
        case let theirs as Components.Schemas.FollowsLookupResponse:
            complete = theirs.data?.count == users && theirs.includes?.tweets?.count == tweets
                && theirs.data?.last?.publicMetrics?.tweetCount == lastTweetCount
                && theirs.includes?.tweets?.last?.geo?.coordinates?.coordinates.count == 2
        default:
            complete = false
        }
        guard complete else {
            throw PageDecoderError(decoder: self)
        }
    }
}

/// A decoder did not read the whole benchmark page.
package struct PageDecoderError: Error, CustomStringConvertible {
    /// The decoder that fell short.
    package var decoder: PageDecoder
    /// What went wrong.
    package var description: String { "\(decoder.rawValue) did not read the whole benchmark page" }
}
