import Foundation
import XFollows

/// One status line redrawn in place on a terminal (`\r`, the text, erase to the end of the
/// line), cut to the terminal's width so it never wraps, and ended cleanly: ``finish(_:)``
/// erases it and prints a final line, or nothing. On anything but a terminal it draws
/// nothing at all.
///
/// ```swift
/// let line = ProgressLine(output: .standardError)
/// line.draw("1,000 of 104,321 followers")
/// line.finish("Wrote 104,321 followers to followers.csv")
/// ```
public final class ProgressLine: Sendable {
    private let output: TextOutput
    private let state = LockedValue(State())

    private struct State {
        var drawn = ""
        var isFinished = false
    }

    /// The escape sequence that erases from the cursor to the end of the line.
    static let eraseToEnd = "\u{1B}[K"

    /// A progress line on `output`; it draws only when `output` is a terminal.
    public init(output: TextOutput) {
        self.output = output
    }

    /// Whether the line is drawn at all.
    public var isEnabled: Bool { output.isTerminal }

    /// Draws `text` in place of the current line (nothing when it did not change).
    public func draw(_ text: String) {
        guard isEnabled else { return }
        let fitted = Self.fit(text, columns: output.columns)
        state.update { state in
            guard !state.isFinished, state.drawn != fitted else { return }
            state.drawn = fitted
            output.write("\r" + fitted + Self.eraseToEnd)
        }
    }

    /// Erases the line and, when `final` is given, prints it as an ordinary line. Later draws
    /// do nothing.
    public func finish(_ final: String? = nil) {
        guard isEnabled else { return }
        state.update { state in
            guard !state.isFinished else { return }
            state.isFinished = true
            let erase = state.drawn.isEmpty ? "" : "\r" + Self.eraseToEnd
            output.write(erase + (final.map { $0 + "\n" } ?? ""))
        }
    }

    /// Erases the line for a moment so something else can be printed where it was; the
    /// next ``draw(_:)`` puts it back.
    public func clear() {
        guard isEnabled else { return }
        state.update { state in
            guard !state.drawn.isEmpty else { return }
            state.drawn = ""
            output.write("\r" + Self.eraseToEnd)
        }
    }

    /// `text` cut to one character less than the width, so the cursor never wraps.
    static func fit(_ text: String, columns: Int) -> String {
        let limit = max(10, columns - 1)
        let single = text.replacingOccurrences(of: "\n", with: " ")
        guard single.count > limit else { return single }
        return String(single.prefix(limit - 1)) + "…"
    }
}
