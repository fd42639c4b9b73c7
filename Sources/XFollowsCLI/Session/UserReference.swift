import XFollows

/// A user named on the command line: `@handle`, `handle`, or a numeric ID.
///
/// A name of digits alone is an ID; write `@` before a handle made of digits.
///
/// ```swift
/// try UserReference(parsing: "@XDevelopers")   // .username("XDevelopers")
/// try UserReference(parsing: "2244994945")     // .id("2244994945")
/// ```
public enum UserReference: Sendable, Hashable, CustomStringConvertible {
    /// A numeric user ID.
    case id(String)
    /// A handle, without `@`.
    case username(String)

    /// Parses `@handle`, `handle` or an ID.
    ///
    /// - Throws: ``CLIFailure`` (usage) when it is neither (X's handles are 1–15 letters,
    ///   digits and underscores; IDs are 1–19 digits).
    public init(parsing text: String, what: String = "user") throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.hasPrefix("@"), !trimmed.isEmpty, trimmed.count <= 19, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) {
            self = .id(trimmed)
            return
        }
        let handle = trimmed.hasPrefix("@") ? String(trimmed.dropFirst()) : trimmed
        guard Self.isHandle(handle) else {
            throw CLIFailure.usage("\"\(text)\" is not a \(what): give @handle (1–15 letters, digits or _) or a numeric ID.")
        }
        self = .username(handle)
    }

    /// Whether `text` is an X handle: 1 to 15 ASCII letters, digits or underscores.
    static func isHandle(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 15 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// Whether it names `account` (handles compare without regard to case, as X's do).
    public func matches(_ account: Account) -> Bool {
        switch self {
        case .id(let id): id == account.id
        case .username(let name): name.lowercased() == account.username.lowercased()
        }
    }

    /// `@handle` or the ID.
    public var description: String {
        switch self {
        case .id(let id): id
        case .username(let name): "@\(name)"
        }
    }

    /// Looks the user up, with `fields`.
    ///
    /// - Throws: ``CLIFailure`` when there is no such user (X's not-found error is named);
    ///   the client's errors otherwise.
    func lookUp<Context>(with client: XAPIClient<Context>, fields: Set<User.Field>, server: ServerTarget) async throws -> User {
        let response = switch self {
        case .id(let id): try await client.user(id: id, userFields: fields)
        case .username(let name): try await client.user(username: name, userFields: fields)
        }
        guard let user = response.body.data else {
            let detail = response.body.errors?.first.flatMap { $0.detail ?? $0.title }
            throw CLIFailure.failure("No user \(self) on \(server)\(detail.map { ": \($0)" } ?? ".")")
        }
        return user
    }
}
