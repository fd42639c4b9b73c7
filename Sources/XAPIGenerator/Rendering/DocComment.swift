/// A doc comment, assembled from spec descriptions and generated notes,
/// wrapped to fit beside the code.
struct DocComment {
    /// Lines without the `///` prefix; empty strings are blank comment lines.
    private(set) var lines: [String] = []

    static let width = 96

    init() {}

    init(_ text: String?) {
        if let text { paragraph(text) }
    }

    var isEmpty: Bool { lines.isEmpty }

    /// Adds text (Markdown from the spec), separated from what came before by
    /// a blank line; long lines wrap, code blocks are kept as written.
    mutating func paragraph(_ text: String) {
        let body = Self.format(text)
        guard !body.isEmpty else { return }
        if !lines.isEmpty { lines.append("") }
        lines.append(contentsOf: body)
    }

    /// Adds lines exactly as given, after a blank line.
    mutating func verbatim(_ block: [String]) {
        guard !block.isEmpty else { return }
        if !lines.isEmpty { lines.append("") }
        lines.append(contentsOf: block)
    }

    /// Adds a `- Name: text` callout line (wrapped with a two-space hang).
    mutating func callout(_ text: String, separated: Bool = false) {
        if separated, !lines.isEmpty, lines.last != "" { lines.append("") }
        lines.append(contentsOf: Self.wrap(text, indent: "", hang: "  "))
    }

    /// The first sentence of a description, for one-line summaries.
    static func firstSentence(_ text: String?) -> String? {
        guard let text else { return nil }
        let flattened = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .prefix { !$0.isEmpty }.joined(separator: " ")
        guard !flattened.isEmpty else { return nil }
        if let end = flattened.range(of: ". ") {
            return String(flattened[..<end.lowerBound]) + "."
        }
        return flattened
    }

    /// Normalizes spec Markdown: trims, collapses blank runs, wraps prose lines.
    static func format(_ text: String) -> [String] {
        var result: [String] = []
        var inCode = false
        var paragraph: [String] = []
        func flush() {
            guard !paragraph.isEmpty else { return }
            let joined = paragraph.joined(separator: " ")
            let indent = String(joined.prefix { $0 == " " })
            let content = joined.trimmingCharacters(in: .whitespaces)
            let isListItem = content.hasPrefix("- ") || content.hasPrefix("* ")
            result.append(contentsOf: wrap(content, indent: indent, hang: indent + (isListItem ? "  " : "")))
            paragraph = []
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine).replacingOccurrences(of: "\t", with: "    ")
                .replacingOccurrences(of: "*/", with: "* /")
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                flush()
                inCode.toggle()
                result.append(trimmed)
                continue
            }
            if inCode {
                result.append(String(line.reversed().drop { $0 == " " }.reversed()))
                continue
            }
            if trimmed.isEmpty {
                flush()
                if result.last != "" && !result.isEmpty { result.append("") }
                continue
            }
            // A list item starts a new line; other lines continue the paragraph.
            if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.first?.isNumber == true && trimmed.contains(". ") && trimmed.prefix(4).contains(".") {
                flush()
            }
            paragraph.append(paragraph.isEmpty ? line.replacingOccurrences(of: "  +$", with: "", options: .regularExpression) : trimmed)
        }
        flush()
        if inCode { result.append("```") }
        while result.last == "" { result.removeLast() }
        return result
    }

    /// Word-wraps one line.
    static func wrap(_ text: String, indent: String, hang: String) -> [String] {
        var lines: [String] = []
        var current = indent
        var currentIsEmpty = true
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !currentIsEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = hang + word
            } else {
                current += (currentIsEmpty ? "" : " ") + word
            }
            currentIsEmpty = false
        }
        if !currentIsEmpty { lines.append(current) }
        return lines
    }
}
