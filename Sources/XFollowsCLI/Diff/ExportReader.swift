import CSV
import Foundation

/// Reads the users of an export, one at a time: JSON Lines (an object per line with `id`
/// and `username`) or CSV (a header naming an `id` column, and `username` when there is one),
/// as xfollows writes them or a spreadsheet saves them (a byte-order mark and CRLF are fine).
///
/// Reading CSV uses yaslab/CSV.swift's streaming reader (quoted fields across lines, BOM,
/// CRLF); JSON Lines is read line by line.
public final class ExportReader {
    /// The file.
    public let url: URL
    /// Its format.
    public let format: ExportFormat
    private var lines: LineReader?
    private var csv: CSVReader?
    private var stream: InputStream?
    private var idColumn = 0
    private var usernameColumn: Int?
    private var rowNumber = 1

    /// A reader of `url` in `format` (by default, as its extension says).
    ///
    /// - Throws: ``CLIFailure`` when the file cannot be opened, or a CSV file has no `id`
    ///   column.
    public init(url: URL, format: ExportFormat? = nil) throws {
        self.url = url
        self.format = format ?? .inferred(from: url)
        switch self.format {
        case .jsonl:
            lines = try LineReader(url: url)
        case .csv:
            guard let stream = InputStream(url: url) else { throw CLIFailure.failure("Cannot read \(url.path).") }
            let reader: CSVReader
            do {
                reader = try CSVReader(stream: stream, hasHeaderRow: true)
            } catch {
                throw CLIFailure.failure("\(url.path): not a CSV file with a header row (\(error)).")
            }
            let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let id = header.firstIndex(of: "id") else {
                throw CLIFailure.failure("\(url.path):1: the header has no \"id\" column (it has \(header.joined(separator: ", "))).")
            }
            idColumn = id
            usernameColumn = header.firstIndex(of: "username")
            csv = reader
            self.stream = stream
        }
    }

    /// The next user, or `nil` at the end.
    ///
    /// - Throws: ``CLIFailure`` naming `file:line` (JSON Lines) or `file:row` (CSV) of a
    ///   record that is malformed or has no numeric `id`.
    public func next() throws -> ExportRecord? {
        if let lines {
            while let line = try lines.next() {
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                let place = "\(url.path):\(lines.lineNumber)"
                let members: JSONMembers
                do {
                    members = try JSONMembers.parse(line)
                } catch {
                    throw CLIFailure.failure("\(place): not a JSON object (\(error)).")
                }
                return try record(id: members["id"]?.text, username: members["username"]?.text, place: place)
            }
            return nil
        }
        guard let csv else { return nil }
        guard let row = csv.next() else {
            // On Linux a file stream learns it is at its end only by reading nothing, which the
            // CSV reader records as cannotReadFile: that is the end, not an error.
            if let error = csv.error, !(Self.isEndOfFile(error) && stream?.streamStatus == .atEnd) {
                throw CLIFailure.failure("\(url.path): row \(rowNumber + 1): \(error).")
            }
            return nil
        }
        rowNumber += 1
        if row.count == 1, row[0].isEmpty { return try next() }
        let place = "\(url.path): row \(rowNumber)"
        return try record(id: idColumn < row.count ? row[idColumn] : nil,
                          username: usernameColumn.flatMap { $0 < row.count ? row[$0] : nil }, place: place)
    }

    private static func isEndOfFile(_ error: any Error) -> Bool {
        if case CSVError.cannotReadFile? = error as? CSVError { return true }
        return false
    }

    private func record(id: String?, username: String?, place: String) throws -> ExportRecord {
        let id = id.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        guard let id, let number = UInt64(id.trimmingCharacters(in: .whitespaces)) else {
            throw CLIFailure.failure("\(place): \(id.map { "\"\($0)\" is not a numeric user ID" } ?? "no \"id\"").")
        }
        return ExportRecord(id: number, username: username ?? "")
    }
}
