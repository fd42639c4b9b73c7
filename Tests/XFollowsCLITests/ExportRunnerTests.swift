import Foundation
import Testing
import XFollows
@testable import XFollowsCLI

@Suite("Exports: streaming, checkpoints, resuming exactly once", .timeLimit(.minutes(3)))
struct ExportRunnerTests {
    static let target = SandboxX.Account(id: "2244994945", username: "XDevelopers")
    static let me = SandboxX.Account(id: "42", username: "alice")

    func job(_ output: URL?, format: ExportFormat = .jsonl, pageSize: Int = 100, fields: FieldSelection = FieldSelection([])) -> ExportJob {
        ExportJob(relation: .followers, account: Account(id: Self.target.id, username: Self.target.username), total: 2500,
                  selection: fields, format: format, pageSize: pageSize,
                  destination: output.map(ExportJob.Destination.file) ?? .standardOutput)
    }

    func client(_ x: SandboxX, _ environment: TestEnvironment) -> AppOnlyClient {
        var configuration = environment.context(x).configuration()
        configuration.retryPolicy = RetryPolicy(maximumAttempts: 1)
        return AppOnlyClient(credentials: x.bearer, configuration: configuration)
    }

    func runner(_ job: ExportJob, _ x: SandboxX) -> ExportRunner {
        ExportRunner(job: job, server: try! ServerTarget(parsing: x.server.baseURL.absoluteString))
    }

    func ids(in url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            try #require(JSONMembers.parse(Array(line.utf8))["id"]?.text)
        }
    }

    @Test("A crash after some pages, then --resume: every user exactly once, in order, a torn page cut off")
    func resumeAfterCrash() async throws {
        let environment = try TestEnvironment()
        let fake = try await SandboxX.withFollowers(2500, of: Self.target, me: Self.me)
        defer { Task { await fake.shutdown() } }
        let file = environment.file("followers.jsonl")
        let runner = runner(job(file), fake)
        fake.setFailAt(7)   // the 8th request dies: 7 pages are written
        await #expect(throws: XAPIError.self) {
            try await runner.run(client: client(fake, environment), from: try runner.prepare(resume: false, force: false),
                                 output: environment.output.output, progress: nil)
        }
        let checkpoint = try #require(try ExportCheckpoint.load(for: file))
        #expect(checkpoint.pages == 7 && checkpoint.userCount == 700 && (checkpoint.nextToken?.count ?? 0) >= 16)
        // Half a page written after the checkpoint, as a process killed mid-write leaves it.
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"id":"1000700","name":"torn"#.utf8))
        try handle.close()

        fake.setFailAt(nil)
        let start = try runner.prepare(resume: true, force: false)
        #expect(start.resumed)
        let result = try await runner.run(client: client(fake, environment), from: start, output: environment.output.output, progress: nil)
        #expect(result.userCount == 2500 && result.writtenNow == 1800 && result.resumed)
        #expect(try ids(in: file) == (0..<2500).map { String(1_000_000 + $0) })
        #expect(try ExportCheckpoint.load(for: file) == nil)
        // Seven pages before the failure, the failed one, and the 18 left.
        let followerRequests: Int = fake.requests.filter { $0.contains("/followers") }.count
        #expect(followerRequests == 26)
    }

    @Test("What would lose or mix data is refused, saying which flag to pass")
    func refusals() async throws {
        let environment = try TestEnvironment()
        let file = environment.file("out.csv")
        _ = FileManager.default.createFile(atPath: file.path, contents: Data("keep me".utf8))
        let fake = try await SandboxX.withFollowers(300, of: Self.target, me: Self.me)
        defer { Task { await fake.shutdown() } }
        let runner = runner(job(file, format: .csv), fake)
        let exists = #expect(throws: CLIFailure.self) { try runner.prepare(resume: false, force: false) }
        #expect(exists?.message.contains("--force") == true)
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me")
        let nothing = #expect(throws: CLIFailure.self) { try runner.prepare(resume: true, force: false) }
        #expect(nothing?.message.contains("Nothing to resume") == true)

        // An unfinished export of another format is not resumed as this one.
        fake.setFailAt(1)
        let other = self.runner(job(file, format: .jsonl), fake)
        await #expect(throws: XAPIError.self) {
            try await other.run(client: client(fake, environment), from: try other.prepare(resume: false, force: true),
                                output: environment.output.output, progress: nil)
        }
        let mixed = #expect(throws: CLIFailure.self) { try runner.prepare(resume: true, force: false) }
        #expect(mixed?.message.contains("format jsonl") == true)
        let unfinished = #expect(throws: CLIFailure.self) { try other.prepare(resume: false, force: false) }
        #expect(unfinished?.message.contains("--resume") == true)
    }

    @Test("CSV to a file starts with the header once, however often it is resumed")
    func csvHeaderOnce() async throws {
        let environment = try TestEnvironment()
        let fake = try await SandboxX.withFollowers(250, of: Self.target, me: Self.me)
        defer { Task { await fake.shutdown() } }
        let file = environment.file("out.csv")
        let runner = runner(job(file, format: .csv, pageSize: 100, fields: try FieldSelection(parsing: "protected")), fake)
        fake.setFailAt(1)
        _ = try? await runner.run(client: client(fake, environment), from: try runner.prepare(resume: false, force: false),
                                  output: environment.output.output, progress: nil)
        fake.setFailAt(nil)
        _ = try await runner.run(client: client(fake, environment), from: try runner.prepare(resume: true, force: false),
                                 output: environment.output.output, progress: nil)
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 251)
        #expect(lines[0] == "id,username,name,protected")
        #expect(lines[1] == "1000000,person_0,Name person_0,false")
    }

    @Test("To standard output: streamed, nothing left on disk")
    func standardOutput() async throws {
        let environment = try TestEnvironment()
        let fake = try await SandboxX.withFollowers(150, of: Self.target, me: Self.me)
        defer { Task { await fake.shutdown() } }
        let runner = runner(job(nil), fake)
        let result = try await runner.run(client: client(fake, environment), from: try runner.prepare(resume: false, force: false),
                                          output: environment.output.output, progress: nil)
        #expect(result.userCount == 150)
        #expect(environment.output.text().split(separator: "\n").count == 150)
        #expect(#expect(throws: CLIFailure.self) { try runner.prepare(resume: true, force: false) }?.message.contains("--output") == true)
    }
}
