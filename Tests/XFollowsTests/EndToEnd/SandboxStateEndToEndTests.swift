import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import XFollows
import XSandbox
import XSandboxTesting

/// x-sandbox's kept state (`SandboxConfiguration.stateDirectory`, `x-sandbox --state DIR`):
/// what one server did, the next one on the same directory still holds.
@Suite("End to end: the sandbox keeps its state across restarts", .timeLimit(.minutes(2)))
struct SandboxStateEndToEndTests {
    static let scopes: Set<OAuth2Scope> = [.tweetRead, .usersRead, .followsRead, .followsWrite, .offlineAccess]

    func configuration(_ directory: URL) -> SandboxConfiguration {
        var configuration = SandboxConfiguration(limits: roomyLimits, credits: USD("5.00"))
        configuration.stateDirectory = directory
        return configuration
    }

    func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("x-sandbox-state-\(UUID().uuidString)", isDirectory: true)
    }

    func authorizer(_ server: SandboxServer) -> OAuth2Authorizer {
        let client = server.credentials.publicOAuth2Client!
        return OAuth2Authorizer(clientID: client.clientID, redirectURI: URL(string: "http://127.0.0.1:3000/callback")!,
                                endpoints: server.oauth2Endpoints, configuration: server.clientConfiguration())
    }

    @Test("Follows, OAuth 2.0 tokens, daily caps and the bill outlive the server")
    func restart() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try await SandboxServer.start(configuration(directory))
        let token: OAuth2UserToken
        let bill: SandboxBill
        do {
            let authorizer = authorizer(first)
            let pending = authorizer.startAuthorization(scopes: Self.scopes)
            guard case .redirect(let callback) = try await SandboxBrowser().approve(pending.authorizationURL, as: SandboxAccounts.alice) else {
                throw SandboxBrowser.Failure(description: "the consent page did not redirect")
            }
            token = try await authorizer.finishAuthorization(redirect: callback, pending: pending)
            let client = UserClient(credentials: .oauth2Session(authorizer.session(token: token)), configuration: first.clientConfiguration())
            #expect(try await client.follow(SandboxAccounts.quietQuinn).data == .following)
            await first.scriptFollow(SandboxAccounts.bob, SandboxAccounts.carol, follow: true)
            bill = await first.bill()
            #expect(bill.apps[0].charges.count >= 1)
        } catch {
            await first.shutdown()
            throw error
        }
        await first.shutdown()

        let second = try await SandboxServer.start(configuration(directory))
        do {
            #expect(await second.isFollowing(SandboxAccounts.alice, SandboxAccounts.quietQuinn))
            #expect(await second.isFollowing(SandboxAccounts.bob, SandboxAccounts.carol))
            #expect(await second.bill() == bill)
            #expect(await second.dailyActionCount(of: .usersIdFollow, scope: .user, subject: SandboxAccounts.alice) == 1)
            // The access token issued before the restart still works, and so does its refresh token.
            let authorizer = authorizer(second)
            let client = UserClient(credentials: .oauth2Session(authorizer.session(token: token)), configuration: second.clientConfiguration())
            #expect(try await client.follow(SandboxAccounts.xDevelopers).data == .following)
            let refreshed = try await authorizer.refresh(token)
            #expect(refreshed.accessToken != token.accessToken)
            #expect(await second.dailyActionCount(of: .usersIdFollow, scope: .user, subject: SandboxAccounts.alice) == 2)
            for file in ["journal.jsonl", "manifest.json"] {
                let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(file).path)
                #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(file)")
            }
        } catch {
            await second.shutdown()
            throw error
        }
        await second.shutdown()
    }

    @Test("Export, import into another directory, reset: the same state, then none")
    func exportImportReset() async throws {
        let (one, two) = (temporaryDirectory(), temporaryDirectory())
        defer { for directory in [one, two] { try? FileManager.default.removeItem(at: directory) } }
        let first = try await SandboxServer.start(configuration(one))
        await first.scriptFollow(SandboxAccounts.alice, SandboxAccounts.quietQuinn, follow: true)
        await first.addCredits(USD("2.50")!, toApp: first.apps[0].id)
        let document = try #require(try await first.exportState())
        await first.shutdown()

        // A running sandbox holds its directory: the offline commands refuse it.
        let other = try await SandboxServer.start(configuration(two))
        #expect(throws: SandboxStateError.self) { try SandboxStateDirectory.reset(two, graph: .seeded()) }
        #expect(!(await other.isFollowing(SandboxAccounts.alice, SandboxAccounts.quietQuinn)))
        try await other.importState(document)
        #expect(await other.isFollowing(SandboxAccounts.alice, SandboxAccounts.quietQuinn))
        #expect(await other.bill().apps[0].balance == USD("7.50"))

        // A forged document changes nothing, and says what is wrong.
        let forged = Data(String(decoding: document, as: UTF8.self)
            .replacingOccurrences(of: SandboxAccounts.quietQuinn, with: "999999999999").utf8)
        let refusal = await #expect(throws: SandboxStateError.self) { try await other.importState(forged) }
        #expect(refusal?.problem.contains("user 999999999999 is not in the graph served") == true, "\(String(describing: refusal))")
        #expect(await other.isFollowing(SandboxAccounts.alice, SandboxAccounts.quietQuinn))
        // Over HTTP: a document that is not one gets X's problem JSON, and changes nothing.
        var request = URLRequest(url: other.baseURL.appendingPathComponent("_sandbox/state/import"))
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"format": "x-sandbox-state-export", "version": 1, "graph": "x", "events": [{"follow": 7}]}"#.utf8)
        let (body, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 400)
        #expect((response as? HTTPURLResponse)?.value(forHTTPHeaderField: "content-type") == "application/problem+json")
        #expect(String(decoding: body, as: UTF8.self).contains("not an x-sandbox state export"))
        #expect(await other.isFollowing(SandboxAccounts.alice, SandboxAccounts.quietQuinn))

        try await other.resetState()
        #expect(!(await other.isFollowing(SandboxAccounts.alice, SandboxAccounts.quietQuinn)))
        #expect(await other.bill().apps[0].balance == USD("5.00"))
        await other.shutdown()
        let again = try await SandboxServer.start(configuration(two))
        #expect(!(await again.isFollowing(SandboxAccounts.alice, SandboxAccounts.quietQuinn)))
        await again.shutdown()
    }

    @Test("Corrupt or half-written state stops the start with the file, the line and what is wrong")
    func corruptState() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try await SandboxServer.start(configuration(directory))
        await first.scriptFollow(SandboxAccounts.alice, SandboxAccounts.quietQuinn, follow: true)
        await first.shutdown()
        let journal = directory.appendingPathComponent("journal.jsonl")
        let good = try Data(contentsOf: journal)

        func startError() async -> SandboxStateError? {
            do {
                let server = try await SandboxServer.start(configuration(directory))
                await server.shutdown()
                return nil
            } catch {
                return error as? SandboxStateError
            }
        }
        try (good + Data(#"{"follow":{"source":1"#.utf8)).write(to: journal)
        let torn = await startError()
        #expect(torn?.file == journal.path && torn?.line == 2 && torn?.problem.contains("cut short") == true, "\(String(describing: torn))")
        try (good + Data("{\"nonsense\":true}\n".utf8)).write(to: journal)
        let corrupt = await startError()
        #expect(corrupt?.file == journal.path && corrupt?.line == 2, "\(String(describing: corrupt))")
        try good.write(to: journal)
        var other = configuration(directory)
        other.graph = .seeded(seed: 7)
        do {
            let server = try await SandboxServer.start(other)
            await server.shutdown()
            Issue.record("a state for another graph was accepted")
        } catch let error as SandboxStateError {
            #expect(error.file.hasSuffix("manifest.json") && error.problem.contains("another graph"))
        }
        // The files were left as they were: the follow is still there.
        let server = try await SandboxServer.start(configuration(directory))
        #expect(await server.isFollowing(SandboxAccounts.alice, SandboxAccounts.quietQuinn))
        await server.shutdown()
    }
}
