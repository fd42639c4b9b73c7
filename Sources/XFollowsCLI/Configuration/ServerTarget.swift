import Foundation
import XFollows

/// The server every request goes to: X (`https://api.x.com`, the default) or another server
/// that serves X's paths, such as a local x-sandbox. The API and every authorization endpoint
/// move together: the runtime's X endpoints, relocated.
///
/// ```swift
/// let x = ServerTarget.x
/// x.oauth2Endpoints.authorizationURL          // https://x.com/i/oauth2/authorize
/// let sandbox = try ServerTarget(parsing: "http://127.0.0.1:8080")
/// sandbox.oauth2Endpoints.authorizationURL    // http://127.0.0.1:8080/i/oauth2/authorize
/// ```
public struct ServerTarget: Sendable, Hashable, CustomStringConvertible {
    /// The API's base URL, without a trailing slash.
    public let url: URL

    /// The environment variable that names the server when `--server` does not.
    public static let environmentVariable = "XFOLLOWS_SERVER"

    /// X itself.
    public static let x = ServerTarget(checked: ClientConfiguration.defaultServerURL)

    private init(checked url: URL) {
        self.url = url
    }

    /// A server from `--server`, else `XFOLLOWS_SERVER`, else X.
    ///
    /// - Throws: ``CLIFailure`` (usage) naming where the bad value came from.
    public static func resolve(option: String?, environment: [String: String]) throws -> ServerTarget {
        if let option { return try ServerTarget(parsing: option, source: "--server") }
        if let value = environment[environmentVariable], !value.isEmpty {
            return try ServerTarget(parsing: value, source: environmentVariable)
        }
        return .x
    }

    /// Parses a server URL: `https://` anywhere, plain `http://` only on this machine
    /// (`127.0.0.1`, `localhost`, `[::1]`), since tokens would otherwise cross the network in
    /// the clear; no query or fragment.
    ///
    /// - Throws: ``CLIFailure`` (usage) saying what is wrong.
    public init(parsing text: String, source: String = "--server") throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty
        else {
            throw CLIFailure.usage("\(source): \"\(text)\" is not a server URL; give one such as http://127.0.0.1:8080.")
        }
        guard scheme == "https" || scheme == "http" else {
            throw CLIFailure.usage("\(source): \"\(text)\" must be an http:// or https:// URL.")
        }
        if scheme == "http", !Self.isLoopback(host) {
            throw CLIFailure.usage("\(source): \"\(text)\" uses plain http on another machine; tokens would travel "
                + "unencrypted. Use https://, or http:// only for 127.0.0.1, localhost or [::1].")
        }
        guard components.query == nil, components.fragment == nil, components.user == nil else {
            throw CLIFailure.usage("\(source): \"\(text)\" must not carry a query, a fragment or a user name.")
        }
        var normalized = components
        normalized.scheme = scheme
        while normalized.path.hasSuffix("/") { normalized.path.removeLast() }
        guard let url = normalized.url else {
            throw CLIFailure.usage("\(source): \"\(text)\" is not a server URL.")
        }
        self.init(checked: url)
    }

    /// Whether this is X itself.
    public var isX: Bool { url == ServerTarget.x.url }

    /// Where OAuth 2.0 authorization happens on this server.
    public var oauth2Endpoints: OAuth2Endpoints { isX ? .x : OAuth2Endpoints.x.relocated(to: url) }
    /// Where OAuth 1.0a authorization happens on this server.
    public var oauth1Endpoints: OAuth1Endpoints { isX ? .x : OAuth1Endpoints.x.relocated(to: url) }
    /// Where App-only tokens are issued and invalidated on this server.
    public var appOnlyEndpoints: AppOnlyEndpoints { isX ? .x : AppOnlyEndpoints.x.relocated(to: url) }

    /// A name fit for a file: `api.x.com`, `127.0.0.1-8080`.
    public var fileKey: String {
        var key = url.host ?? "server"
        if let port = url.port { key += "-\(port)" }
        if !url.path.isEmpty { key += url.path.replacingOccurrences(of: "/", with: "-") }
        return String(key.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
    }

    /// The URL as text.
    public var description: String { url.absoluteString }

    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }
}
