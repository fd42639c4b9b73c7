import Foundation
import Testing
@testable import XAPIPostgres

@Suite("PostgreSQL: connection URLs")
struct PostgresURLTests {
    @Test("A URL is read as libpq reads it, and its password is shown nowhere")
    func parsing() throws {
        let url = try PostgresURL("postgres://xfollows:s%40cret-Pa55@db.internal:6432/ledgers?sslmode=require")
        #expect(url.username == "xfollows" && url.password == "s@cret-Pa55")
        #expect(url.host == "db.internal" && url.port == 6432 && url.database == "ledgers" && url.tlsMode == .require)
        #expect(url.description == "postgres://xfollows@db.internal:6432/ledgers")
        var dumped = ""
        dump(url, to: &dumped)
        for text in [url.description, url.debugDescription, String(reflecting: url), dumped, "\(url)"] {
            #expect(!text.contains("s@cret") && !text.contains("s%40cret"), "\(text)")
        }

        let defaults = try PostgresURL("postgresql://me@localhost")
        #expect(defaults.port == 5432 && defaults.database == "me" && defaults.tlsMode == .prefer && defaults.password == nil)
        let socket = try PostgresURL("postgres://me@/ledgers?host=/run/postgresql")
        #expect(socket.host == nil && socket.socketDirectory == "/run/postgresql" && socket.tlsMode == .disable)
        #expect(socket.clientConfiguration().unixSocketPath == "/run/postgresql/.s.PGSQL.5432")
    }

    @Test("A bad URL says what is wrong without repeating the password")
    func badURLs() {
        for (text, message) in [
            ("mysql://me:hunter2@db/x", "A PostgreSQL URL starts with postgres://"),
            ("postgres://:hunter2@db/x", "The PostgreSQL URL names no user"),
            ("postgres://me:hunter2@db/x?sslmode=sometimes", "sslmode is disable, prefer or require, not \"sometimes\""),
        ] {
            let error = #expect(throws: PostgresStoreError.self) { try PostgresURL(text) }
            #expect(error?.description.contains(message) == true, "\(String(describing: error))")
            #expect(error?.description.contains("hunter2") == false)
        }
    }
}
