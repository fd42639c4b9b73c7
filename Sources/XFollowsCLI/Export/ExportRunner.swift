import Foundation
import XFollows

/// Runs an export: pages through the list with the generated client and streams each page to
/// the output as soon as it arrives (one page in memory at a time, however long the list),
/// checkpointing a file after every page so `--resume` continues where it stopped.
///
/// ```swift
/// let runner = ExportRunner(job: job, server: context.server, clock: Date.init)
/// let start = try runner.prepare(resume: false, force: false)
/// let result = try await runner.run(client: client, from: start, output: context.output, progress: progress)
/// ```
public struct ExportRunner: Sendable {
    /// The export.
    public let job: ExportJob
    /// The server, recorded in the checkpoint.
    public let server: ServerTarget
    /// The clock for the checkpoint's times.
    public let now: @Sendable () -> Date

    /// A runner for `job`.
    public init(job: ExportJob, server: ServerTarget, now: @escaping @Sendable () -> Date = Date.init) {
        self.job = job
        self.server = server
        self.now = now
    }

    /// Where a run starts: the first page, or an earlier run's checkpoint.
    public struct Start: Sendable {
        /// The checkpoint to continue from (a file export), or `nil` for standard output.
        public var checkpoint: ExportCheckpoint?
        /// Whether an earlier run is continued.
        public var resumed: Bool

        /// Whether this run walks the list again from its first page, writing only users the
        /// file does not hold yet (the checkpoint says so).
        public var isRewalk: Bool { checkpoint?.rewalk == true }
    }

    /// Where a walk again from the first page starts: the checkpoint, its page token dropped
    /// (the server refused it), marked so users already in the file are not written twice.
    public func rewalk(from checkpoint: ExportCheckpoint) throws -> Start {
        guard case .file(let url) = job.destination else { throw CLIFailure.usage("Only an export to a file can be walked again.") }
        var restarted = checkpoint
        restarted.nextToken = nil
        restarted.pages = 0
        restarted.rewalk = true
        restarted.updatedAt = now()
        try restarted.save(for: url)
        return Start(checkpoint: restarted, resumed: true)
    }

    /// The IDs of the users the file holds up to its checkpoint.
    ///
    /// - Throws: ``CLIFailure`` naming a record that does not read.
    public static func userIDs(in url: URL, format: ExportFormat, checkpoint: ExportCheckpoint) throws -> Set<String> {
        let reader = try ExportReader(url: url, format: format)
        var ids: Set<String> = []
        ids.reserveCapacity(checkpoint.userCount)
        while let record = try reader.next(), ids.count < checkpoint.userCount {
            ids.insert(String(record.id))
        }
        return ids
    }

    /// Decides where to start, and refuses what would lose or mix data: a file that exists
    /// (without `force`), an unfinished export not resumed, a checkpoint of another export.
    ///
    /// - Throws: ``CLIFailure`` saying what to pass instead.
    public func prepare(resume: Bool, force: Bool) throws -> Start {
        guard case .file(let url) = job.destination else {
            if resume { throw CLIFailure.usage("--resume needs --output FILE: an export to standard output cannot be resumed.") }
            return Start(checkpoint: nil, resumed: false)
        }
        let existing = try ExportCheckpoint.load(for: url)
        if resume {
            guard let existing else {
                throw CLIFailure.failure("Nothing to resume: there is no checkpoint beside \(url.path) (the export finished, "
                    + "or never started). Run without --resume to export again.")
            }
            try check(existing, file: url)
            return Start(checkpoint: existing, resumed: true)
        }
        if let existing, !force {
            throw CLIFailure.usage("\(url.path) holds an unfinished export (\(Formatting.count(existing.userCount)) "
                + "\(existing.relation.phrase(for: existing.account))); pass --resume to continue it, or --force to start over.")
        }
        if existing == nil, FileManager.default.fileExists(atPath: url.path), !force {
            throw CLIFailure.usage("\(url.path) exists; pass --force to replace it.")
        }
        let started = now()
        let fresh = ExportCheckpoint(
            server: server.description, relation: job.relation, account: job.account, format: job.format,
            fields: job.selection.names, pageSize: job.pageSize, nextToken: nil, pages: 0, userCount: 0, byteCount: 0,
            total: job.total, startedAt: started, updatedAt: started)
        return Start(checkpoint: fresh, resumed: false)
    }

