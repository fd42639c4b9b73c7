import Foundation
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import XFollows
import XSandbox

/// x-sandbox with `--state DIR`, killed with SIGKILL while xfollows exports from it, then
/// started again on the same directory and port: the export finishes exact, the token issued
/// before the kill still works, and the cap and the bill carry over.
///
/// Two processes and a 10,000-user export in small pages; the kill waits up to two minutes.
@Suite("xfollows end to end: x-sandbox killed and restarted on its state", .timeLimit(.minutes(5)))
struct SandboxRestartEndToEndTests {
    @Test("SIGKILL mid-export, restart on --state: every follower once, the same token, the cap and the bill kept")
    func killedMidExport() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("x-sandbox-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let arguments = ["--state", state.path, "--rate-limit", "usersIdFollowers=100000/900"]
        let sandbox = try await Sandbox(limits: true, arguments: arguments)
        let port = try #require(sandbox.url.port)
        let workspace = try Workspace(sandbox: sandbox)

        // Before the kill: a follow (counted under the daily cap) and a new App-only token.
        #expect(try await workspace.run(["follow", "@tenk_club"], environment: sandbox.oauth1Environment(0)).status == 0)
        let basic = "Basic " + Data("\(sandbox.apiKey):\(sandbox.apiSecret)".utf8).base64EncodedString()
        _ = try await Self.post(sandbox.url, "oauth2/invalidate_token", form: "access_token=\(sandbox.bearerToken)", authorization: basic)
        let issued = try await Self.post(sandbox.url, "oauth2/token", form: "grant_type=client_credentials", authorization: basic)
        let token = try #require((try JSONSerialization.jsonObject(with: issued) as? [String: Any])?["access_token"] as? String)
        #expect(token != sandbox.bearerToken)

        let output = workspace.file("followers.jsonl")
        let checkpoint = workspace.file("followers.jsonl.xfollows-checkpoint")
        let exportArguments = ["followers", "@tenk_club", "-o", output.path, "--page-size", "25", "--fields", "public_metrics", "--yes"]
        let export = try workspace.start(exportArguments, environment: ["BEARER_TOKEN": token])
        let killedAt = CheckpointKiller.killWhen(checkpoint, reaches: 2000, process: sandbox.process)
        try await sandbox.process.wait(for: "the kill", timeout: .seconds(120)) { !sandbox.process.isRunning }
        #expect(killedAt.current >= 2000 && killedAt.current < 10_000, "the sandbox was not killed mid-export: \(export.standardError)")
        #expect(try await sandbox.process.exitStatus() == 128 + SIGKILL)

        let restarted = try await Sandbox(limits: true, arguments: arguments, port: port)
        // xfollows either came through the outage by itself or stopped; then it resumes.
        let status = try await export.exitStatus(timeout: .seconds(180))
        if status != 0 {
            let resumed = try await workspace.run(exportArguments + ["--resume"], environment: ["BEARER_TOKEN": token])
            #expect(resumed.status == 0, "\(resumed.errors)")
        }
        let ids = try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map { line in
            try XAPIJSON.makeDecoder().decode(User.self, from: Data(line.utf8)).id
        }
        let expected = try await restarted.followers(of: SandboxAccounts.tenThousandClub, fields: []).map(\.id)
        #expect(expected.count >= 10_000 && expected.contains(SandboxAccounts.alice))
        #expect(ids == expected)

        // The bill kept what was charged before the kill: each follower charged exactly once today
        // by the export, but Alice, whom `xfollows follow` had already read (and X charges a user
        // once a day). A bill lost at the kill would miss thousands.
        let bill = try await restarted.bill()
        let charged = bill.apps[0].charges.filter { $0.operationID == "usersIdFollowers" }.reduce(0) { $0 + $1.chargedUnits }
        #expect(charged == expected.count - 1)
        // The cap kept the follow made before the kill.
        let (data, _) = try await URLSession.shared.data(from: restarted.url.appendingPathComponent("_sandbox/state"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let caps = try #require(object["daily_caps"] as? [[String: Any]])
        #expect(caps.contains { $0["operation_id"] as? String == "usersIdFollow" && $0["subject"] as? String == SandboxAccounts.alice
            && $0["used"] as? Int == 1 }, "\(caps)")
    }

    /// POSTs a form and answers the body.
    static func post(_ base: URL, _ path: String, form: String, authorization: String) async throws -> Data {
        var request = URLRequest(url: base.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue(authorization, forHTTPHeaderField: "Authorization")
        request.httpBody = Data(form.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw RunningProcess.Failure(description: "POST /\(path) answered \(String(decoding: data, as: UTF8.self))")
        }
        return data
    }
}
