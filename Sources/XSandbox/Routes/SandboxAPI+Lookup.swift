import Foundation
import XFollows

extension SandboxAPI {
    /// `GET /2/users/{id}/followers` and `GET /2/users/{id}/following`.
    func lookup(
        _ list: PageToken.List, id: String, items: [OperationRequest.QueryItem], principal: SandboxPrincipal
    ) async -> SandboxHTTPResponse {
        var errors: [SandboxProblems.InvalidParameter] = []
        let owner = NumericID.parse(id)
        if owner == nil { errors.append(Self.idError("id", id)) }
        let (query, queryErrors) = LookupQuery.parse(items)
        errors += queryErrors
        var position = PageToken.Position.startingAt(0)
        if let text = query.paginationToken, let owner {
            if let token = try? tokens.decode(text), token.list == list, token.ownerID == owner {
                position = token.position
            } else {
                errors.append(.init(parameter: "pagination_token", value: text,
                                    message: "The `pagination_token` query parameter value [\(text)] is not valid"))
            }
        }
        guard errors.isEmpty, let owner else {
            return .problem(SandboxProblems.invalidRequest(errors), status: 400)
        }
        guard directory.contains(owner) else {
            return .json(FollowsLookupResponse(errors: [SandboxProblems.userNotFound(parameter: "id", value: id)]))
        }

        let page = await store.page(list, of: owner, position: position, size: query.maxResults)
        let selection = query.selection
        let expandsPinnedTweets = selection.expansions.contains(.pinnedTweetID)
        var users: [User] = []
        users.reserveCapacity(page.ids.count)
        var tweets: [Tweet] = []
        var includedTweets: Set<String> = []
        for id in page.ids {
            guard var user = directory.user(withID: id) else { continue }
            let counts = page.counts[id] ?? (0, 0)
            user.publicMetrics = UserPublicMetrics(
                followersCount: counts.followers,
                followingCount: counts.following,
                tweetCount: user.publicMetrics?.tweetCount ?? 0,
                listedCount: user.publicMetrics?.listedCount
            )
            if expandsPinnedTweets, let tweet = directory.pinnedTweet(of: user), includedTweets.insert(tweet.id).inserted {
                tweets.append(selection.apply(to: FieldSelection.visible(tweet, to: principal)))
            }
            users.append(selection.apply(to: user))
        }
        let meta = PaginationMeta(
            resultCount: users.count,
            nextToken: page.range.upperBound < page.total
                ? tokens.encode(PageToken(list: list, ownerID: owner, position: .startingAt(page.range.upperBound))) : nil,
            previousToken: page.range.lowerBound > 0
                ? tokens.encode(PageToken(list: list, ownerID: owner, position: .endingBefore(page.range.lowerBound))) : nil
        )
        return .json(FollowsLookupResponse(
            data: users.isEmpty ? nil : users,
            includes: tweets.isEmpty ? nil : Includes(tweets: tweets),
            meta: meta
        ))
    }
}
