import Foundation
import Testing
import XFollows
import XSandbox

/// What a person sees on a terminal: xfollows run under a pseudo-terminal (Python's `pty`,
/// standing in for the person's terminal), its raw output inspected.
@Suite("xfollows end to end: on a terminal", .timeLimit(.minutes(3)))
struct TerminalEndToEndTests {
    /// Runs xfollows on a pseudo-terminal of 100 columns; sends SIGINT once `interruptOn`
    /// appears, and types `answer.reply` (and Return) once `answer.on` appears. Returns the
    /// exit status and every byte the terminal received.
    static func runOnTerminal(_ arguments: [String], workspace: Workspace, environment: [String: String],
                              interruptOn: String? = nil, answer: (on: String, reply: String)? = nil) async throws -> (status: Int32, screen: String) {
        let script = """
            import os, pty, signal, struct, sys, fcntl, termios, time
            trigger = sys.argv[2].encode() if sys.argv[2] else None
            question = sys.argv[3].encode() if sys.argv[3] else None
            reply = sys.argv[4].encode() + b'\\n'
            answered = False
            pid, fd = pty.fork()
            if pid == 0:
                os.execv(sys.argv[5], sys.argv[5:])
            fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 100, 0, 0))
            data, sent, deadline = b'', False, time.time() + 240
            while time.time() < deadline:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                data += chunk
                if question and not answered and question in data:
                    os.write(fd, reply)
                    answered = True
                if trigger and not sent and trigger in data:
                    os.kill(pid, signal.SIGINT)
                    sent = True
            _, status = os.waitpid(pid, 0)
            open(sys.argv[1], 'wb').write(data)
            print(os.waitstatus_to_exitcode(status))
            """
        let screenFile = workspace.file("screen-\(UUID().uuidString)")
        let executable = try RunningProcess.executable("xfollows").path
        let process = try RunningProcess("/usr/bin/env", ["python3", "-c", script, screenFile.path, interruptOn ?? "",
                                                          answer?.on ?? "", answer?.reply ?? "", executable] + arguments,
                                         environment: workspace.environment.merging(environment) { $1 }, directory: workspace.directory)
        process.closeInput()
        #expect(try await process.exitStatus(timeout: .seconds(300)) == 0, "\(process.standardError)")
        let status = Int32(process.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        return (status, String(decoding: try Data(contentsOf: screenFile), as: UTF8.self))
    }

    @Test("The progress line counts up in place, then gives way to one clean final line")
    func progressLine() async throws {
        let sandbox = try await Sandbox()
        let workspace = try Workspace(sandbox: sandbox)
        let (status, screen) = try await Self.runOnTerminal(["followers", "@tenk_club", "-o", "followers.csv", "--page-size", "500", "--yes"],
                                                       workspace: workspace, environment: ["BEARER_TOKEN": sandbox.bearerToken])
        #expect(status == 0)
        let frames = screen.components(separatedBy: "\r").filter { !$0.isEmpty }
        #expect(frames.contains { $0.hasPrefix("followers of @tenk_club: 5,000 of 10,000 (50%) · $50.01 · ") && $0.hasSuffix("users/s\u{1B}[K") })
        #expect(frames.contains { $0.hasPrefix("followers of @tenk_club: 10,000 of 10,000 (100%)") })
        #expect(frames.filter { $0.hasPrefix("followers of") }.allSatisfy { $0.replacingOccurrences(of: "\u{1B}[K", with: "").count < 100 })
        // The end: the line erased, one final line, nothing after it.
        let ending = try #require(screen.range(of: "\r\u{1B}[KWrote 10,000 followers of @tenk_club to followers.csv (", options: .backwards))
        let tail = String(screen[ending.upperBound...])
        #expect(tail.hasSuffix(" users/s); this run spent $100.01: 10,000 users charged.\r\n") && !tail.contains("\r\u{1B}")
                    && tail.filter(\.isNewline).count == 1,
                "\(tail.debugDescription)")
    }

    @Test("Waiting out a 429 counts down; Ctrl-C then stops cleanly, checkpointed, and says how to resume")
    func countdownAndInterrupt() async throws {
        // X's 2023 window (15 lookups per 15 minutes), so the 16th request meets a 429.
        let sandbox = try await Sandbox(limits: true, arguments: ["--rate-limit", "usersIdFollowers=15/900"])
        let workspace = try Workspace(sandbox: sandbox)
        let (status, screen) = try await Self.runOnTerminal(
            ["followers", "@tenk_club", "-o", "followers.jsonl", "--page-size", "100", "--yes"], workspace: workspace,
            environment: ["BEARER_TOKEN": sandbox.bearerToken], interruptOn: "rate limited, resuming at")
        #expect(status == 130)
        #expect(screen.contains("followers of @tenk_club: 1,500 of 10,000 (15%) · $15.01 · rate limited, resuming at "))
        let message = try #require(screen.components(separatedBy: "\r\u{1B}[K").last)
        #expect(message.hasPrefix("xfollows: Interrupted; run the same command with --resume to continue. "
            + "1,500 of 10,000 followers of @tenk_club are in followers.jsonl; this run spent $15.01."), "\(message)")
        let lines = try String(contentsOf: workspace.file("followers.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1500)
        #expect(FileManager.default.fileExists(atPath: workspace.file("followers.jsonl.xfollows-checkpoint").path))
    }

    @Test("--verbose logs method, path, status and the rate limits, and no secret")
    func verbose() async throws {
        // X's 2023 window (15 lookups per 15 minutes), so the 16th request meets a 429.
        let sandbox = try await Sandbox(limits: true, arguments: ["--rate-limit", "usersIdFollowers=15/900"])
        let workspace = try Workspace(sandbox: sandbox)
        let alice = sandbox.oauth1Environment(0)
        let run = try await workspace.run(["followers", "@tenk_club", "-o", "f.jsonl", "--verbose", "--yes"], environment: alice)
        #expect(run.status == 0)
        let lines = run.errors.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("xfollows: GET /2/users/by/username/tenk_club?user.fields=public_metrics → 200") })
        #expect(lines.filter { $0.hasPrefix("xfollows: GET /2/users/\(SandboxAccounts.tenThousandClub)/followers?") && $0.hasSuffix("→ 200") }.count == 10)
        #expect(lines.contains { $0.contains("rate limit 5/15 left, resets ") })
        for secret in [alice["API_SECRET"]!, alice["ACCESS_TOKEN"]!, alice["ACCESS_TOKEN_SECRET"]!] {
            #expect(!run.errors.contains(secret))
        }
        let bearer = try await workspace.run(["followers", "@sandbox_bob", "--verbose"], environment: ["BEARER_TOKEN": sandbox.bearerToken])
        #expect(bearer.status == 0 && bearer.errors.contains("/followers?") && !bearer.errors.contains(sandbox.bearerToken))
    }
}
