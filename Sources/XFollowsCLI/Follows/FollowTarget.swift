import Foundation

/// An account to follow or unfollow, and where it was named (for messages).
public struct FollowTarget: Sendable, Hashable {
    /// The account.
    public var reference: UserReference
    /// Where it was named: `argument 2`, `accounts.txt:14`, `standard input:3`.
    public var place: String

    /// A target.
    public init(reference: UserReference, place: String) {
        self.reference = reference
        self.place = place
    }

    /// The key it is deduplicated and journaled by: the ID, or the handle in lower case.
    public var key: String {
        switch reference {
        case .id(let id): id
        case .username(let name): "@" + name.lowercased()
        }
    }

    /// Targets from arguments and lines of text (one per line; blank lines and `#` comments
    /// skipped; `@handle`, `handle`, an ID, or an `https://x.com/handle` link), repeats
    /// dropped, first place kept.
    ///
    /// - Throws: ``CLIFailure`` (usage) naming the place of an entry that is not an account.
    public static func parse(arguments: [String], lines: [(source: String, text: String)]) throws -> [FollowTarget] {
        var targets: [FollowTarget] = []
        var seen: Set<String> = []
        func add(_ entry: String, place: String) throws {
            let reference: UserReference
            do {
                reference = try UserReference(parsing: Self.handle(fromLink: entry) ?? entry, what: "user")
            } catch let failure as CLIFailure {
                throw CLIFailure.usage("\(place): \(failure.message)")
            }
            let target = FollowTarget(reference: reference, place: place)
            if seen.insert(target.key).inserted { targets.append(target) }
        }
        for (index, argument) in arguments.enumerated() {
            try add(argument, place: "argument \(index + 1)")
        }
        for (source, text) in lines {
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var entry = Substring(line)
                if let hash = entry.firstIndex(of: "#") { entry = entry[..<hash] }
                let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else { continue }
                try add(trimmed, place: "\(source):\(index + 1)")
            }
        }
        return targets
    }

    /// `handle` from `https://x.com/handle` or `https://twitter.com/handle`, else `nil`.
    static func handle(fromLink text: String) -> String? {
        guard let url = URL(string: text), let host = url.host?.lowercased(),
              ["x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com"].contains(host)
        else { return nil }
        let parts = url.path.split(separator: "/")
        guard parts.count == 1 else { return nil }
        return "@" + parts[0]
    }
}

extension FollowTarget {
    /// Every user of an export file (CSV or JSON Lines, as `xfollows followers` writes them),
    /// by ID, read as a stream.
    ///
    /// - Throws: ``CLIFailure`` naming the place of a malformed record.
    public static func fromExport(_ url: URL) throws -> [FollowTarget] {
        let reader = try ExportReader(url: url)
        var targets: [FollowTarget] = []
        var seen: Set<UInt64> = []
        var row = 0
        while let record = try reader.next() {
            row += 1
            guard seen.insert(record.id).inserted else { continue }
            targets.append(FollowTarget(reference: .id(String(record.id)), place: "\(url.lastPathComponent): record \(row)"))
        }
        return targets
    }
}
