import Foundation

extension SandboxFaults {
    /// Why a fault plan does not read: what is wrong, and where (the flag, or the file and line).
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// Where: `--faults`, or `faults.txt line 3`.
        public var place: String
        /// What is wrong and what is expected.
        public var message: String

        /// `<place>: <message>`.
        public var description: String { "\(place): \(message)" }
    }

    /// Reads a plan written as `--faults` takes it: comma-separated `name=value` settings,
    /// `rate` required, the rest optional.
    ///
    /// | Setting | Value |
    /// | --- | --- |
    /// | `rate` | the share of eligible requests, `0` to `1` (`0.1`: one in ten) |
    /// | `seed` | a whole number (default 1) |
    /// | `kinds` | fault names joined by `+`, or `all` (the default); ``SandboxFault`` lists them |
    /// | `delay` | seconds a slow first byte waits and a slow body takes (default 1) |
    /// | `retry-after` | seconds of `Retry-After` and of a 429 burst's window (default 1) |
    /// | `burst` | requests a 429 burst refuses (default 3) |
    /// | `operations` | operation IDs joined by `+` that get faults, such as `usersIdFollow` (default: all) |
    /// | `sandbox-paths` | `yes` to inject into `/_sandbox/` and the OAuth pages too (default `no`) |
    ///
    /// ```swift
    /// let faults = try SandboxFaults(parsing: "rate=0.1,seed=42,kinds=503-retry-after+reset-mid-body")
    /// ```
    ///
    /// - Parameters:
    ///   - text: The settings, such as `rate=0.1,seed=42`.
    ///   - place: Where the text came from, for errors (`--faults` by default).
    /// - Throws: ``ParseError`` naming the setting that does not read.
    public init(parsing text: String, place: String = "--faults") throws {
        let settings = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        try self.init(settings: settings.map { ($0, place) })
    }

    /// Reads a plan from a file: the same settings as ``init(parsing:place:)``, one or more a
    /// line, with `#` comments and blank lines ignored; errors name the file and line.
    ///
    /// - Parameter url: The file.
    /// - Throws: ``ParseError`` naming the file (and line) when it cannot be read or a setting
    ///   does not.
    public init(contentsOf url: URL) throws {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ParseError(place: url.path, message: "cannot be read (\(error.localizedDescription)).")
        }
        var settings: [(String, String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            for setting in content.split(separator: ",") {
                let trimmed = setting.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { settings.append((trimmed, "\(url.path) line \(index + 1)")) }
            }
        }
        try self.init(settings: settings)
    }

    private init(settings: [(text: String, place: String)]) throws {
        var rate: Double?
        var plan = SandboxFaults(rate: 0)
        let fileOrFlag = settings.first?.place ?? "--faults"
        for (text, place) in settings {
            let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw ParseError(place: place, message: "\"\(text)\" is not a name=value setting, such as rate=0.1.")
            }
            let (name, value) = (parts[0], parts[1])
            func fail(_ expected: String) -> ParseError {
                ParseError(place: place, message: "\(name) takes \(expected), not \"\(value)\".")
            }
            switch name {
            case "rate":
                guard let number = Double(value), number >= 0, number <= 1 else { throw fail("a share between 0 and 1, such as 0.1") }
                rate = number
            case "seed":
                guard let number = UInt64(value) else { throw fail("a whole number, such as 42") }
                plan.seed = number
            case "kinds":
                plan.kinds = try Self.kinds(value, place: place)
            case "delay":
                guard let seconds = Double(value), seconds >= 0, seconds <= 600 else { throw fail("seconds between 0 and 600, such as 1.5") }
                plan.delay = .milliseconds(Int64((seconds * 1000).rounded()))
            case "retry-after":
                guard let seconds = Int(value), (0...3600).contains(seconds) else { throw fail("whole seconds between 0 and 3600") }
                plan.retryAfterSeconds = seconds
            case "burst":
                guard let count = Int(value), (1...1000).contains(count) else { throw fail("a count between 1 and 1000") }
                plan.burstLength = count
            case "operations":
                let known = Set(SandboxLimits.operations.map(\.id))
                let names = Set(value.split(separator: "+").map(String.init))
                if let unknown = names.subtracting(known).sorted().first {
                    throw ParseError(place: place, message: "unknown operation \"\(unknown)\"; the operations are "
                        + "\(known.sorted().joined(separator: ", ")).")
                }
                plan.operations = names
            case "sandbox-paths":
                guard let flag = ["yes": true, "no": false, "true": true, "false": false][value.lowercased()] else {
                    throw fail("yes or no")
                }
                plan.includesSandboxPaths = flag
            default:
                throw ParseError(place: place, message: "unknown setting \"\(name)\"; the settings are rate, seed, kinds, delay, "
                    + "retry-after, burst, operations and sandbox-paths.")
            }
        }
        guard let rate else {
            throw ParseError(place: fileOrFlag, message: "no rate: say how many requests fail, such as rate=0.1 (one in ten).")
        }
        plan.rate = rate
        self = plan
    }

    private static func kinds(_ value: String, place: String) throws -> [SandboxFault] {
        if value == "all" { return SandboxFault.allCases }
        var kinds: [SandboxFault] = []
        for name in value.split(separator: "+") {
            guard let kind = SandboxFault(rawValue: String(name)) else {
                throw ParseError(place: place, message: "unknown fault \"\(name)\"; the faults are \(SandboxFault.names) (or all).")
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        guard !kinds.isEmpty else { throw ParseError(place: place, message: "kinds names no fault; the faults are \(SandboxFault.names).") }
        return kinds
    }
}
