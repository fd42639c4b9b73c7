import Foundation
import Testing
import XAPIRuntime

/// The public file helpers other modules (the xfollows CLI) store credentials and checkpoints
/// with: whole-file replacement readable only by the owner, and a cross-process lock.
@Suite("Atomic files and file locks", .timeLimit(.minutes(3)))
struct AtomicFileTests {
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("xapi-atomic-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("A replaced file holds the new bytes, only the owner can read it, and no temporary file is left")
    func replaceIsPrivateAndClean() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("credentials.json")
        _ = FileManager.default.createFile(atPath: file.path, contents: Data("old".utf8),
                                       attributes: [.posixPermissions: 0o644])
        try AtomicFile.write(Data("new".utf8), to: file)
        #expect(try Data(contentsOf: file) == Data("new".utf8))
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber)
        #expect(mode.intValue & 0o777 == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["credentials.json"])
    }

    @Test("A write into a missing directory fails with the path and leaves nothing")
    func failureNamesThePath() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("missing/state.json")
        let error = #expect(throws: DailyCapStoreError.self) { try AtomicFile.write(Data("x".utf8), to: file) }
        #expect(error?.description.contains(directory.appendingPathComponent("missing").path) == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test("Leftover temporary files of a crashed writer are removed, other files are not")
    func leftoversRemoved() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("state.json")
        _ = FileManager.default.createFile(atPath: directory.appendingPathComponent(".state.json.tmp-1-2").path, contents: Data())
        _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("other.json").path, contents: Data())
        AtomicFile.removeTemporaryFiles(for: file)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["other.json"])
    }

    @Test("Read-modify-write under the lock loses no update across threads")
    func lockSerializes() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("count")
        let lock = directory.appendingPathComponent("count.lock")
        try AtomicFile.write(Data("0".utf8), to: file)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<40 {
                group.addTask {
                    try? FileLock.withExclusiveLock(at: lock) {
                        let count = Int(String(decoding: try Data(contentsOf: file), as: UTF8.self)) ?? -1000
                        try AtomicFile.write(Data(String(count + 1).utf8), to: file)
                    }
                }
            }
        }
        #expect(String(decoding: try Data(contentsOf: file), as: UTF8.self) == "40")
    }
}
