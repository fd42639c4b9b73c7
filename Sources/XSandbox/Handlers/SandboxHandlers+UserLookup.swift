import Foundation
import XAPIServerRuntime
import XFollows
import XFollowsServer

extension SandboxHandlers {
    /// `GET /2/users/me`: the authenticated user.
    func getUsersMe(_ input: ServerOperations.GetUsersMe, context: SandboxCall) async throws -> ServerResponse<UserLookupResponse> {
        let presenter = presenter(userFields: input.userFields, expansions: input.expansions, tweetFields: input.postFields, for: context)
        guard let id = context.principal.userID.flatMap({ NumericID.parse($0) }), let user = directory.user(withID: id) else {
            // A token of a user the graph does not hold: X answers as for an unknown ID.
            let value = context.principal.userID ?? ""
            return ServerResponse(UserLookupResponse(errors: [
                SandboxProblems.userNotFound(parameter: OperationParameter.GetUsersByID.id.name, value: value),
            ]))
        }
        return ServerResponse(await single(.user(user, id: id), presenter))
    }

    /// `GET /2/users/{id}`.
    func getUsersById(_ input: ServerOperations.GetUsersByID, context: SandboxCall) async throws -> ServerResponse<UserLookupResponse> {
        let presenter = presenter(userFields: input.userFields, expansions: input.expansions, tweetFields: input.postFields, for: context)
        return ServerResponse(await single(found(NumericID.parse(input.id).flatMap(directory.user(withID:)),
                                                 parameter: OperationParameter.GetUsersByID.id.name, value: input.id), presenter))
    }

    /// `GET /2/users/by/username/{username}`.
    func getUsersByUsername(_ input: ServerOperations.GetUsersByUsername, context: SandboxCall) async throws -> ServerResponse<UserLookupResponse> {
        let presenter = presenter(userFields: input.userFields, expansions: input.expansions, tweetFields: input.postFields, for: context)
        return ServerResponse(await single(found(directory.user(withUsername: input.username),
                                                 parameter: OperationParameter.GetUsersByUsername.username.name,
                                                 value: input.username), presenter))
    }

    /// `GET /2/users?ids=`: the users found, in the order asked, and an error for each other ID.
    func getUsersByIds(_ input: ServerOperations.GetUsersByIDs, context: SandboxCall) async throws -> ServerResponse<UsersLookupResponse> {
        let presenter = presenter(userFields: input.userFields, expansions: input.expansions, tweetFields: input.postFields, for: context)
        return ServerResponse(await many(input.ids, parameter: OperationParameter.GetUsersByIDs.ids.name, presenter) {
            NumericID.parse($0).flatMap(directory.user(withID:))
        })
    }

    /// `GET /2/users/by?usernames=`: the users found, in the order asked, and an error for each other name.
    func getUsersByUsernames(_ input: ServerOperations.GetUsersByUsernames, context: SandboxCall) async throws -> ServerResponse<UsersLookupResponse> {
        let presenter = presenter(userFields: input.userFields, expansions: input.expansions, tweetFields: input.postFields, for: context)
        return ServerResponse(await many(input.usernames, parameter: OperationParameter.GetUsersByUsernames.usernames.name, presenter) {
            directory.user(withUsername: $0)
        })
    }

    private func single(_ lookup: UserLookup, _ presenter: UserPresenter) async -> UserLookupResponse {
        let user: User
        switch lookup {
        case .user(let found, _): user = found
        case .problem(let problem): return UserLookupResponse(errors: [problem])
        }
        let presented = await presenter.present([user])
        return UserLookupResponse(data: presented.users.first, includes: presented.includes)
    }

    private func many(
        _ keys: [String], parameter: String, _ presenter: UserPresenter, find: (String) -> User?
    ) async -> UsersLookupResponse {
        var found: [User] = []
        var errors: [Problem] = []
        var seen: Set<String> = []
        for key in keys where seen.insert(key.lowercased()).inserted {
            switch self.found(find(key), parameter: parameter, value: key) {
            case .user(let user, _): found.append(user)
            case .problem(let problem): errors.append(problem)
            }
        }
        let presented = await presenter.present(found)
        return UsersLookupResponse(
            data: presented.users.isEmpty ? nil : presented.users,
            includes: presented.includes,
            errors: errors.isEmpty ? nil : errors
        )
    }
}
