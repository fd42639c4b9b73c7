import Foundation
import HTTPTypes
import XAPIServerRuntime
import XFollows
import XFollowsServer

/// What each operation of the sandbox is called with besides its input: who sent the request
/// (already authenticated and allowed by ``SandboxAPI``) and when it arrived.
struct SandboxCall: Sendable {
    var principal: SandboxPrincipal
    var now: Date
    /// The App the credentials belong to.
    var app: SandboxApp?
}

/// The sandbox's behaviour behind the generated server side: the graph, the acting-user rule
/// and the daily caps. Routing, decoding and the spec's parameter rules are the generated
/// `APIHandler` dispatch's; each function here receives a checked input.
struct SandboxHandlers: APIHandler {
    typealias Context = SandboxCall

    let directory: SandboxDirectory
    let tokens: PageTokenCodec
    let store: SandboxStore
    /// Subscriptions, webhooks and the events follows and unfollows become.
    let activity: SandboxActivity

    /// The presenter for a request's field and expansion selection.
    func presenter(userFields: Set<User.Field>, expansions: Set<User.Expansion>, tweetFields: Set<Tweet.Field>,
                   for call: SandboxCall) -> UserPresenter {
        UserPresenter(
            directory: directory,
            store: store,
            selection: FieldSelection(userFields: userFields, expansions: expansions, tweetFields: tweetFields),
            principal: call.principal
        )
    }

    /// What a lookup of one user comes to.
    enum UserLookup {
        /// The user, to answer with, and its ID as a number.
        case user(User, id: UInt64)
        /// X's partial error instead: not found, or suspended.
        case problem(Problem)
    }

    /// The user a lookup found, or X's partial error for it: it does not exist, or it is
    /// suspended (X answers with the error instead of the user).
    func found(_ user: User?, parameter: String, value: String) -> UserLookup {
        guard let user, let id = NumericID.parse(user.id) else {
            return .problem(SandboxProblems.userNotFound(parameter: parameter, value: value))
        }
        if directory.isSuspended(id) {
            return .problem(SandboxProblems.userSuspended(parameter: parameter, value: value))
        }
        return .user(user, id: id)
    }

    /// The authenticated user's ID, when `value` is it; 403 otherwise: X lets a user act only
    /// for themself.
    static func requireActingUser(_ principal: SandboxPrincipal, parameter: String, value: String) throws(ProblemResponse) -> UInt64 {
        guard let authenticated = principal.userID.flatMap({ NumericID.parse($0) }), authenticated == NumericID.parse(value) else {
            throw ProblemResponse(status: .forbidden, problem: SandboxProblems.forbidden(
                "The `\(parameter)` path parameter [\(value)] must be the authenticated user's ID"
                    + (principal.userID.map { " [\($0)]" } ?? "") + "; you cannot act on behalf of another user."))
        }
        return authenticated
    }

    /// The 24-hour cap headers of a write, as X sends them.
    static func dailyHeaders(_ statuses: SandboxStore.DailyStatuses) -> HTTPFields {
        (statuses.user?.headerFields(.userDailyCap) ?? [:]) + (statuses.app?.headerFields(.appDailyCap) ?? [:])
    }
}
