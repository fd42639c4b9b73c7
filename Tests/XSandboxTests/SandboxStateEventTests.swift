import Foundation
import Testing
import XFollows
@testable import XSandbox

/// The journal of `--state DIR`: its lines, their errors, and compaction.
@Suite("Kept state: journal lines and compaction")
struct SandboxStateEventTests {
    let now = Date(timeIntervalSince1970: 1_750_000_000)

    @Test("Compaction keeps what replays to the same state, in order")
    func compaction() {
        let old = now.addingTimeInterval(-90_000)
        let events: [SandboxStateEvent] = [
            .follow(source: 1, target: 2),
            .requestFollow(source: 3, target: 4),
            .unfollow(source: 1, target: 2),
            .capAction(operationID: "usersIdFollow", scope: .user, subject: "1", at: old),
            .capAction(operationID: "usersIdFollow", scope: .user, subject: "1", at: now),
            .window(operationID: "usersIdFollowers", scope: .app, subject: "k", start: now, count: 1),
            .follow(source: 1, target: 2),
            .approve(source: 3, target: 4),
            .window(operationID: "usersIdFollowers", scope: .app, subject: "k", start: now, count: 2),
            .charge(app: "k", operationID: "usersIdFollowers", resourceIDs: ["5"], ownedRead: false, at: old),
            .grant(id: 1, clientID: "c", userID: "1", scopes: ["offline.access"]),
            .tokens(grant: 1, accessToken: "a1", expiresAt: now.addingTimeInterval(-1), refreshToken: "r1"),
            .refreshUsed(token: "r1"),
            .tokens(grant: 1, accessToken: "a2", expiresAt: now.addingTimeInterval(60), refreshToken: "r2"),
            .grant(id: 2, clientID: "c", userID: "1", scopes: []),
            .tokens(grant: 2, accessToken: "b1", expiresAt: now.addingTimeInterval(60), refreshToken: nil),
            .revoke(grant: 2),
            .appBearerToken(nil),
            .appBearerToken("new"),
        ]
        #expect(SandboxStateEvent.compacted(events, at: now) == [
            .requestFollow(source: 3, target: 4),
            .capAction(operationID: "usersIdFollow", scope: .user, subject: "1", at: now),
            .follow(source: 1, target: 2),
            .approve(source: 3, target: 4),
            .window(operationID: "usersIdFollowers", scope: .app, subject: "k", start: now, count: 2),
            .charge(app: "k", operationID: "usersIdFollowers", resourceIDs: ["5"], ownedRead: false, at: old),
            .grant(id: 1, clientID: "c", userID: "1", scopes: ["offline.access"]),
            .tokens(grant: 1, accessToken: "a2", expiresAt: now.addingTimeInterval(60), refreshToken: "r2"),
            .appBearerToken("new"),
        ])
    }

    @Test("Lines round-trip; a bad line and a cut-short last line are named")
    func lines() throws {
        let events: [SandboxStateEvent] = [.follow(source: 1, target: 2), .credits(app: "k", amount: USD("1.50")!),
                                           .capAction(operationID: "usersIdFollow", scope: .app, subject: "k", at: now)]
        let data = SandboxStateCodec.encode(events)
        #expect(try SandboxStateCodec.decode(lines: data, file: "j") == events)
        #expect(throws: SandboxStateError(file: "j", line: 4, problem: "the last line is cut short (4 bytes with no newline): a write "
            + "was interrupted and its request never answered. To keep the rest, drop it: truncate -s \(data.count) j")) {
            try SandboxStateCodec.decode(lines: data + Data("{\"fo".utf8) + Data(), file: "j")
        }
        do throws(SandboxStateError) {
            _ = try SandboxStateCodec.decode(lines: Data("{\"follow\":{\"source\":1}}\n".utf8) + data, file: "j")
            Issue.record("a record without its target was read")
        } catch {
            #expect(error.line == 1 && error.problem.contains("target"), "\(error)")
        }
    }
}
