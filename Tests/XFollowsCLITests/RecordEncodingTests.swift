import CSV
import Foundation
import Testing
import XFollows
@testable import XFollowsCLI

@Suite("Writing users: JSON Lines and CSV")
struct RecordEncodingTests {
    static let awkward = User(
        id: "2244994945", name: "Dev \"Quoted\", Inc.\nSecond line", username: "XDevelopers",
        createdAt: Date(timeIntervalSince1970: 1_386_995_755), description: "Ünïcödé 🎉, commas, and \\ backslashes",
        location: nil, protected: false,
        publicMetrics: UserPublicMetrics(followersCount: 583_423, followingCount: 2048, tweetCount: 14_052, listedCount: 1672),
        verified: true)

    @Test("JSON Lines: one object per line, decoding to the same user")
    func jsonLines() throws {
        let data = try JSONLinesEncoder().encode([Self.awkward, Self.awkward])
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(try XAPIJSON.makeDecoder().decode(User.self, from: Data(lines[0].utf8)) == Self.awkward)
        #expect(JSONLinesEncoder().header().isEmpty)
    }

    @Test("CSV: X's names as columns, public_metrics spread over its counts")
    func csvHeader() throws {
        let encoder = try CSVUserEncoder(selection: try FieldSelection(parsing: "created_at,public_metrics,verified"))
        #expect(encoder.columnNames == [
            "id", "username", "name", "created_at",
            "public_metrics.followers_count", "public_metrics.following_count", "public_metrics.like_count",
            "public_metrics.listed_count", "public_metrics.tweet_count", "verified",
        ])
        #expect(String(decoding: encoder.header(), as: UTF8.self) == encoder.columnNames.joined(separator: ",") + "\n")
    }

    @Test("CSV written here reads back cell for cell with another parser (yaslab/CSV.swift)")
    func csvRoundTrip() throws {
        let selection = try FieldSelection(parsing: "created_at,description,location,public_metrics,verified")
        let encoder = try CSVUserEncoder(selection: selection)
        var text = encoder.header()
        text.append(try encoder.encode([Self.awkward]))
        let reader = try CSVReader(string: String(decoding: text, as: UTF8.self), hasHeaderRow: true)
        let row = try #require(reader.next())
        let cells = Dictionary(uniqueKeysWithValues: zip(reader.headerRow ?? [], row))
        #expect(cells["id"] == "2244994945")
        #expect(cells["name"] == "Dev \"Quoted\", Inc.\nSecond line")
        #expect(cells["description"] == "Ünïcödé 🎉, commas, and \\ backslashes")
        #expect(cells["created_at"] == "2013-12-14T04:35:55.000Z")
        #expect(cells["location"] == "")
        #expect(cells["public_metrics.followers_count"] == "583423")
        #expect(cells["public_metrics.like_count"] == "")
        #expect(cells["verified"] == "true")
        #expect(reader.next() == nil)
    }

    @Test("Quoting: only cells that need it, quotes doubled", arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("cr\rhere", "\"cr\rhere\""), ("", ""),
    ])
    func quoting(_ pair: (String, String)) {
        #expect(CSVText.field(pair.0) == pair.1)
    }

    @Test("Objects and arrays keep their JSON in one cell")
    func nestedCells() throws {
        var user = Self.awkward
        user.withheld = UserWithheld(countryCodes: ["DE", "FR"])
        let encoder = try CSVUserEncoder(selection: try FieldSelection(parsing: "withheld"))
        let row = String(decoding: try encoder.encode([user]), as: UTF8.self)
        let reader = try CSVReader(string: String(decoding: encoder.header(), as: UTF8.self) + row, hasHeaderRow: true)
        let cells = Dictionary(uniqueKeysWithValues: zip(reader.headerRow ?? [], try #require(reader.next())))
        #expect(cells["withheld"] == #"{"country_codes":["DE","FR"]}"#)
    }

    /// A value whose encoding fails.
    struct Unencodable: Encodable {
        struct Refused: Error {}
        func encode(to encoder: any Encoder) throws { throw Refused() }
    }

    @Test("public_metrics' columns come from the model, or the export stops with why: never a CSV without them")
    func publicMetricsColumns() throws {
        #expect(try CSVUserEncoder.publicMetricsMembers.get()
            == ["followers_count", "following_count", "like_count", "listed_count", "tweet_count"])
        // What the model's encoding could do wrong: throw, not be an object, have no members.
        for failed in [CSVUserEncoder.memberNames(of: Unencodable(), field: "public_metrics"),
                       CSVUserEncoder.memberNames(of: "text", field: "public_metrics"),
                       CSVUserEncoder.memberNames(of: [String: Int](), field: "public_metrics")] {
            let failure = #expect(throws: CLIFailure.self) { try failed.get() }
            #expect(failure?.status == .failure)
            #expect(failure?.message.hasPrefix("Cannot write public_metrics as CSV columns: ") == true, "\(failure?.message ?? "")")
            #expect(failure?.message.contains("Nothing was written; export it as JSON Lines (--format jsonl)") == true)
            // The encoder refuses the selection that needs the columns, before any header or row.
            #expect(throws: CLIFailure.self) {
                try CSVUserEncoder(selection: try FieldSelection(parsing: "created_at,public_metrics"), publicMetricsMembers: failed)
            }
            // A selection without them does not need them.
            let encoder = try CSVUserEncoder(selection: try FieldSelection(parsing: "created_at"), publicMetricsMembers: failed)
            #expect(encoder.columnNames == ["id", "username", "name", "created_at"])
        }
    }

    @Test("--fields: X's names, all, default; an unknown one lists the known ones")
    func fields() throws {
        #expect(try FieldSelection(parsing: "default") == .standard)
        #expect(try FieldSelection(parsing: "id,name") == FieldSelection([]))
        #expect(try FieldSelection(parsing: "all").requested.count == User.Field.allCases.count - 3)
        #expect(try FieldSelection(parsing: "verified, created_at").names == ["id", "username", "name", "created_at", "verified"])
        let error = #expect(throws: CLIFailure.self) { try FieldSelection(parsing: "created_at,followers") }
        #expect(error?.message.contains("\"followers\" is not a user field") == true)
        #expect(error?.message.contains("public_metrics") == true)
    }
}

