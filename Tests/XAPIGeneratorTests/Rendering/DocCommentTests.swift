import Foundation
import Testing
@testable import XAPIGenerator

/// The byte-level formatting of ASCII descriptions gives exactly the lines the
/// general, Character-level formatting gives.
@Suite("Doc comments")
struct DocCommentTests {
    /// Every `description` and `summary` of X's document, and text built to
    /// reach each rule: code blocks, lists, hard breaks, indentation, blank runs.
    static let texts: [String] = {
        let url = packageRoot.appendingPathComponent("Tests/XAPIOfficialDocumentTests/openapi-2.159.json")
        var found: Set<String> = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                for (key, member) in object {
                    if ["description", "summary"].contains(key), let text = member as? String { found.insert(text) }
                    collect(member)
                }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        if let data = try? Data(contentsOf: url), let document = try? JSONSerialization.jsonObject(with: data) {
            collect(document)
        }
        let crafted = [
            "", "\n", "   ", "One line.", "Trailing space \nnext", "Hard break  \nnext line", "  Indented\n  more",
            "Para one.\n\n\n\nPara two.", "- item one\n- item two\n  continued", "* star\n1. first. step\n2. second",
            "```\ncode  \n   \n  indented\n```\nafter", "```swift\nunclosed", "12. numbered. list\n123 not a list",
            String(repeating: "word ", count: 60), String(repeating: "x", count: 120) + " tail",
            "  - indented item that is long enough to wrap because it keeps going and going and going past the width",
        ]
        return Array(found).sorted() + crafted
    }()

    @Test("ASCII descriptions format the same on bytes as on Characters")
    func asciiFastPath() {
        var compared = 0
        for text in Self.texts {
            guard let fast = DocComment.formatASCII(text) else { continue }
            compared += 1
            #expect(fast == DocComment.formatText(text), "\(text.debugDescription)")
        }
        #expect(compared > 500)
    }

    @Test("Text with tabs, carriage returns, comment ends or non-ASCII takes the general path", arguments: [
        "a\tb", "a\r\nb", "a */ b", "naïve",
    ])
    func generalPath(text: String) {
        #expect(DocComment.formatASCII(text) == nil)
    }
}
