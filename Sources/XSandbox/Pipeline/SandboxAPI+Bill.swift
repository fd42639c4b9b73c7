import Foundation
import XAPIServerRuntime
import XFollows

/// The sandbox's own pages, under `/_sandbox/` (X has no such paths): what each App was
/// billed, and adding credits to an App, for developers and tests.
///
/// | Request | Answers |
/// | --- | --- |
/// | `GET /_sandbox/bill` | ``SandboxBill`` as JSON: each App's plan, credits, spending today and every charge |
/// | `POST /_sandbox/credits` with `{"app": "29012345", "amount": "5.00"}` | adds credits to the App; answers the bill |
/// | `POST /_sandbox/follows` with `{"source_user_id": "…", "target_user_id": "…", "action": "follow"}` | makes one user follow (or, with `"unfollow"`, unfollow) another, with no credentials, limits or charge, as if it happened on X; answers the activity events it made |
extension SandboxAPI {
    /// The prefix of the sandbox's own paths.
    static let ownPrefix = "/_sandbox/"

    /// Answers a request to one of the sandbox's own paths.
    func respondToOwnPage(_ request: Request, at now: Date) async -> SandboxHTTPResponse {
        if let answer = await respondToStatePage(request, at: now) { return answer }
        switch (request.method, request.path) {
        case ("GET", "/_sandbox/bill"), ("HEAD", "/_sandbox/bill"):
            return .json(await store.bill(of: authenticator.orderedApps, at: now))
        case ("POST", "/_sandbox/credits"):
            struct Credits: Decodable { var app: String; var amount: USD }
            guard let credits = try? XAPIJSON.makeDecoder().decode(Credits.self, from: request.body) else {
                return .problem(.invalidRequest([InvalidParameter(
                    parameter: nil, value: nil,
                    message: "The body must be {\"app\": \"<App ID>\", \"amount\": \"<dollars, e.g. 5.00>\"}")]), status: 400)
            }
            guard let app = authenticator.orderedApps.first(where: { $0.id == credits.app }) else {
                return .problem(.invalidRequest([InvalidParameter(
                    parameter: "app", value: credits.app,
                    message: "No App has the ID [\(credits.app)]; the bill (GET /_sandbox/bill) lists them")]), status: 400)
            }
            await store.addCredits(credits.amount, to: app.key)
            return .json(await store.bill(of: authenticator.orderedApps, at: now))
        case ("POST", "/_sandbox/follows"):
            return await scriptedFollow(request, at: now)
        case (_, "/_sandbox/bill"), (_, "/_sandbox/credits"), (_, "/_sandbox/follows"):
            var response = SandboxHTTPResponse.problem(SandboxProblems.methodNotAllowed(request.method, path: request.path), status: 405)
            response.headers.append(("allow", request.path == "/_sandbox/bill" ? "GET, HEAD" : "POST"))
            return response
        default:
            return .problem(SandboxProblems.notFound(request.path), status: 404)
        }
    }
}

extension SandboxAPI {
    /// A follow or unfollow made on the sandbox's own say-so (another person acting on X, for
    /// a test): the graph changes and the activity events follow, as for one made through the
    /// API.
    struct ScriptedFollow: Decodable {
        var sourceUserID: String
        var targetUserID: String
        var action: String

        enum CodingKeys: String, CodingKey {
            case sourceUserID = "source_user_id"
            case targetUserID = "target_user_id"
            case action
        }
    }

    /// The events a scripted follow made.
    struct ScriptedFollowResult: Encodable {
        var changed: Bool
        var events: [ActivityStreamMessage]
    }

    func scriptedFollow(_ request: Request, at now: Date) async -> SandboxHTTPResponse {
        guard let scripted = try? XAPIJSON.makeDecoder().decode(ScriptedFollow.self, from: request.body),
              ["follow", "unfollow"].contains(scripted.action)
        else {
            return .problem(.invalidRequest([InvalidParameter(
                parameter: nil, value: nil,
                message: "The body must be {\"source_user_id\": \"<ID>\", \"target_user_id\": \"<ID>\", \"action\": \"follow\" or \"unfollow\"}")]),
                status: 400)
        }
        var problems: [InvalidParameter] = []
        for (name, value) in [("source_user_id", scripted.sourceUserID), ("target_user_id", scripted.targetUserID)]
        where NumericID.parse(value).map(handlers.directory.contains) != true {
            problems.append(InvalidParameter(parameter: name, value: value, message: "Could not find user with \(name): [\(value)]."))
        }
        guard problems.isEmpty, let source = NumericID.parse(scripted.sourceUserID), let target = NumericID.parse(scripted.targetUserID),
              source != target
        else {
            return .problem(.invalidRequest(problems.isEmpty
                ? [InvalidParameter(parameter: "target_user_id", value: scripted.targetUserID, message: "A user cannot follow themself.")]
                : problems), status: 400)
        }
        let follow = scripted.action == "follow"
        let changed = await store.setFollowing(source, target, follow)
        let events = changed ? await handlers.activity.publish(follow ? .follow : .unfollow, source: source, target: target, at: now) : []
        return .json(ScriptedFollowResult(changed: changed, events: events))
    }
}
