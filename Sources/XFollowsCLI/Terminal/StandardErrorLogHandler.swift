import Foundation
import Logging
import XFollows

/// Writes the runtime's log to standard error as short lines a person reads: the method,
/// path and status of every request, the rate limits of every response (from the metadata
/// the runtime logs them under), waits and retries. The runtime redacts credentials before anything is logged; this handler adds
/// nothing secret and skips the request-header dump.
///
/// ```
/// xfollows: GET /2/users/2244994945/followers?max_results=1000 → 200 (rate limit 14/15, resets 14:05:09)
/// xfollows: waiting for the rate limit to reset (usersIdFollowers, 14m 12s)
/// ```
public struct StandardErrorLogHandler: LogHandler {
    /// The level below which nothing is written.
    public var logLevel: Logger.Level
    /// Metadata added to every line.
    public var metadata: Logger.Metadata = [:]
    private let output: TextOutput

    /// A handler writing to `output` from `level` up.
    public init(output: TextOutput, level: Logger.Level) {
        self.output = output
        self.logLevel = level
    }

    /// A logger through this handler: `trace` when verbose (every request), `warning` otherwise.
    public static func logger(output: TextOutput, verbose: Bool) -> Logger {
        Logger(label: "xfollows") { _ in StandardErrorLogHandler(output: output, level: verbose ? .trace : .warning) }
    }

    /// Metadata by key.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Formats and writes one event.
    public func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        guard let text = Self.line(for: event.message.description, level: event.level, metadata: all) else { return }
        output.line("xfollows: " + text)
    }

    /// The line for one event, or `nil` for events that are folded into others.
    static func line(for message: String, level: Logger.Level, metadata: Logger.Metadata) -> String? {
        let value = { (key: String) in metadata[key].map { "\($0)" } }
        let request = [value("http.method"), value("http.path")].compactMap { $0 }.joined(separator: " ")
        switch message {
        case "Sending request", "Request headers":
            return nil
        case "Received response":
            return "\(request) → \(value("http.status") ?? "?")"
        case "Response headers":
            guard let limits = rateLimits(in: metadata) else { return nil }
            return "  \(limits)"
        default:
            var text = level >= .warning ? "\(level): \(message)" : message
            let details = metadata
                .filter { !["http.method", "http.path", "xapi.attempt"].contains($0.key) }
                .sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value)" }
            if !request.isEmpty { text += " (\(request))" }
            if !details.isEmpty { text += " [\(details.joined(separator: ", "))]" }
            return text
        }
    }

    /// `rate limit 14/15 left, resets 14:05:09` from the limits the runtime logs with a
    /// response (``LimitHeaders/metadataKey(_:)``), with the 24-hour limits when sent.
    static func rateLimits(in metadata: Logger.Metadata) -> String? {
        let names: [(LimitHeaders, String)] = [
            (.rateLimit, "rate limit"), (.userDailyCap, "user 24-hour limit"), (.appDailyCap, "App 24-hour limit"),
        ]
        let parts = names.compactMap { family, name -> String? in
            guard let status = RateLimitStatus(metadata: metadata, family),
                  let remaining = status.remaining, let limit = status.limit else { return nil }
            return "\(name) \(remaining)/\(limit) left" + (status.reset.map { ", resets \(Formatting.time($0))" } ?? "")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
