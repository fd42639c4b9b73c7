import XFollows

/// What a bulk run does to each account: follow or unfollow.
public enum BulkAction: String, Sendable, Hashable, Codable {
    /// `POST /2/users/:id/following`.
    case follow
    /// `DELETE /2/users/:source_user_id/following/:target_user_id`.
    case unfollow

    /// The operation, whose daily caps the ledger counts.
    public var operation: OperationDescriptor {
        switch self {
        case .follow: .usersIdFollow
        case .unfollow: .usersIdUnfollow
        }
    }

    /// "follow" / "unfollow" in a sentence: "would follow".
    public var verb: String { rawValue }
}

/// What became of one account in a bulk run.
public enum BulkOutcome: String, Sendable, Hashable, Codable {
    /// Now followed.
    case followed
    /// A follow request was sent to a protected account; it waits for their approval.
    case pending
    /// No longer followed.
    case unfollowed
    /// There is no such account (or it is suspended).
    case notFound = "not_found"
    /// The server refused this account (the detail says why); the others went on.
    case failed
    /// Sent, but its answer was lost and no lookup could tell whether it took effect (the detail
    /// says why); `--resume` looks it up before sending anything again.
    case unconfirmed

    /// Whether the action was done (a pending request counts: it was sent).
    public var isDone: Bool { self == .followed || self == .pending || self == .unfollowed }
}