@Suite("Reading JSON members without decoding")
struct JSONMembersTests {
    @Test("Keys and raw values; strings unescaped, nested objects as written")
    func members() throws {
        let json = #"{"id":"12","name":"A \"q\" \u00e9 \ud83c\udf89\n","n":-1.5e3,"ok":true,"none":null,"m":{"a":[1,{"b":"}"}]},"e":{}}"#
        let members = try JSONMembers.parse(Array(json.utf8))
        #expect(members.members.map(\.key) == ["id", "name", "n", "ok", "none", "m", "e"])
        #expect(members["id"]?.text == "12")
        #expect(members["name"]?.text == "A \"q\" é 🎉\n")
        #expect(members["n"]?.text == "-1.5e3")
        #expect(members["ok"]?.text == "true")
        #expect(members["none"]?.text == "")
        #expect(members["m"]?.text == #"{"a":[1,{"b":"}"}]}"#)
        #expect(members["m"]?.isObject == true)
        #expect(try JSONMembers.parse(Array("{}".utf8)).members.isEmpty)
    }

    @Test("Malformed objects say where", arguments: [
        (#"{"a":1"#, "\",\" or \"}\""), (#"["a"]"#, "\"{\""), (#"{"a" 1}"#, "\":\""), (#"{"a":"x}"#, "the end of a string"),
        (#"{"a":1} x"#, "the end of the object"),
    ])
    func malformed(_ pair: (String, String)) {
        let error = #expect(throws: JSONMembers.Malformed.self) { try JSONMembers.parse(Array(pair.0.utf8)) }
        #expect(error?.expected == pair.1)
    }
}
