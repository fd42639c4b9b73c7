/// A unified diff between two texts, as `diff -u` prints it, for
/// `xapi-gen generate --check` and the golden tests.
///
/// ```swift
/// print(UnifiedDiff(old: committed, new: generated, oldName: "a/Models.swift", newName: "b/Models.swift"))
/// ```
public struct UnifiedDiff: Sendable, CustomStringConvertible {
    /// The diff text; empty when the texts are equal.
    public let description: String

    /// Whether the texts differ.
    public var isEmpty: Bool { description.isEmpty }

    /// Diffs `old` against `new` with `context` unchanged lines around each change.
    public init(old: String, new: String, oldName: String, newName: String, context: Int = 3) {
        guard old != new else {
            description = ""
            return
        }
        let oldLines = Self.lines(old)
        let newLines = Self.lines(new)
        let edits = Self.edits(from: oldLines, to: newLines)

        var output = "--- \(oldName)\n+++ \(newName)\n"
        var index = 0
        while index < edits.count {
            guard edits[index].kind != .same else { index += 1; continue }
            // A hunk: from `context` lines before this change to `context`
            // lines after the last change that is not further than 2*context away.
            let start = max(0, index - context)
            var end = index
            var scan = index
            while scan < edits.count {
                if edits[scan].kind != .same { end = scan }
                if scan - end > 2 * context { break }
                scan += 1
            }
            let stop = min(edits.count, end + context + 1)
            let hunk = edits[start..<stop]
            let oldStart = hunk.first { $0.kind != .insert }?.oldIndex ?? (hunk.first?.oldIndex ?? 0)
            let newStart = hunk.first { $0.kind != .delete }?.newIndex ?? (hunk.first?.newIndex ?? 0)
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            output += "@@ -\(oldCount == 0 ? oldStart : oldStart + 1),\(oldCount) +\(newCount == 0 ? newStart : newStart + 1),\(newCount) @@\n"
            for edit in hunk {
                switch edit.kind {
                case .same: output += " " + edit.text + "\n"
                case .delete: output += "-" + edit.text + "\n"
                case .insert: output += "+" + edit.text + "\n"
                }
            }
            index = stop
        }
        description = output
    }

    private struct Edit {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var text: String
        var oldIndex: Int
        var newIndex: Int
    }

    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    private static func edits(from old: [String], to new: [String]) -> [Edit] {
        let difference = new.difference(from: old)
        var removed: Set<Int> = []
        var inserted: Set<Int> = []
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var edits: [Edit] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                edits.append(Edit(kind: .delete, text: old[i], oldIndex: i, newIndex: j))
                i += 1
            } else if j < new.count, inserted.contains(j) {
                edits.append(Edit(kind: .insert, text: new[j], oldIndex: i, newIndex: j))
                j += 1
            } else {
                edits.append(Edit(kind: .same, text: old[i], oldIndex: i, newIndex: j))
                i += 1
                j += 1
            }
        }
        return edits
    }
}
