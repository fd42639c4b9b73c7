/// What xfollows' exit status says. Scripts can rely on these; `xfollows --help` lists them.
///
/// | Status | Meaning |
/// | --- | --- |
/// | 0 | Everything asked for was done. |
/// | 1 | An error stopped the command; the message says what, why and what to do. |
/// | 2 | Done, but some items failed (an unknown or suspended account, a refused follow); each is reported. |
/// | 3 | Stopped early at a daily cap, a rate limit, `--max-cost`, spent credits or a usage cap; nothing was lost, and `--resume` continues later. |
/// | 4 | Not logged in, or the credentials were refused: run `xfollows login`. |
/// | 64 | Bad usage: an unknown option, a missing argument, a malformed value. |
/// | 130 | Interrupted (Ctrl-C); progress was saved and `--resume` continues. |
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Everything asked for was done.
    case success = 0
    /// An error stopped the command.
    case failure = 1
    /// Done, but some items failed.
    case partial = 2
    /// Stopped early at a daily cap, a rate limit, `--max-cost`, spent credits or a usage cap;
    /// resumable.
    case stopped = 3
    /// Not logged in, or the credentials were refused.
    case notLoggedIn = 4
    /// Bad usage.
    case usage = 64
    /// Interrupted by Ctrl-C (or SIGTERM).
    case interrupted = 130

    /// One line for `--help`.
    public var meaning: String {
        switch self {
        case .success: "everything asked for was done"
        case .failure: "an error stopped the command; the message says why"
        case .partial: "done, but some accounts failed; each is reported"
        case .stopped: "stopped at a cap, a rate limit, --max-cost or out of credits; --resume goes on"
        case .notLoggedIn: "not logged in, or credentials refused: xfollows login"
        case .usage: "bad usage: an unknown option or a malformed value"
        case .interrupted: "interrupted (Ctrl-C); progress saved, --resume goes on"
        }
    }

    /// The table for `--help`.
    static var helpText: String {
        allCases.map { "  \($0.rawValue)\(String(repeating: " ", count: max(1, 5 - String($0.rawValue).count)))\($0.meaning)" }
            .joined(separator: "\n")
    }
}
