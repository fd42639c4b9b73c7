import Foundation

/// Writes generated files into a directory, atomically and only when they
/// changed, or compares them with what the directory holds.
///
/// Every file is first written to a temporary file beside its destination;
/// only when all of them are written are they moved into place. A failure
/// before that point removes the temporary files and leaves the directory as
/// it was.
public struct OutputWriter: Sendable {
    /// What happened to one file.
    public enum Outcome: String, Sendable, Hashable {
        case created, updated, unchanged
    }

    /// The directory the files go in.
    public var directory: URL

    /// Creates a writer for `directory`.
    public init(directory: URL) {
        self.directory = directory
    }

    /// Writes the files that differ from what is on disk.
    @discardableResult
    public func write(_ files: [GeneratedFile]) throws -> [(name: GeneratedFile.Name, outcome: Outcome)] {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        var outcomes: [(GeneratedFile.Name, Outcome)] = []
        var staged: [(temporary: URL, destination: URL)] = []
        do {
            for file in files {
                let destination = directory.appendingPathComponent(file.name.rawValue)
                let data = Data(file.contents.utf8)
                if let existing = try? Data(contentsOf: destination) {
                    if existing == data {
                        outcomes.append((file.name, .unchanged))
                        continue
                    }
                    outcomes.append((file.name, .updated))
                } else {
                    outcomes.append((file.name, .created))
                }
                let temporary = directory.appendingPathComponent(".\(file.name.rawValue).\(UUID().uuidString).tmp")
                try data.write(to: temporary)
                staged.append((temporary, destination))
            }
        } catch {
            for entry in staged { try? manager.removeItem(at: entry.temporary) }
            throw error
        }
        for entry in staged {
            // rename(2) replaces the destination in one step.
            if rename(entry.temporary.path, entry.destination.path) != 0 {
                let code = errno
                for remaining in staged { try? manager.removeItem(at: remaining.temporary) }
                throw CocoaError(.fileWriteUnknown, userInfo: [
                    NSFilePathErrorKey: entry.destination.path,
                    NSLocalizedDescriptionKey: "cannot move \(entry.destination.lastPathComponent) into place: \(String(cString: strerror(code)))",
                ])
            }
        }
        return outcomes
    }

    /// The files whose contents on disk differ from `files`, with a diff each.
    public func staleFiles(comparedWith files: [GeneratedFile]) -> [(name: GeneratedFile.Name, diff: UnifiedDiff)] {
        files.compactMap { file in
            let destination = directory.appendingPathComponent(file.name.rawValue)
            let existing = (try? String(contentsOf: destination, encoding: .utf8)) ?? ""
            let diff = UnifiedDiff(
                old: existing,
                new: file.contents,
                oldName: "a/\(file.name.rawValue) (on disk)",
                newName: "b/\(file.name.rawValue) (generated)"
            )
            return diff.isEmpty ? nil : (file.name, diff)
        }
    }
}
