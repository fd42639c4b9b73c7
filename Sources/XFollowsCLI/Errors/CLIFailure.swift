/// A failure a command reports as one line, with the exit status it implies.
///
/// ```swift
/// throw CLIFailure.notLoggedIn("No credentials for profile \"default\" on https://api.x.com; run `xfollows login`.")
/// ```
public struct CLIFailure: Error, Sendable, CustomStringConvertible {
    /// The line shown after `xfollows: `: what failed, why, and what to do.
    public var message: String
    /// The exit status.
    public var status: ExitStatus

    /// A failure with a message and a status.
    public init(_ message: String, status: ExitStatus) {
        self.message = message
        self.status = status
    }

    /// An error that stopped the command (exit 1).
    public static func failure(_ message: String) -> CLIFailure { CLIFailure(message, status: .failure) }
    /// Bad usage (exit 64).
    public static func usage(_ message: String) -> CLIFailure { CLIFailure(message, status: .usage) }
    /// Missing or refused credentials (exit 4).
    public static func notLoggedIn(_ message: String) -> CLIFailure { CLIFailure(message, status: .notLoggedIn) }
    /// Stopped at a limit, resumable (exit 3).
    public static func stopped(_ message: String) -> CLIFailure { CLIFailure(message, status: .stopped) }
    /// Interrupted (exit 130).
    public static func interrupted(_ message: String) -> CLIFailure { CLIFailure(message, status: .interrupted) }

    /// The message.
    public var description: String { message }
}
