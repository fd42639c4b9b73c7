import Foundation
import XFollows
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@_exported import XSandbox

/// What a person does in the browser on the sandbox's authorization pages, for tests and
/// scripts: open the page an authorizer's URL points to, pick a demo user, and press
/// Authorize or Cancel. Redirects are not followed: the outcome is where the page sends the
/// browser (the App's callback with a code or verifier), or the PIN it shows.
///
/// ```swift
/// let pending = authorizer.startAuthorization(scopes: [.tweetRead, .usersRead, .followsWrite])
/// let outcome = try await SandboxBrowser().approve(pending.authorizationURL, as: SandboxAccounts.alice)
/// guard case .redirect(let callback) = outcome else { … }
/// let token = try await authorizer.finishAuthorization(redirect: callback, pending: pending)
/// ```
public struct SandboxBrowser: Sendable {
    /// Where the consent page sent the browser.
    public enum Outcome: Sendable, Hashable {
        /// A redirect (`302`) to this URL: the App's callback.
        case redirect(URL)
        /// A page showing this PIN (the OAuth 1.0a out-of-band flow).
        case pin(String)
        /// Any other page: its status and HTML (a refusal, or a page without a PIN).
        case page(status: Int, html: String)
    }

    /// Why the browser could not go on.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What went wrong.
        public var description: String

        /// A failure described by `description`.
        public init(description: String) {
            self.description = description
        }
    }

    /// A browser.
    public init() {}

    /// Opens the authorization page and authorizes the App as `userID` (one of the demo users).
    public func approve(_ authorizationURL: URL, as userID: String) async throws -> Outcome {
        try await decide(authorizationURL, fields: [("decision", "approve"), ("user_id", userID)])
    }

    /// Opens the authorization page and cancels.
    public func deny(_ authorizationURL: URL) async throws -> Outcome {
        try await decide(authorizationURL, fields: [("decision", "deny")])
    }

    /// Opens a page (`GET`) without following a redirect.
    public func open(_ url: URL) async throws -> Outcome {
        try await send(URLRequest(url: url))
    }

    private func decide(_ authorizationURL: URL, fields: [(String, String)]) async throws -> Outcome {
        guard case .page(200, let html) = try await open(authorizationURL) else {
            throw Failure(description: "The authorization page did not open (a redirect or an error instead).")
        }
        guard let action = Self.attribute("action", inTagStartingWith: "<form", in: html),
              let target = URL(string: action, relativeTo: authorizationURL)?.absoluteURL
        else {
            throw Failure(description: "The authorization page has no form: \(html.prefix(300))")
        }
        let hidden = Self.hiddenFields(in: html)
        let body = FormEncoding.encode((hidden + fields).map { (name: $0.0, value: $0.1) })
        var request = URLRequest(url: target)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        return try await send(request)
    }

    private func send(_ request: URLRequest) async throws -> Outcome {
        let delegate = RedirectRefuser()
        let session = URLSession(configuration: .ephemeral, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw Failure(description: "Not an HTTP response.") }
        if (300..<400).contains(http.statusCode) {
            guard let location = http.value(forHTTPHeaderField: "Location"),
                  let url = URL(string: location, relativeTo: request.url)?.absoluteURL
            else { throw Failure(description: "A redirect without a Location.") }
            return .redirect(url)
        }
        let html = String(decoding: data, as: UTF8.self)
        if let start = html.range(of: "<code id=\"oauth_pin\">"), let end = html[start.upperBound...].range(of: "</code>") {
            return .pin(String(html[start.upperBound..<end.lowerBound]))
        }
        return .page(status: http.statusCode, html: html)
    }

    private static func hiddenFields(in html: String) -> [(String, String)] {
        var fields: [(String, String)] = []
        var rest = html[...]
        while let start = rest.range(of: "<input type=\"hidden\"") {
            let tagEnd = rest[start.lowerBound...].firstIndex(of: ">") ?? rest.endIndex
            let tag = String(rest[start.lowerBound..<tagEnd])
            if let name = attribute("name", inTagStartingWith: "<input", in: tag),
               let value = attribute("value", inTagStartingWith: "<input", in: tag) {
                fields.append((name, value))
            }
            rest = rest[tagEnd...]
        }
        return fields
    }

    private static func attribute(_ name: String, inTagStartingWith tag: String, in html: String) -> String? {
        guard let open = html.range(of: tag) else { return nil }
        let end = html[open.lowerBound...].firstIndex(of: ">") ?? html.endIndex
        let element = html[open.lowerBound..<end]
        guard let start = element.range(of: " \(name)=\"") else { return nil }
        guard let close = element[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return unescape(String(element[start.upperBound..<close]))
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

}

/// Stops URLSession from following a redirect, so the browser can report it.
private final class RedirectRefuser: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