    private func check(_ checkpoint: ExportCheckpoint, file: URL) throws {
        var differences: [String] = []
        if checkpoint.server != server.description { differences.append("server \(checkpoint.server)") }
        if checkpoint.relation != job.relation || checkpoint.account.id != job.account.id {
            differences.append(checkpoint.relation.phrase(for: checkpoint.account))
        }
        if checkpoint.format != job.format { differences.append("format \(checkpoint.format.rawValue)") }
        if checkpoint.fields != job.selection.names { differences.append("--fields \(checkpoint.fields.joined(separator: ","))") }
        guard differences.isEmpty else {
            throw CLIFailure.usage("The checkpoint beside \(file.path) is for another export (\(differences.joined(separator: ", "))); "
                + "resume it with the same arguments, or start over with --force.")
        }
    }

    /// Pages through the list from `start`, writing each page and (for a file) checkpointing
    /// it, until the last page. Cancellation (Ctrl-C) stops before the next page; what was
    /// checkpointed stays valid. With a `budget`, each page asks for no more users than the
    /// rest of it buys, and the walk stops (``CLIFailure``, exit 3) before one it cannot pay for.
    /// A walk again (``Start/isRewalk``) writes only users the file does not hold yet.
    ///
    /// - Throws: The client's errors and ``CLIFailure``; `CancellationError` when cancelled.
    public func run<Context>(
        client: XAPIClient<Context>, from start: Start, output: TextOutput, progress: CountProgress?,
        budget: RunBudget? = nil
    ) async throws -> ExportJob.Result {
        // First: a selection the format cannot write stops the export before any byte is.
        let encoder = try job.format.encoder(for: job.selection)
        var checkpoint = start.checkpoint
        var file: ExportFile?
        if case .file(let url) = job.destination, let current = checkpoint {
            if current.isComplete {
                ExportCheckpoint.remove(for: url)
                return ExportJob.Result(userCount: current.userCount, writtenNow: 0, pagesNow: 0, resumed: true)
            }
            if current.pages == 0 && current.byteCount == 0 {
                let opened = try ExportFile.create(at: url)
                try opened.append(encoder.header())
                try opened.sync()
                checkpoint?.byteCount = opened.length
                try checkpoint?.save(for: url)
                file = opened
            } else {
                file = try ExportFile.reopen(at: url, keeping: current.byteCount)
            }
        } else {
            output.write(encoder.header())
        }

        var seen: Set<String>?
        if start.isRewalk, case .file(let url) = job.destination, let current = checkpoint {
            seen = try Self.userIDs(in: url, format: job.format, checkpoint: current)
        }
        var count = checkpoint?.userCount ?? 0
        var writtenNow = 0
        var pagesNow = 0
        var chargedUsers = 0
        let fields = job.selection.requested
        let requestedSize = checkpoint?.pageSize ?? job.pageSize
        let pages = job.relation.pages(client, of: job.account.id, pageSize: {
            try await budget?.pageSize(upTo: requestedSize) ?? requestedSize
        }, fields: fields, startingAt: checkpoint?.nextToken)
        for try await page in pages {
            chargedUsers += page.charge?.chargedUnits ?? 0
            var users = page.body.items
            if seen != nil { users = users.filter { seen!.insert($0.id).inserted } }
            let data = try encoder.encode(users)
            count += users.count
            writtenNow += users.count
            pagesNow += 1
            if let file, case .file(let url) = job.destination, var current = checkpoint {
                try file.append(data)
                try file.sync()
                current.nextToken = page.body.nextToken
                current.pages += 1
                current.userCount = count
                current.byteCount = file.length
                current.updatedAt = now()
                try current.save(for: url)
                checkpoint = current
            } else {
                output.write(data)
            }
            progress?.record(count: count, spent: await client.configuration.spending.lifetimeSpent)
        }
        if case .file(let url) = job.destination {
            ExportCheckpoint.remove(for: url)
        }
        return ExportJob.Result(userCount: count, writtenNow: writtenNow, pagesNow: pagesNow, resumed: start.resumed,
                                charged: await client.configuration.spending.lifetimeSpent, chargedUsers: chargedUsers)
    }
}
