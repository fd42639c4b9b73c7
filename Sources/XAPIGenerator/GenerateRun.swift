import Foundation

/// One run of `xapi-gen generate`, as the command line and the plugins' tool both do it:
/// generate from a spec, print the diagnostics to standard error, then write the files into
/// the output directory (or, with ``check``, compare them with it).
///
/// The `xapi-gen` command parses its arguments with swift-argument-parser; the tool the build
/// and command plugins run (`xapi-gen-plugin`) takes the same `generate` arguments without it,
/// so a package using the plugins does not build the argument parser for its host. Both end
/// here, so what they print and how they exit is one rule.
///
/// ```swift
/// let status = GenerateRun(spec: "spec/follows.yaml", output: "Generated/XFollows").run()
/// // created   Generated/XFollows/Models.swift
/// // …
/// // Generated 5 files from spec/follows.yaml (5 changed).
/// ```
public struct GenerateRun: Sendable, Equatable {
    /// The OpenAPI spec (YAML or JSON).
    public var spec: String
    /// The directory the Swift files go into.
    public var output: String
    /// The side to generate.
    public var mode: Generator.Mode
    /// Modules the generated files import (the server side imports the client module).
    public var imports: [String]
    /// Write nothing; fail with a diff when the output directory is stale.
    public var check: Bool
    /// Print only diagnostics (what a build plugin wants).
    public var quiet: Bool

    /// A run with the command line's defaults for whatever is not given.
    public init(
        spec: String = "spec/follows.yaml",
        output: String = "Generated/XFollows",
        mode: Generator.Mode = .client,
        imports: [String] = [],
        check: Bool = false,
        quiet: Bool = false
    ) {
        self.spec = spec
        self.output = output
        self.mode = mode
        self.imports = imports
        self.check = check
        self.quiet = quiet
    }

    /// Runs and answers the process's exit status: 0, or 1 when the spec has an error, the
    /// output is stale (with ``check``) or cannot be written. When the spec has an error,
    /// nothing is written.
    public func run() -> Int32 {
        let result: Generator.Result
        do {
            result = try Generator(mode: mode, imports: imports).generate(specAt: spec)
        } catch let error as GeneratorError {
            Self.report(error.diagnostics)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            Self.printError("xapi-gen: \(count) error\(count == 1 ? "" : "s") in \(spec); nothing was written")
            return 1
        } catch {
            Self.printError("xapi-gen: error: \(error)")
            return 1
        }
        Self.report(result.diagnostics)

        let writer = OutputWriter(directory: URL(fileURLWithPath: output))
        if check {
            let stale = writer.staleFiles(comparedWith: result.files)
            guard stale.isEmpty else {
                for file in stale { print(file.diff, terminator: "") }
                let names = stale.map(\.name.rawValue).joined(separator: ", ")
                Self.printError("xapi-gen: \(output) is stale (\(names)); run `swift run xapi-gen generate \(spec) --output \(output)`")
                return 1
            }
            if !quiet { print("\(output) is up to date with \(spec)") }
            return 0
        }
        let outcomes: [(name: GeneratedFile.Name, outcome: OutputWriter.Outcome)]
        do {
            outcomes = try writer.write(result.files)
        } catch {
            Self.printError("xapi-gen: error: cannot write \(output): \(error.localizedDescription)")
            return 1
        }
        guard !quiet else { return 0 }
        for entry in outcomes {
            print("\(entry.outcome.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(output)/\(entry.name.rawValue)")
        }
        let changed = outcomes.filter { $0.outcome != .unchanged }.count
        print("Generated \(outcomes.count) files from \(spec) (\(changed) changed).")
        return 0
    }

    /// Prints diagnostics to standard error, one `path:line:col: severity: message` a line.
    public static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printError(diagnostic.description) }
    }

    private static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension GenerateRun {
    /// A plugin's arguments that are not a `generate` run; the message says which and why.
    public struct ArgumentError: Error, Equatable, CustomStringConvertible {
        /// What is wrong, naming the argument.
        public var description: String
    }

    /// The run the build and command plugins ask for, from the arguments they pass the
    /// `xapi-gen-plugin` tool: `SPEC --output DIR [--mode client|server] [--import MODULE]…
    /// [--check] [--quiet]`, the spelling of `xapi-gen generate`'s. Anything else is refused,
    /// since only the plugins write these arguments.
    ///
    /// ```swift
    /// let run = try GenerateRun(pluginArguments: ["spec/api.yaml", "--output", "/tmp/out", "--quiet"])
    /// ```
    public init(pluginArguments arguments: [String]) throws(ArgumentError) {
        self.init()
        var spec: String?
        var output: String?
        var remaining = arguments[...]
        func value(of option: String) throws(ArgumentError) -> String {
            guard let value = remaining.popFirst(), !value.hasPrefix("--") else {
                throw ArgumentError(description: "\(option) needs a value")
            }
            return value
        }
        while let argument = remaining.popFirst() {
            switch argument {
            case "--output": output = try value(of: argument)
            case "--import": imports.append(try value(of: argument))
            case "--mode":
                let name = try value(of: argument)
                guard let mode = Generator.Mode(rawValue: name) else {
                    let modes = Generator.Mode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ArgumentError(description: "--mode '\(name)' is not one of \(modes)")
                }
                self.mode = mode
            case "--check": check = true
            case "--quiet": quiet = true
            case let option where option.hasPrefix("-"):
                throw ArgumentError(description: "unknown option '\(option)'")
            default:
                guard spec == nil else { throw ArgumentError(description: "a second spec '\(argument)'") }
                spec = argument
            }
        }
        guard let spec else { throw ArgumentError(description: "no spec") }
        guard let output else { throw ArgumentError(description: "no --output directory") }
        self.spec = spec
        self.output = output
    }
}
