import Foundation

/// Joins a server URL and a request path the way `URLSessionTransport` does, so the URL a
/// signature covers is the URL the transport requests.
enum RequestURL {
    struct InvalidURL: Error, CustomStringConvertible {
        var path: String
        var description: String { "cannot combine the server URL with the request path \(path)" }
    }

    static func make(baseURL: URL, path: String) throws -> URL {
        guard var base = URLComponents(url: baseURL, resolvingAgainstBaseURL: true),
              let relative = URLComponents(string: path)
        else {
            throw InvalidURL(path: path)
        }
        base.percentEncodedPath += relative.percentEncodedPath
        base.percentEncodedQuery = relative.percentEncodedQuery
        guard let url = base.url else { throw InvalidURL(path: path) }
        return url
    }

    /// The server URL without a trailing slash, so `https://api.x.com/` and a path `/2/users`
    /// make `https://api.x.com/2/users`.
    static func normalizedServerURL(_ url: URL) -> URL {
        var string = url.absoluteString
        while string.hasSuffix("/") { string.removeLast() }
        return URL(string: string) ?? url
    }
}
