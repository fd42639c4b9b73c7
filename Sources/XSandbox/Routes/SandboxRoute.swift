import XFollows

/// The endpoints the sandbox serves, matched from a method and a path.
enum SandboxRoute: Sendable, Hashable {
    /// `GET /2/users/{id}/followers`
    case followers(id: String)
    /// `GET /2/users/{id}/following`
    case following(id: String)
    /// `POST /2/users/{id}/following`
    case follow(id: String)
    /// `DELETE /2/users/{source_user_id}/following/{target_user_id}`
    case unfollow(sourceUserID: String, targetUserID: String)

    /// Why a request matches no route.
    enum Mismatch: Error, Sendable {
        /// No endpoint has this path.
        case unknownPath
        /// The path exists, with other methods.
        case methodNotAllowed(allowed: [String])
    }

    var operation: OperationDescriptor {
        switch self {
        case .followers: .usersIdFollowers
        case .following: .usersIdFollowing
        case .follow: .usersIdFollow
        case .unfollow: .usersIdUnfollow
        }
    }

    /// Matches a percent-encoded path; path parameters come back decoded.
    static func match(method: String, path: String) -> Result<SandboxRoute, Mismatch> {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.first == "" { segments.removeFirst() }
        if segments.count > 1, segments.last == "" { segments.removeLast() }
        let decoded = segments.map { OAuth1Signature.percentDecode($0) ?? $0 }
        guard decoded.count >= 4, decoded[0] == "2", decoded[1] == "users" else { return .failure(.unknownPath) }
        let id = decoded[2]
        switch (decoded.count, decoded[3]) {
        case (4, "followers"):
            return method == "GET" ? .success(.followers(id: id)) : .failure(.methodNotAllowed(allowed: ["GET"]))
        case (4, "following"):
            switch method {
            case "GET": return .success(.following(id: id))
            case "POST": return .success(.follow(id: id))
            default: return .failure(.methodNotAllowed(allowed: ["GET", "POST"]))
            }
        case (5, "following"):
            return method == "DELETE"
                ? .success(.unfollow(sourceUserID: id, targetUserID: decoded[4]))
                : .failure(.methodNotAllowed(allowed: ["DELETE"]))
        default:
            return .failure(.unknownPath)
        }
    }
}
