import ArgumentParser
import Foundation

/// How exported users are written: JSON Lines (one user object per line, as the API returns
/// it) or CSV (a header, then one row per user).
public enum ExportFormat: String, Sendable, Hashable, Codable, CaseIterable, ExpressibleByArgument {
    /// One JSON object per line.
    case jsonl
    /// Comma-separated values with a header row (RFC 4180).
    case csv

    /// The format a file's extension names: `.csv` is CSV, anything else JSON Lines.
    public static func inferred(from url: URL?) -> ExportFormat {
        url?.pathExtension.lowercased() == "csv" ? .csv : .jsonl
    }
}
