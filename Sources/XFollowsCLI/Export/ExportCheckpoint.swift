import Foundation
import XFollows

/// Where an export to a file stands, kept beside it (`<file>.xfollows-checkpoint`) and
/// replaced atomically after every page: the token of the next page, how many users and
/// bytes the file holds so far, and what the export is (so `--resume` continues the same
/// one). A finished export removes it.
///
/// The file is synced before the checkpoint is written, so the checkpoint never counts a
/// byte that is not on disk; bytes after ``byteCount`` (a page written when the process
/// died) are cut off on resume, and that page is fetched again — every user exactly once.
public struct ExportCheckpoint: Codable, Sendable, Hashable {
    /// The format version.
    public var version = 1
    /// The server the export reads from.
    public var server: String
    /// Followers or following.
    public var relation: Relation
    /// Whose list.
    public var account: Account
    /// The file's format.
    public var format: ExportFormat
    /// The fields, in column order.
    public var fields: [String]
    /// Users per request.
    public var pageSize: Int
    /// The token of the next page; `nil` before the first page and after the last.
    public var nextToken: String?
    /// Pages written.
    public var pages: Int
    /// Users written.
    public var userCount: Int
    /// Bytes of the file that hold whole pages.
    public var byteCount: Int64
    /// The list's size when the export started, if known.
    public var total: Int?
    /// When the export started.
    public var startedAt: Date
    /// When this checkpoint was written.
    public var updatedAt: Date
    /// Whether the export walks the list again from its first page (the server refused the
    /// page token), writing only users the file does not hold yet; `pages` counts this walk.
    public var rewalk: Bool?

    private enum CodingKeys: String, CodingKey {
        case version, server, relation, account, format, fields, pages, total
        case pageSize = "page_size"
        case nextToken = "next_token"
        case userCount = "user_count"
        case byteCount = "byte_count"
        case startedAt = "started_at"
        case updatedAt = "updated_at"
        case rewalk
    }

    /// Whether the last page was written.
    public var isComplete: Bool { pages > 0 && nextToken == nil }

    /// The checkpoint file of an output file.
    public static func location(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(output.lastPathComponent + ".xfollows-checkpoint")
    }

    /// The checkpoint beside `output`, or `nil` when there is none.
    ///
    /// - Throws: ``CLIFailure`` when it cannot be read or is not a checkpoint.
    public static func load(for output: URL) throws -> ExportCheckpoint? {
        let url = location(for: output)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try XAPIJSON.makeDecoder().decode(ExportCheckpoint.self, from: Data(contentsOf: url))
        } catch {
            throw CLIFailure.failure("\(url.path) is not an xfollows checkpoint (\(CredentialStore.describe(error))); "
                + "remove it and start over with --force.")
        }
    }

    /// Replaces the checkpoint beside `output` atomically.
    ///
    /// - Throws: ``CLIFailure`` naming the file.
    public func save(for output: URL) throws {
        do {
            try AtomicFile.write(try XAPIJSON.makeEncoder().encode(self), to: Self.location(for: output))
        } catch {
            throw CLIFailure.failure("Cannot write the checkpoint \(Self.location(for: output).path): \(error)")
        }
    }

    /// Removes the checkpoint beside `output` (the export finished).
    public static func remove(for output: URL) {
        try? FileManager.default.removeItem(at: location(for: output))
    }
}
