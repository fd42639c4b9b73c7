/// Builds Swift source text line by line with four-space indentation.
///
/// A text renderer, as swift-openapi-generator's is: the output is plain
/// text built in one pass, deterministic by construction.
struct CodeWriter {
    private(set) var text = ""
    private var level = 0

    /// Appends a line at the current indentation; an empty string adds a blank line.
    mutating func line(_ content: String = "") {
        if !content.isEmpty {
            text += level < Self.indentation.count ? Self.indentation[level] : String(repeating: "    ", count: level)
            text += content
        }
        text += "\n"
    }

    /// The indentation of each level, made once: a line is three appends, whatever its depth.
    private static let indentation: [String] = (0..<16).map { String(repeating: "    ", count: $0) }

    /// Appends several lines.
    mutating func lines(_ contents: [String]) {
        for content in contents { line(content) }
    }

    /// Writes `opening {`, the body one level in, then `}` (or `closing`).
    mutating func block(_ opening: String, closing: String = "}", _ body: (inout CodeWriter) -> Void) {
        line(opening + " {")
        level += 1
        body(&self)
        level -= 1
        line(closing)
    }

    /// Writes `switch subject {`, the cases at the same level (Swift style), then `}`.
    mutating func switchBlock(_ subject: String, _ body: (inout CodeWriter) -> Void) {
        line("switch \(subject) {")
        body(&self)
        line("}")
    }

    /// Writes `callee(arguments)` on one line when it fits in 100 columns, or
    /// one argument per line.
    mutating func call(_ callee: String, arguments: [String]) {
        let oneLine = "\(callee)(\(arguments.joined(separator: ", ")))"
        if level * 4 + oneLine.count <= 100 || arguments.count < 2 {
            line(oneLine)
            return
        }
        line(callee + "(")
        indented { writer in
            for (index, argument) in arguments.enumerated() {
                writer.line(argument + (index == arguments.count - 1 ? "" : ","))
            }
        }
        line(")")
    }

    /// Writes the body one level in, without braces.
    mutating func indented(_ body: (inout CodeWriter) -> Void) {
        level += 1
        body(&self)
        level -= 1
    }

    /// `///` lines for a doc comment; nothing when empty.
    mutating func documentation(_ comment: DocComment) {
        for content in comment.lines {
            line(content.isEmpty ? "///" : "/// " + content)
        }
    }

    /// Removes the comma that ends the last line (of an argument list just written).
    mutating func trimTrailingComma() {
        if text.hasSuffix(",\n") {
            text.removeLast(2)
            text += "\n"
        }
    }

    /// Removes a blank line at the end, so blocks do not end with one.
    mutating func trimTrailingBlankLine() {
        while text.hasSuffix("\n\n") { text.removeLast() }
    }
}
