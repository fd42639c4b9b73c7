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
        let parameters = list.parameters
        let owner = NumericID.parse(id)
        var position = PageToken.Position.startingAt(0)
        if let token {
            guard let decoded = try? tokens.decode(token), decoded.list == list, decoded.ownerID == owner else {
                throw InvalidRequestError(errors: [InvalidParameter(
                    parameter: parameters.token.name, value: token,
                    message: "The `\(parameters.token.name)` query parameter value [\(token)] is not valid")])
            }
            position = decoded.position
        }
        let ownerID: UInt64
        switch found(owner.flatMap(directory.user(withID:)), parameter: parameters.owner.name, value: id) {
        case .user(_, let number): ownerID = number
        case .problem(let problem): return ServerResponse(FollowsLookupResponse(errors: [problem]))
        }
        let page = await store.page(list, of: ownerID, position: position, size: size)
        let presented = await presenter.present(page.ids.compactMap(directory.user(withID:)), counts: page.counts)
        let meta = PaginationMeta(
            resultCount: presented.users.count,
            nextToken: page.range.upperBound < page.total
                ? tokens.encode(PageToken(list: list, ownerID: ownerID, position: .startingAt(page.range.upperBound))) : nil,
            previousToken: page.range.lowerBound > 0
                ? tokens.encode(PageToken(list: list, ownerID: ownerID, position: .endingBefore(page.range.lowerBound))) : nil
        )
        return ServerResponse(FollowsLookupResponse(
            data: presented.users.isEmpty ? nil : presented.users,
            includes: presented.includes,
            meta: meta
        ))
    }
}

extension PageToken.List {
    /// The parameters of the list's operation that a page names: the owner's ID and the page token.
    var parameters: (owner: OperationParameter, token: OperationParameter) {
        switch self {
        case .followers: (OperationParameter.UsersIDFollowers.id, OperationParameter.UsersIDFollowers.paginationToken)
        case .following: (OperationParameter.UsersIDFollowing.id, OperationParameter.UsersIDFollowing.paginationToken)
        }
    }
}
