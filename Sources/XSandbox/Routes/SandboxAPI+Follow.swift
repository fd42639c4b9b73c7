import Foundation
import XFollows

extension SandboxAPI {
    /// `POST /2/users/{id}/following` with `{"target_user_id": "..."}`.
    func follow(
        as id: String, body: Data, items: [OperationRequest.QueryItem], principal: SandboxPrincipal, at now: Date
    ) async -> SandboxHTTPResponse {
        var errors = Self.unexpectedQueryErrors(items, allowed: [])
        let source = NumericID.parse(id)
        if source == nil { errors.append(Self.idError("id", id)) }
        var targetText: String?
        switch Self.decodeFollowRequest(body) {
        case .success(let request):
            targetText = request.targetUserID
            if NumericID.parse(request.targetUserID) == nil {
                errors.append(.init(parameter: "target_user_id", value: request.targetUserID,
                                    message: "$.target_user_id: does not match the regex pattern \(NumericID.pattern)"))
            }
        case .failure(let error):
            errors.append(error)
        }
        guard errors.isEmpty, let source, let targetText, let target = NumericID.parse(targetText) else {
            return .problem(SandboxProblems.invalidRequest(errors), status: 400)
        }
        if let refusal = Self.actingUserRefusal(principal, parameter: "id", value: id, id: source) {
            return .problem(refusal, status: 403)
        }
        guard let targetUser = directory.user(withID: target) else {
            return .json(FollowResponse(errors: [SandboxProblems.userNotFound(parameter: "target_user_id", value: targetText)]))
        }
        guard target != source else {
            return .problem(SandboxProblems.invalidRequest([.init(
                parameter: "target_user_id", value: targetText, message: "You cannot follow yourself.")]), status: 400)
        }

        let result = await store.follow(source, target, targetIsProtected: targetUser.protected == true,
                                        operation: .usersIdFollow, principal: principal, at: now)
        var response: SandboxHTTPResponse
        let statuses: SandboxStore.DailyStatuses
        switch result {
        case .done(let outcome, let after):
            response = .json(FollowResponse(data: outcome))
            statuses = after
        case .capped(let before):
            response = .problem(SandboxProblems.tooManyRequests, status: 429)
            statuses = before
        }
        response.add(statuses.user, prefix: "x-user-limit-24hour")
        response.add(statuses.app, prefix: "x-app-limit-24hour")
        return response
    }

    /// The body decoded with the generated model, or the invalid-request entry X would give.
    static func decodeFollowRequest(_ body: Data) -> Result<FollowRequest, SandboxProblems.InvalidParameter> {
        guard (try? JSONSerialization.jsonObject(with: body)) is [String: Any] else {
            return .failure(.init(parameter: nil, value: nil,
                                  message: "The request body must be a JSON object such as {\"target_user_id\": \"2244994945\"}"))
        }
        do {
            return .success(try XAPIJSON.makeDecoder().decode(FollowRequest.self, from: body))
        } catch DecodingError.keyNotFound(let key, _) {
            return .failure(.init(parameter: nil, value: nil, message: "$.\(key.stringValue): is missing but it is required"))
        } catch DecodingError.valueNotFound(_, let context), DecodingError.typeMismatch(_, let context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return .failure(.init(parameter: nil, value: nil, message: "$.\(path): expected a string"))
        } catch {
            return .failure(.init(parameter: nil, value: nil, message: "The request body is not a valid follow request"))
        }
    }
}
