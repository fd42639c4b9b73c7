import Foundation
import XFollows

extension SandboxAPI {
    /// `DELETE /2/users/{source_user_id}/following/{target_user_id}`.
    func unfollow(
        _ targetText: String, as sourceText: String, items: [OperationRequest.QueryItem],
        principal: SandboxPrincipal, at now: Date
    ) async -> SandboxHTTPResponse {
        var errors = Self.unexpectedQueryErrors(items, allowed: [])
        let source = NumericID.parse(sourceText)
        let target = NumericID.parse(targetText)
        if source == nil { errors.append(Self.idError("source_user_id", sourceText)) }
        if target == nil { errors.append(Self.idError("target_user_id", targetText)) }
        guard errors.isEmpty, let source, let target else {
            return .problem(SandboxProblems.invalidRequest(errors), status: 400)
        }
        if let refusal = Self.actingUserRefusal(principal, parameter: "source_user_id", value: sourceText, id: source) {
            return .problem(refusal, status: 403)
        }
        guard directory.contains(target) else {
            return .json(UnfollowResponse(errors: [SandboxProblems.userNotFound(parameter: "target_user_id", value: targetText)]))
        }

        let result = await store.unfollow(source, target, operation: .usersIdUnfollow, principal: principal, at: now)
        var response: SandboxHTTPResponse
        let statuses: SandboxStore.DailyStatuses
        switch result {
        case .done(let following, let after):
            response = .json(UnfollowResponse(data: UnfollowResult(following: following)))
            statuses = after
        case .capped(let before):
            response = .problem(SandboxProblems.tooManyRequests, status: 429)
            statuses = before
        }
        response.add(statuses.user, prefix: "x-user-limit-24hour")
        response.add(statuses.app, prefix: "x-app-limit-24hour")
        return response
    }
}
