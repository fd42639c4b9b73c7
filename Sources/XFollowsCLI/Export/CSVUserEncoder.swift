import Foundation
import XFollows

/// CSV (RFC 4180): a header row of X's field names, then one row per user.
///
/// Each selected field is a column named as X names it; `public_metrics` is spread over one
/// column per count (`public_metrics.followers_count`, …) so a spreadsheet can sort by them.
/// Strings are written as they are, numbers and booleans as JSON writes them, a missing value
/// as an empty cell, and other objects and arrays (`entities`, `withheld`) as compact JSON.
/// A cell holding a comma, a quote or a line break is quoted, quotes doubled.
///
/// ```
/// id,username,name,created_at,public_metrics.followers_count,…
/// 2244994945,XDevelopers,Developers,2013-12-14T04:35:55.000Z,583423,…
/// ```
public struct CSVUserEncoder: UserRecordEncoder {
    /// One column: a field, or one member of an object field.
    struct Column: Sendable {
        var field: String
        var member: String?
        var name: String { member.map { "\(field).\($0)" } ?? field }
    }

    let columns: [Column]

    /// An encoder for the selection's columns.
    ///
    /// - Throws: ``CLIFailure`` when `public_metrics` is selected and its members cannot be
    ///   read from the model: the export stops before anything is written, rather than going
    ///   on without those columns.
    public init(selection: FieldSelection) throws {
        try self.init(selection: selection, publicMetricsMembers: Self.publicMetricsMembers)
    }

    /// An encoder whose `public_metrics` columns are `publicMetricsMembers`, or that fails with
    /// its failure when the selection has them.
    init(selection: FieldSelection, publicMetricsMembers: Result<[String], CLIFailure>) throws {
        columns = try selection.columns.flatMap { field -> [Column] in
            guard field == .publicMetrics else { return [Column(field: field.rawValue)] }
            return try publicMetricsMembers.get().map { Column(field: field.rawValue, member: $0) }
        }
    }

    /// The header's column names, in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The members of `public_metrics`, as X names them (read from the model's encoding of a
    /// complete value, so they are the spec's names), or why they could not be read.
    static let publicMetricsMembers = memberNames(
        of: UserPublicMetrics(followersCount: 0, followingCount: 0, tweetCount: 0, listedCount: 0, likeCount: 0),
        field: User.Field.publicMetrics.rawValue)

    /// The member names of `value`'s JSON encoding, in order; a failure naming `field` when it
    /// does not encode to an object with at least one member.
    static func memberNames(of value: some Encodable, field: String) -> Result<[String], CLIFailure> {
        func failure(_ reason: String) -> Result<[String], CLIFailure> {
            .failure(.failure("Cannot write \(field) as CSV columns: \(reason). Nothing was written; "
                + "export it as JSON Lines (--format jsonl), or leave \(field) out of --fields."))
        }
        let members: [String]
        do {
            members = try JSONMembers.parse(Array(XAPIJSON.makeEncoder().encode(value))).members.map(\.key)
        } catch {
            return failure("its members could not be read from the model (\(error))")
        }
        guard !members.isEmpty else { return failure("the model encodes it with no members") }
        return .success(members)
    }

    /// The header row.
    public func header() -> Data {
        Data((columns.map { CSVText.field($0.name) }.joined(separator: ",") + "\n").utf8)
    }

    /// One row per user.
    public func encode(_ users: [User]) throws -> Data {
        let encoder = XAPIJSON.makeEncoder()
        var text = ""
        text.reserveCapacity(users.count * 200)
        for user in users {
            let members = try JSONMembers.parse(Array(try encoder.encode(user)))
            var nested: [String: JSONMembers] = [:]
            var first = true
            for column in columns {
                if !first { text.append(",") }
                first = false
                guard let value = members[column.field] else { continue }
                if let member = column.member {
                    if nested[column.field] == nil, value.isObject {
                        nested[column.field] = try JSONMembers.parse(value.raw)
                    }
                    text.append(CSVText.field(nested[column.field]?[member]?.text ?? ""))
                } else {
                    text.append(CSVText.field(value.text))
                }
            }
            text.append("\n")
        }
        return Data(text.utf8)
    }
}

/// RFC 4180 quoting, in one place.
enum CSVText {
    /// `value` as one CSV cell: quoted, with quotes doubled, when it holds a comma, a quote, a
    /// carriage return or a line feed.
    static func field(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
