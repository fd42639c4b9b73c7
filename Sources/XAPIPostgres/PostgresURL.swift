import Foundation
import PostgresNIO

/// Where a PostgreSQL database is, read from a connection URL as libpq writes it:
/// `postgres://user[:password]@host[:port]/database[?sslmode=disable|prefer|require]`, or a
/// Unix socket through `?host=/run/postgresql`.
///
/// The password is kept for connecting and shown nowhere: ``description`` and every error
/// this library throws name the database as `postgres://user@host:port/database`.
///
/// ```swift
/// let url = try PostgresURL("postgres://xfollows:secret@db.internal:5432/ledgers?sslmode=require")
/// print(url)                       // postgres://xfollows@db.internal:5432/ledgers
/// let storage = PostgresStorage(url: url)
/// ```
public struct PostgresURL: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// How the connection is encrypted (`sslmode`).
    public enum TLSMode: String, Sendable, Hashable {
        /// Never (`sslmode=disable`); the default on a Unix socket.
        case disable
        /// When the server offers it (`sslmode=prefer`): libpq's default over TCP.
        case prefer
        /// Always, with the server's certificate verified (`sslmode=require`).
        case require
    }

    /// The user to connect as.
    public var username: String
    /// The password, if any; never shown.
    public var password: String?
    /// The host name or address; `nil` with a Unix socket.
    public var host: String?
    /// The port (5432 by default); with a Unix socket, the number in its file name.
    public var port: Int
    /// The directory of the server's Unix socket (`?host=/run/postgresql`), if used.
    public var socketDirectory: String?
    /// The database; the user's name when the URL gives none.
    public var database: String
    /// Whether and how to encrypt the connection.
    public var tlsMode: TLSMode

    /// Reads a connection URL.
    ///
    /// - Throws: ``PostgresStoreError`` saying what is wrong with it (without the password).
    public init(_ text: String) throws {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme.lowercased())
        else {
            throw PostgresStoreError("A PostgreSQL URL starts with postgres:// (postgres://user@host:port/database).")
        }
        guard let user = components.percentEncodedUser.flatMap({ $0.removingPercentEncoding }), !user.isEmpty else {
            throw PostgresStoreError("The PostgreSQL URL names no user: postgres://user@host:port/database.")
        }
        username = user
        password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }) { _, last in last }
        let hostText = components.percentEncodedHost.flatMap { $0.removingPercentEncoding } ?? ""
        socketDirectory = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        host = hostText.isEmpty ? (socketDirectory == nil ? "127.0.0.1" : nil) : hostText
        port = components.port ?? 5432
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 } ?? user
        if let mode = query["sslmode"] {
            switch mode {
            case "disable", "allow": tlsMode = .disable
            case "prefer": tlsMode = .prefer
            case "require", "verify-ca", "verify-full": tlsMode = .require
            default:
                throw PostgresStoreError("The PostgreSQL URL's sslmode is disable, prefer or require, not \"\(mode)\".")
            }
        } else {
            tlsMode = socketDirectory != nil && host == nil ? .disable : .prefer
        }
    }

    /// The URL without its password: `postgres://user@host:port/database`.
    public var description: String {
        let user = username.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? username
        let name = database.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? database
        if let host {
            let shownHost = host.contains(":") ? "[\(host)]" : host
            return "postgres://\(user)@\(shownHost):\(port)/\(name)"
        }
        return "postgres://\(user)@:\(port)/\(name)?host=\(socketDirectory ?? "")"
    }

    /// Same as ``description``: the password is never shown.
    public var debugDescription: String { description }

    /// The configuration of a `PostgresClient` for this database, at most `maximumConnections`
    /// connections open at once.
    public func clientConfiguration(maximumConnections: Int = 4) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let socketDirectory, host == nil {
            configuration = PostgresClient.Configuration(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: username, password: password, database: database)
        } else {
            let tls: PostgresClient.Configuration.TLS = switch tlsMode {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
            configuration = PostgresClient.Configuration(
                host: host ?? "127.0.0.1", port: port, username: username, password: password, database: database, tls: tls)
        }
        configuration.options.maximumConnections = maximumConnections
        return configuration
    }

    /// The configuration of a single `PostgresConnection` to this database.
    ///
    /// - Throws: When the TLS context cannot be made.
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        if let socketDirectory, host == nil {
            return PostgresConnection.Configuration(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: username, password: password, database: database)
        }
        let tls: PostgresConnection.Configuration.TLS = switch tlsMode {
        case .disable: .disable
        case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        return PostgresConnection.Configuration(
            host: host ?? "127.0.0.1", port: port, username: username, password: password, database: database, tls: tls)
    }
}

extension PostgresURL: CustomReflectable {
    /// A mirror without the password.
    public var customMirror: Mirror {
        Mirror(self, children: ["url": description])
    }
}
