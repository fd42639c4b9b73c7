import Foundation
import XFollows

/// Turns users into the bytes of an export format, a page at a time, each record ending with
/// a newline (so a file cut after any page is still whole records).
public protocol UserRecordEncoder: Sendable {
    /// What the file starts with: CSV's header row, or nothing.
    func header() -> Data
    /// The records of `users`.
    func encode(_ users: [User]) throws -> Data
}

extension ExportFormat {
    /// The encoder of this format for a field selection.
    ///
    /// - Throws: ``CLIFailure`` when the selection cannot be written in this format (see
    ///   ``CSVUserEncoder/init(selection:)``).
    public func encoder(for selection: FieldSelection) throws -> any UserRecordEncoder {
        switch self {
        case .jsonl: JSONLinesEncoder()
        case .csv: try CSVUserEncoder(selection: selection)
        }
    }
}

/// JSON Lines: each user as the API returned it (X's names, only the fields asked for), one
/// object per line, keys sorted.
public struct JSONLinesEncoder: UserRecordEncoder {
    /// An encoder.
    public init() {}

    /// Nothing: JSON Lines has no header.
    public func header() -> Data { Data() }

    /// One line per user.
    public func encode(_ users: [User]) throws -> Data {
        let encoder = XAPIJSON.makeEncoder()
        var data = Data()
        data.reserveCapacity(users.count * 256)
        for user in users {
            data.append(try encoder.encode(user))
            data.append(0x0A)
        }
        return data
    }
}
