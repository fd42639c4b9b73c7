/// Why the sandbox's kept state (`x-sandbox --state DIR`) could not be read, written or
/// imported: the file, and what is wrong with it. A sandbox never starts over silently on
/// state it cannot read; it stops with this error, and the files stay as they were.
///
/// ```text
/// The sandbox's state in /tmp/s/journal.jsonl, line 12: the record is not valid JSON (…)
/// ```
public struct SandboxStateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file at fault (a path), or what was imported.
    public var file: String
    /// The line of the file at fault, counted from 1, when one is.
    public var line: Int?
    /// What is wrong.
    public var problem: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    /// `The sandbox's state in <file>, line <n>: <problem>`.
    public var description: String {
        "The sandbox's state in \(file)\(line.map { ", line \($0)" } ?? ""): \(problem)"
    }
}
