import Foundation
import Testing
import XFollows
@testable import XFollowsCLI

@Suite("Where the ledgers live (--ledger, XFOLLOWS_LEDGER)")
struct LedgerLocationTests {
    static let url = "postgres://xfollows:hunter2-secret@127.0.0.1:5433/ledgers?sslmode=disable"

    @Test("Files by default; XFOLLOWS_LEDGER names a database; --ledger wins, and files takes the default back")
    func resolution() throws {
        #expect(try LedgerLocation.resolve(option: nil, environment: [:]) == .files)
        let shared = try LedgerLocation.resolve(option: nil, environment: ["XFOLLOWS_LEDGER": Self.url])
        guard case .postgres(let url) = shared else {
            Issue.record("not a database: \(shared)")
            return
        }
        #expect(url.host == "127.0.0.1" && url.port == 5433 && url.database == "ledgers" && url.password == "hunter2-secret")
        #expect(shared.description == "postgres://xfollows@127.0.0.1:5433/ledgers")
        #expect(try LedgerLocation.resolve(option: "files", environment: ["XFOLLOWS_LEDGER": Self.url]) == .files)
        #expect(try LedgerLocation.resolve(option: nil, environment: ["XFOLLOWS_LEDGER": ""]) == .files)

        var global = try GlobalOptions.parse(["--ledger", Self.url])
        #expect(try global.context(environment: ["HOME": "/tmp"]).ledger == shared)
        global = try GlobalOptions.parse([])
        #expect(try global.context(environment: ["HOME": "/tmp"]).ledger == .files)
    }

    @Test("A value that is neither files nor a PostgreSQL URL is bad usage, said without the password")
    func badValue() {
        for value in ["mysql://xfollows:hunter2-secret@db/x", "postgres://xfollows:hunter2-secret@db/x?sslmode=maybe"] {
            let error = #expect(throws: CLIFailure.self) { try LedgerLocation.resolve(option: value, environment: [:]) }
            #expect(error?.status == .usage)
            #expect(error?.message.hasPrefix("--ledger takes files or postgres://user@host:port/database: ") == true)
            #expect(error?.message.contains("hunter2") == false, "\(error?.message ?? "")")
        }
    }
}
