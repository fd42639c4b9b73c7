import Foundation
import Testing
@testable import XFollowsCLI

@Suite("diff: who appeared and who disappeared, in bounded memory")
struct DiffTests {
    func write(_ text: String, _ name: String, in environment: TestEnvironment) throws -> URL {
        let url = environment.file(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func compare(_ old: URL, _ new: URL, runCapacity: Int, scratch: URL) throws -> (DiffRunner.Summary, [String]) {
        var changes: [String] = []
        let summary = try DiffRunner(runCapacity: runCapacity, scratchDirectory: scratch)
            .compare(old: try ExportReader(url: old), new: try ExportReader(url: new)) { change, record in
                changes.append("\(change == .appeared ? "+" : "-")\(record.id) \(record.username)")
            }
        return (summary, changes)
    }

    @Test("JSON Lines against CSV (BOM, CRLF, quoted line breaks), in ID order, repeats counted once",
          arguments: [1, 2, 3, 100_000])
    func mixedFormats(runCapacity: Int) throws {
        let environment = try TestEnvironment()
        let old = try write("""
            {"id":"30","username":"carol"}
            {"id":"10","username":"alice","name":"A"}

            {"id":"20","username":"bob"}
            {"id":"10","username":"alice"}
            """, "old.jsonl", in: environment)
        let new = try write("\u{FEFF}id,username,name\r\n40,dave,\"Dave\r\nSecond line\"\r\n10,alice,A\r\n30,carol,\"C, c\"\r\n",
                            "new.csv", in: environment)
        let (summary, changes) = try compare(old, new, runCapacity: runCapacity, scratch: environment.directory)
        #expect(changes == ["-20 bob", "+40 dave"])
        #expect(summary == DiffRunner.Summary(appeared: 1, disappeared: 1, oldCount: 3, newCount: 3))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: environment.directory.path).filter { $0.hasPrefix("xfollows-diff") }
        #expect(leftovers.isEmpty)
    }

    @Test("Large exports merge from many sorted runs to the same answer")
    func manyRuns() throws {
        let environment = try TestEnvironment()
        let oldIDs = (0..<5000).map { ($0 * 7919) % 10007 }             // a shuffled 5,000 of 0..<10007
        let newIDs = (2500..<7500).map { ($0 * 7919) % 10007 }
        let old = try write(oldIDs.map { "{\"id\":\"\($0)\",\"username\":\"u\($0)\"}" }.joined(separator: "\n"), "old.jsonl", in: environment)
        let new = try write("id,username\n" + newIDs.map { "\($0),u\($0)" }.joined(separator: "\n"), "new.csv", in: environment)
        let (summary, changes) = try compare(old, new, runCapacity: 97, scratch: environment.directory)
        let expectedGone = Set(oldIDs).subtracting(newIDs).sorted().map { "-\($0) u\($0)" }
        let expectedNew = Set(newIDs).subtracting(oldIDs).sorted().map { "+\($0) u\($0)" }
        #expect(changes.filter { $0.hasPrefix("-") } == expectedGone)
        #expect(changes.filter { $0.hasPrefix("+") } == expectedNew)
        #expect(summary.appeared == 2500 && summary.disappeared == 2500 && summary.oldCount == 5000 && summary.newCount == 5000)
    }

    @Test("A malformed record is named by file and line", arguments: [
        ("a.jsonl", "{\"id\":\"1\"}\n{\"id\":\"x\"}\n", "a.jsonl:2: \"x\" is not a numeric user ID"),
        ("b.jsonl", "{\"id\":\"1\"}\nnot json\n", "b.jsonl:2: not a JSON object"),
        ("c.csv", "username\nbob\n", "c.csv:1: the header has no \"id\" column"),
        ("d.csv", "id,username\n1,a\n,b\n", "d.csv: row 3: no \"id\""),
    ])
    func malformed(_ input: (String, String, String)) throws {
        let environment = try TestEnvironment()
        let bad = try write(input.1, input.0, in: environment)
        let good = try write("{\"id\":\"1\"}\n", "good.jsonl", in: environment)
        let error = #expect(throws: CLIFailure.self) { _ = try compare(good, bad, runCapacity: 10, scratch: environment.directory) }
        #expect(error?.message.contains(input.2) == true, "\(error?.message ?? "")")
    }
}
