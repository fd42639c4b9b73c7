import Foundation

extension URL {
    /// The same path and query on another server: `server`'s scheme, host and port (and its
    /// path as a prefix, when it has one).
    ///
    /// `https://api.x.com/2/oauth2/token` relocated to `http://127.0.0.1:8080` is
    /// `http://127.0.0.1:8080/2/oauth2/token`.
    func relocated(to server: URL) -> URL {
        guard var target = URLComponents(url: server, resolvingAgainstBaseURL: true),
              let source = URLComponents(url: self, resolvingAgainstBaseURL: true)
        else { return self }
        var prefix = target.percentEncodedPath
        while prefix.hasSuffix("/") { prefix.removeLast() }
        target.percentEncodedPath = prefix + source.percentEncodedPath
        target.percentEncodedQuery = source.percentEncodedQuery
        target.fragment = nil
        return target.url ?? self
    }
}
