import Foundation
import XAPIServerRuntime
import XFollows
import XFollowsServer

extension SandboxHandlers {
    /// `POST /2/users/{id}/following`: follows the target, or asks a protected one to approve.
    func usersIdFollow(_ input: ServerOperations.UsersIDFollow, context: SandboxCall) async throws -> ServerResponse<FollowResponse> {
        try Self.requireActingUser(context.principal, parameter: "id", value: input.id)
        let targetText = input.body.targetUserID
        guard let source = NumericID.parse(input.id), let target = NumericID.parse(targetText) else {
            throw InvalidRequestError(errors: [InvalidParameter(parameter: "target_user_id", value: targetText,
                                                                message: "The `target_user_id` value [\(targetText)] is not valid")])
        }
        let targetUser: User
        switch found(directory.user(withID: target), parameter: "target_user_id", value: targetText) {
        case .user(let user): targetUser = user
        case .problem(let problem): return ServerResponse(FollowResponse(errors: [problem]))
        }
        guard target != source else {
            throw InvalidRequestError(errors: [InvalidParameter(parameter: "target_user_id", value: targetText,
                                                                message: "You cannot follow yourself.")])
        }
        let result = await store.follow(source, target, targetIsProtected: targetUser.protected == true,
                                        operation: .usersIdFollow, principal: context.principal, at: context.now)
        switch result {
        case .done(let outcome, let after):
            return ServerResponse(FollowResponse(data: outcome), headerFields: Self.dailyHeaders(after))
        case .capped(let before):
            throw ProblemResponse(status: .tooManyRequests, problem: SandboxProblems.tooManyRequests,
                                  headerFields: Self.dailyHeaders(before))
        }
    }

    /// `DELETE /2/users/{source_user_id}/following/{target_user_id}`.
    func usersIdUnfollow(_ input: ServerOperations.UsersIDUnfollow, context: SandboxCall) async throws -> ServerResponse<UnfollowResponse> {
        try Self.requireActingUser(context.principal, parameter: "source_user_id", value: input.sourceUserID)
        guard let source = NumericID.parse(input.sourceUserID), let target = NumericID.parse(input.targetUserID) else {
            throw InvalidRequestError(errors: [InvalidParameter(parameter: "target_user_id", value: input.targetUserID,
                                                                message: "The `target_user_id` value [\(input.targetUserID)] is not valid")])
        }
        guard directory.contains(target) else {
            return ServerResponse(UnfollowResponse(errors: [SandboxProblems.userNotFound(parameter: "target_user_id", value: input.targetUserID)]))
        }
        let result = await store.unfollow(source, target, operation: .usersIdUnfollow, principal: context.principal, at: context.now)
        switch result {
        case .done(let following, let after):
            return ServerResponse(UnfollowResponse(data: UnfollowResult(following: following)), headerFields: Self.dailyHeaders(after))
        case .capped(let before):
            throw ProblemResponse(status: .tooManyRequests, problem: SandboxProblems.tooManyRequests,
                                  headerFields: Self.dailyHeaders(before))
        }
    }
}
