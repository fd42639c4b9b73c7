import Foundation
import XAPIServerRuntime
import XFollows
import XFollowsServer

extension SandboxHandlers {
    /// `POST /2/users/{id}/following`: follows the target, or asks a protected one to approve.
    func usersIdFollow(_ input: ServerOperations.UsersIDFollow, context: SandboxCall) async throws -> ServerResponse<FollowResponse> {
        let parameters = OperationParameter.UsersIDFollow.self
        let source = try Self.requireActingUser(context.principal, parameter: parameters.id.name, value: input.id)
        let targetText = input.body.targetUserID
        let (targetUser, target): (User, UInt64)
        switch found(NumericID.parse(targetText).flatMap(directory.user(withID:)), parameter: parameters.targetUserID.name, value: targetText) {
        case .user(let user, let id): (targetUser, target) = (user, id)
        case .problem(let problem): return ServerResponse(FollowResponse(errors: [problem]))
        }
        guard target != source else {
            throw InvalidRequestError(errors: [InvalidParameter(parameter: parameters.targetUserID.name, value: targetText,
                                                                message: "You cannot follow yourself.")])
        }
        let result = await store.follow(source, target, targetIsProtected: targetUser.protected == true,
                                        operation: .usersIdFollow, principal: context.principal, at: context.now)
        switch result {
        case .done(let outcome, let after, let changed):
            if changed, outcome == .following {
                await activity.publish(.follow, source: source, target: target, at: context.now)
            }
            return ServerResponse(FollowResponse(data: outcome), headerFields: Self.dailyHeaders(after))
        case .capped(let before):
            throw ProblemResponse(status: .tooManyRequests, problem: SandboxProblems.tooManyRequests,
                                  headerFields: Self.dailyHeaders(before))
        }
    }

    /// `DELETE /2/users/{source_user_id}/following/{target_user_id}`.
    func usersIdUnfollow(_ input: ServerOperations.UsersIDUnfollow, context: SandboxCall) async throws -> ServerResponse<UnfollowResponse> {
        let parameters = OperationParameter.UsersIDUnfollow.self
        let source = try Self.requireActingUser(context.principal, parameter: parameters.sourceUserID.name, value: input.sourceUserID)
        guard let target = NumericID.parse(input.targetUserID), directory.contains(target) else {
            return ServerResponse(UnfollowResponse(errors: [
                SandboxProblems.userNotFound(parameter: parameters.targetUserID.name, value: input.targetUserID),
            ]))
        }
        let result = await store.unfollow(source, target, operation: .usersIdUnfollow, principal: context.principal, at: context.now)
        switch result {
        case .done(let following, let after, let changed):
            if changed {
                await activity.publish(.unfollow, source: source, target: target, at: context.now)
            }
            return ServerResponse(UnfollowResponse(data: UnfollowResult(following: following)), headerFields: Self.dailyHeaders(after))
        case .capped(let before):
            throw ProblemResponse(status: .tooManyRequests, problem: SandboxProblems.tooManyRequests,
                                  headerFields: Self.dailyHeaders(before))
        }
    }
}
