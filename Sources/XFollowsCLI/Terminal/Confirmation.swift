import Foundation

/// Asks a person a yes-or-no question on the terminal, before xfollows spends money they did
/// not cap. Off a terminal there is no one to ask, and the question is never put.
///
/// ```swift
/// if context.confirmation.isInteractive, context.confirmation.ask("Spend up to $1,000.03?") { … }
/// ```
public struct Confirmation: Sendable {
    /// Whether a person can answer (standard input and standard error are a terminal).
    public var isInteractive: Bool
    /// Puts the question; `true` for yes.
    public var ask: @Sendable (String) -> Bool

    /// A confirmation from its parts (tests answer for the person).
    public init(isInteractive: Bool, ask: @escaping @Sendable (String) -> Bool) {
        self.isInteractive = isInteractive
        self.ask = ask
    }

    /// No one to ask: every question goes unput.
    public static let unavailable = Confirmation(isInteractive: false) { _ in false }

    /// The terminal's: the question on standard error with `[y/N]`, the answer read from
    /// standard input; only `y` or `yes` (any case) is yes.
    public static func terminal(errors: TextOutput) -> Confirmation {
        let interactive = POSIX.isTerminal(STDIN_FILENO) && errors.isTerminal
        return Confirmation(isInteractive: interactive) { question in
            errors.write("\(question) [y/N] ")
            guard let answer = readLine(strippingNewline: true) else { return false }
            return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
        }
    }
}
