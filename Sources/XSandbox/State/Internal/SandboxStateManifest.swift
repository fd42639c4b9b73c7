import Crypto
import Foundation

/// `manifest.json` of a state directory: the format, the graph the journal was written over,
/// and the secret pagination tokens are signed with (so a `next_token` issued before a restart
/// still works after it).
struct SandboxStateManifest: Codable, Sendable, Hashable {
    static let formatName = "x-sandbox-state"
    static let currentVersion = 1

    var format: String
    var version: Int
    /// ``identity(of:)`` of the graph.
    var graph: String
    /// 32 random bytes, base64.
    var pageTokenSecret: String

    enum CodingKeys: String, CodingKey {
        case format, version, graph
        case pageTokenSecret = "page_token_secret"
    }

    /// A new manifest for `graph`, with a random pagination secret.
    init(graph: String) {
        var generator = SystemRandomNumberGenerator()
        format = Self.formatName
        version = Self.currentVersion
        self.graph = graph
        pageTokenSecret = Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }).base64EncodedString()
    }

    /// The secret, decoded.
    var secret: Data? { Data(base64Encoded: pageTokenSecret).flatMap { $0.count >= 16 ? $0 : nil } }

    /// What names a graph in a manifest: its seed (or none), its size and its Apps' keys,
    /// hashed, so a journal is never replayed over a graph it was not written on.
    static func identity(of graph: SandboxGraph) -> String {
        let text = "\(graph.seed.map(String.init) ?? "file")|\(graph.directory.userCount)|\(graph.follows.followCount)|"
            + graph.apps.map(\.key).joined(separator: ",")
        let digest = SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
        return (graph.seed.map { "seed \($0), " } ?? "graph file, ") + "sha256 \(digest.prefix(16))"
    }

    /// Checks a decoded manifest against the graph served.
    func check(against graph: String, file: String) throws(SandboxStateError) {
        guard format == Self.formatName else {
            throw SandboxStateError(file: file, problem: "\"format\" is \"\(format)\", not \"\(Self.formatName)\"")
        }
        guard version == Self.currentVersion else {
            throw SandboxStateError(file: file, problem: "version \(version) is not the version this x-sandbox reads (\(Self.currentVersion))")
        }
        guard self.graph == graph else {
            throw SandboxStateError(file: file, problem: "the state was kept for another graph (\(self.graph)) than the one served "
                + "(\(graph)); serve it with the same --graph or --seed, or choose another --state directory")
        }
        guard secret != nil else {
            throw SandboxStateError(file: file, problem: "\"page_token_secret\" is not base64 of at least 16 bytes")
        }
    }
}
