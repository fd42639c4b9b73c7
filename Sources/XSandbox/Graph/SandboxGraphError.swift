/// Why a graph cannot be built or loaded: a duplicate or malformed ID, a follow naming an
/// unknown user, credentials for a user that does not exist, malformed JSON.
///
/// ```swift
/// do {
///     _ = try SandboxGraph(contentsOf: url)
/// } catch let error as SandboxGraphError {
///     print(error)   // e.g. "users[3].id: "12a" is not a user ID (^[0-9]{1,19}$)."
/// }
/// ```
public struct SandboxGraphError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, naming the offending member.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
