/// A user as xfollows names them: the ID and the handle.
///
/// ```swift
/// Account(id: "1354143047324299264", username: "sandbox_alice").description   // "@sandbox_alice (1354143047324299264)"
/// ```
public struct Account: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The user's ID.
    public var id: String
    /// The handle, without `@`.
    public var username: String

    /// An account.
    public init(id: String, username: String) {
        self.id = id
        self.username = username
    }

    /// `@handle (id)`.
    public var description: String { "@\(username) (\(id))" }
}
