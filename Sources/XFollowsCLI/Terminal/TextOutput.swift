import Foundation
import XFollows

/// Where a command writes: standard output for results, standard error for messages and the
/// progress line. Tests capture them instead.
///
/// ```swift
/// let output = TextOutput.standardOutput
/// output.line("followed @sandbox_bob (1397466281205022721)")
/// let captured = TextOutput.capturing()      // in tests
/// captured.output.line("hello"); captured.text() // "hello\n"
/// ```
public struct TextOutput: Sendable {
    /// Whether a person is watching: the stream is a terminal.
    public let isTerminal: Bool
    private let sink: @Sendable (Data) -> Void
    private let width: @Sendable () -> Int?

    /// An output writing to `sink`.
    ///
    /// - Parameters:
    ///   - isTerminal: Whether it is a terminal (progress lines are drawn only then).
    ///   - columns: The terminal's width, when known.
    ///   - sink: Receives the bytes.
    public init(isTerminal: Bool, columns: @escaping @Sendable () -> Int? = { nil }, sink: @escaping @Sendable (Data) -> Void) {
        self.isTerminal = isTerminal
        self.width = columns
        self.sink = sink
    }

    /// The process's standard output.
    public static let standardOutput = TextOutput(descriptor: 1)
    /// The process's standard error.
    public static let standardError = TextOutput(descriptor: 2)

    private init(descriptor: Int32) {
        self.init(
            isTerminal: POSIX.isTerminal(descriptor),
            columns: { POSIX.columns(descriptor) },
            sink: { data in POSIX.write(descriptor, data) }
        )
    }

    /// The terminal's width in columns (80 when unknown).
    public var columns: Int { width() ?? 80 }

    /// Writes bytes as they are.
    public func write(_ data: Data) {
        sink(data)
    }

    /// Writes text as it is.
    public func write(_ text: String) {
        sink(Data(text.utf8))
    }

    /// Writes one line (a newline is added).
    public func line(_ text: String) {
        sink(Data((text + "\n").utf8))
    }

    /// An output that keeps what is written, for tests.
    public static func capturing(isTerminal: Bool = false, columns: Int = 80) -> CapturedOutput {
        CapturedOutput(isTerminal: isTerminal, columns: columns)
    }
}

/// What a capturing ``TextOutput`` received.
public final class CapturedOutput: Sendable {
    private let buffer = LockedValue(Data())
    /// The output to hand to a command.
    public let output: TextOutput

    init(isTerminal: Bool, columns: Int) {
        let buffer = self.buffer
        output = TextOutput(isTerminal: isTerminal, columns: { columns }, sink: { data in
            buffer.update { $0.append(data) }
        })
    }

    /// Everything written so far, as UTF-8 text.
    public func text() -> String {
        String(decoding: buffer.current, as: UTF8.self)
    }
}
