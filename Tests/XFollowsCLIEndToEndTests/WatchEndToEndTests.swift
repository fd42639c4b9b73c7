import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import XFollows
import XSandbox

/// `xfollows watch` as a person runs it, against an `x-sandbox` process that drops each
/// activity stream after two events: the follows and unfollows other `xfollows` processes make
/// are printed exactly, in order, once each.
@Suite("xfollows watch, as processes", .timeLimit(.minutes(5)))
struct WatchEndToEndTests {
    @Test("watch prints exactly the follows and unfollows another process makes, across forced disconnections")
    func watchAcrossDisconnections() async throws {
        let sandbox = try await Sandbox(arguments: ["--drop-stream-every", "2", "--keep-alive", "0.2"])
        let workspace = try Workspace(sandbox: sandbox)
        let watcher = try workspace.start(["watch", "@sandbox_alice", "--json"], environment: ["BEARER_TOKEN": sandbox.bearerToken])
        try await watcher.wait(for: "the watch to start") { watcher.standardError.contains("Watching @sandbox_alice") }

        // Bob and Carol each toggle twice: five changes, the stream dropped after every second one.
        var expected: [(type: String, source: String)] = []
        for (index, user) in [(1, SandboxAccounts.bob), (2, SandboxAccounts.carol)] {
            var following = try await sandbox.following(of: user).contains(SandboxAccounts.alice)
            for _ in 0..<(index == 1 ? 3 : 2) {
                let command = following ? "unfollow" : "follow"
                let run = try await workspace.run([command, "@sandbox_alice", "--yes", "--restart"], environment: sandbox.oauth1Environment(index))
                #expect(run.status == 0, "\(run.errors)")
                expected.append((following ? "follow.unfollow" : "follow.follow", user))
                following.toggle()
            }
        }
        try await watcher.wait(for: "\(expected.count) events") { lines(watcher.standardOutput).count >= expected.count }
        try await Task.sleep(for: .milliseconds(500))   // anything doubled would arrive now
        watcher.signal(SIGINT)
        #expect(try await watcher.exitStatus(timeout: .seconds(30)) == 0)

        let printed = try lines(watcher.standardOutput).map { line -> (String, String, String) in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let source = try #require(object["source"] as? [String: Any])
            let target = try #require(object["target"] as? [String: Any])
            return (try #require(object["event"] as? String), try #require(source["id"] as? String), try #require(target["id"] as? String))
        }
        #expect(printed.map(\.0) == expected.map(\.type))
        #expect(printed.map(\.1) == expected.map(\.source))
        #expect(printed.allSatisfy { $0.2 == SandboxAccounts.alice })
        #expect(watcher.standardError.contains("reconnecting"))
        // Five events at $0.010 and the lookup of @sandbox_alice at $0.010.
        let follows = expected.filter { $0.type == "follow.follow" }.count
        let tally = "\(follows) follow\(follows == 1 ? "" : "s") and \(5 - follows) unfollow\(5 - follows == 1 ? "" : "s")"
        #expect(watcher.standardError.contains("\(tally); this run spent $0.06."), "\(watcher.standardError)")

        let bill = try await sandbox.bill()
        let events = bill.apps[0].charges.filter { $0.operationID == OperationDescriptor.activityStream.id }
        #expect(events.count == expected.count)
    }

    @Test("watch --webhook answers the sandbox's challenge-response check and prints each signed delivery")
    func watchThroughAWebhook() async throws {
        let sandbox = try await Sandbox()
        let workspace = try Workspace(sandbox: sandbox)
        let port = try freePort()
        let watcher = try workspace.start(["watch", "@sandbox_alice", "--webhook", "http://127.0.0.1:\(port)/webhooks/x"],
                                          environment: ["BEARER_TOKEN": sandbox.bearerToken, "API_SECRET": sandbox.apiSecret])
        try await watcher.wait(for: "the webhook watch to start") { watcher.standardError.contains(" at webhook ") }
        let following = try await sandbox.following(of: SandboxAccounts.carol).contains(SandboxAccounts.alice)
        let run = try await workspace.run([following ? "unfollow" : "follow", "@sandbox_alice", "--yes"], environment: sandbox.oauth1Environment(2))
        #expect(run.status == 0, "\(run.errors)")
        try await watcher.wait(for: "the delivery") { !lines(watcher.standardOutput).isEmpty }
        watcher.signal(SIGINT)
        #expect(try await watcher.exitStatus(timeout: .seconds(30)) == 0)
        let verb = following ? "unfollowed" : "followed"
        #expect(lines(watcher.standardOutput) == ["\(following ? "-" : "+") @sandbox_carol (\(SandboxAccounts.carol)) \(verb) @sandbox_alice (\(SandboxAccounts.alice))"])
    }
}

/// The non-empty lines of `text`.
private func lines(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
}

/// A port nothing listens on now.
private func freePort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
    }
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}
