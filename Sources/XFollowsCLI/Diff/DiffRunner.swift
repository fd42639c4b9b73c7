import Foundation

/// `xfollows diff`: who appeared and who disappeared between two exports, streaming both in
/// ID order (``SortedRecords``) and walking them side by side, so memory stays bounded
/// however large the exports.
public struct DiffRunner: Sendable {
    /// One difference.
    public enum Change: String, Sendable, Hashable, Codable {
        /// In the new export, not the old.
        case appeared
        /// In the old export, not the new.
        case disappeared
    }

    /// What the comparison found.
    public struct Summary: Sendable, Hashable {
        /// Users only in the new export.
        public var appeared = 0
        /// Users only in the old export.
        public var disappeared = 0
        /// Distinct users in the old export.
        public var oldCount = 0
        /// Distinct users in the new export.
        public var newCount = 0
    }

    /// Records held in memory per file before sorted runs go to disk.
    public var runCapacity: Int
    /// Where run files go (a fresh directory inside, removed afterwards).
    public var scratchDirectory: URL

    /// A runner.
    public init(runCapacity: Int = 100_000, scratchDirectory: URL = FileManager.default.temporaryDirectory) {
        self.runCapacity = runCapacity
        self.scratchDirectory = scratchDirectory
    }

    /// Compares `old` with `new` and hands each difference to `report`, in ID order.
    ///
    /// - Throws: ``CLIFailure`` for a file that cannot be read or a malformed record
    ///   (`file:line`).
    public func compare(old: ExportReader, new: ExportReader,
                        report: (Change, ExportRecord) throws -> Void) throws -> Summary {
        let scratch = scratchDirectory.appendingPathComponent("xfollows-diff-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw CLIFailure.failure("Cannot create a temporary directory in \(scratchDirectory.path): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let before = try SortedRecords(reading: old, runCapacity: runCapacity, scratch: scratch)
        let after = try SortedRecords(reading: new, runCapacity: runCapacity, scratch: scratch)
        var summary = Summary()
        var left = try before.next()
        var right = try after.next()
        while left != nil || right != nil {
            switch (left, right) {
            case let (old?, new?) where old.id == new.id:
                summary.oldCount += 1
                summary.newCount += 1
                left = try before.next()
                right = try after.next()
            case let (old?, new) where new == nil || old.id < new!.id:
                summary.oldCount += 1
                summary.disappeared += 1
                try report(.disappeared, old)
                left = try before.next()
            case let (_, new?):
                summary.newCount += 1
                summary.appeared += 1
                try report(.appeared, new)
                right = try after.next()
            default:
                break
            }
        }
        return summary
    }
}
