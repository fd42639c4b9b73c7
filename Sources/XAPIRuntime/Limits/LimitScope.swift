/// Whom a limit counts: each authenticated user, or the App across all its users.
public enum LimitScope: String, Sendable, Hashable, CaseIterable, Codable {
    /// Per authenticated user.
    case user
    /// Per App, shared by all its users.
    case app
}
