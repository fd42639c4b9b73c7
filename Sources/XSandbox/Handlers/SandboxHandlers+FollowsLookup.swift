import Foundation
import XAPIServerRuntime
import XFollows
import XFollowsServer

extension SandboxHandlers {
    /// `GET /2/users/{id}/followers`.
    func usersIdFollowers(_ input: ServerOperations.UsersIDFollowers, context: SandboxCall) async throws -> ServerResponse<FollowsLookupResponse> {
        try await page(.followers, of: input.id, size: input.maxResults, token: input.paginationToken,
                       presenter: presenter(userFields: input.userFields, expansions: input.expansions,
                                            tweetFields: input.postFields, for: context))
    }

    /// `GET /2/users/{id}/following`.
    func usersIdFollowing(_ input: ServerOperations.UsersIDFollowing, context: SandboxCall) async throws -> ServerResponse<FollowsLookupResponse> {
        try await page(.following, of: input.id, size: input.maxResults, token: input.paginationToken,
                       presenter: presenter(userFields: input.userFields, expansions: input.expansions,
                                            tweetFields: input.postFields, for: context))
    }

    /// One page of a user's followers or followings, with opaque tokens to its neighbours; an
    /// unknown user answers 200 with only X's not-found error.
    private func page(
        _ list: PageToken.List, of id: String, size: Int, token: String?, presenter: UserPresenter
    ) async throws -> ServerResponse<FollowsLookupResponse> {
        guard let owner = NumericID.parse(id) else {
            throw InvalidRequestError(errors: [InvalidParameter(parameter: "id", value: id,
                                                                message: "The `id` query parameter value [\(id)] is not valid")])
        }
        var position = PageToken.Position.startingAt(0)
        if let token {
            guard let decoded = try? tokens.decode(token), decoded.list == list, decoded.ownerID == owner else {
                throw InvalidRequestError(errors: [InvalidParameter(
                    parameter: "pagination_token", value: token,
                    message: "The `pagination_token` query parameter value [\(token)] is not valid")])
            }
            position = decoded.position
        }
        if case .problem(let problem) = found(directory.user(withID: owner), parameter: "id", value: id) {
            return ServerResponse(FollowsLookupResponse(errors: [problem]))
        }
        let page = await store.page(list, of: owner, position: position, size: size)
        let presented = await presenter.present(page.ids.compactMap(directory.user(withID:)), counts: page.counts)
        let meta = PaginationMeta(
            resultCount: presented.users.count,
            nextToken: page.range.upperBound < page.total
                ? tokens.encode(PageToken(list: list, ownerID: owner, position: .startingAt(page.range.upperBound))) : nil,
            previousToken: page.range.lowerBound > 0
                ? tokens.encode(PageToken(list: list, ownerID: owner, position: .endingBefore(page.range.lowerBound))) : nil
        )
        return ServerResponse(FollowsLookupResponse(
            data: presented.users.isEmpty ? nil : presented.users,
            includes: presented.includes,
            meta: meta
        ))
    }
}
