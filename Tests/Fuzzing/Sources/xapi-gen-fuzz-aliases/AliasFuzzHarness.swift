// The fuzz target of YAML alias expansion.
//
// Each input is read as a program that writes a valid OpenAPI document whose
// `x-` members are flow sequences of scalars and aliases of the sequences
// before them: chains, fans and bombs of any shape. The harness computes what
// the document expands to on its own (its nodes, aliases counted expanded,
// and its depth) and holds the generator to it: a document within the
// loader's bounds (a million nodes, 200 levels) generates without a
// diagnostic; one past them fails with exactly one located error at the alias
// that crosses a bound, never by running long (libFuzzer's -timeout) or out
// of memory (-rss_limit_mb).
//
//     .ci/fuzz-aliases [RUNS]                      # libFuzzer, see .ci/fuzz-aliases
//     swift run --package-path Tests/Fuzzing xapi-gen-fuzz-aliases FILE...   # replay
import Foundation
import XAPIGenerator

/// The loader's bounds (`YAMLEventLoader.maximumNodes` and `.maximumDepth`).
let maximumNodes = 1_000_000
let maximumDepth = 200

/// One anchored sequence: its elements, each a scalar (`nil`) or an alias of an earlier one.
struct Definition {
    var elements: [Int?] = []
}

/// Reads bytes as definitions: a byte below 0x20 starts a new definition, an even byte
/// adds a scalar, an odd one an alias of definition `byte / 2 % count` (an earlier one).
func definitions(_ data: Data) -> [Definition] {
    var result = [Definition()]
    for byte in data {
        if byte < 0x20 {
            if result.count < 64 { result.append(Definition()) }
        } else if byte % 2 == 0 || result.count == 1 {
            result[result.count - 1].elements.append(nil)
        } else {
            result[result.count - 1].elements.append(Int(byte / 2) % (result.count - 1))
        }
    }
    return result
}

/// The document the definitions write, and where each alias is (line, column).
func document(_ definitions: [Definition]) -> String {
    var text = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
    for (index, definition) in definitions.enumerated() {
        let elements = definition.elements.map { $0.map { "*a\($0)" } ?? "s" }
        text += "x-d\(index): &a\(index) [\(elements.joined(separator: ", "))]\n"
    }
    text += "x-doc: *a\(definitions.count - 1)\n"
    return text
}

/// What the document expands to, computed apart from the loader: whether it stays within the
/// bounds, and if not, the line of the first alias that crosses one.
func expected(_ definitions: [Definition]) -> (withinBounds: Bool, line: Int?) {
    // The root, `openapi`, `info` with its two members, `paths`.
    var nodes = 6
    var sizes: [Int] = []
    var heights: [Int] = []
    for (index, definition) in definitions.enumerated() {
        let line = 4 + index
        var size = 1
        var height = 0
        nodes += 1
        for element in definition.elements {
            if let target = element {
                // The alias sits at depth 2 (root 0, the sequence 1).
                if nodes + sizes[target] > maximumNodes || 2 + heights[target] > maximumDepth { return (false, line) }
                nodes += sizes[target]
                size += sizes[target]
                height = max(height, 1 + heights[target])
            } else {
                nodes += 1
                size += 1
                height = max(height, 1)
            }
        }
        sizes.append(size)
        heights.append(height)
    }
    let last = definitions.count - 1
    if nodes + sizes[last] > maximumNodes || 1 + heights[last] > maximumDepth { return (false, 4 + definitions.count) }
    return (true, nil)
}

func exercise(_ data: Data) {
    let definitions = definitions(data)
    let text = document(definitions)
    let expectation = expected(definitions)
    do {
        let result = try Generator().generate(yaml: text, file: "aliases.yaml")
        precondition(expectation.withinBounds, "expanded past the bounds without an error:\n\(text)")
        precondition(result.diagnostics.isEmpty, "diagnostics for a document within the bounds: \(result.diagnostics)\n\(text)")
    } catch let error as GeneratorError {
        precondition(!expectation.withinBounds, "refused within the bounds: \(error.diagnostics)\n\(text)")
        precondition(error.diagnostics.count == 1, "not exactly one diagnostic: \(error.diagnostics)")
        let diagnostic = error.diagnostics[0]
        precondition(diagnostic.severity == .error && diagnostic.message.hasPrefix("the YAML alias '*a"), "not the alias refusal: \(diagnostic)")
        precondition(diagnostic.location.line == expectation.line, "refused at \(diagnostic.location), expected line \(expectation.line ?? 0)")
        precondition(diagnostic.location.column > 1, "an alias is never at the start of its line: \(diagnostic)")
    } catch {
        preconditionFailure("an error that is not a GeneratorError: \(error)")
    }
}

#if XAPI_FUZZING
/// libFuzzer's entry point: one input per call.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    exercise(Data(bytes: start, count: count))
    return 0
}
#else
/// Replays inputs (files), or a few fixed shapes with no argument.
@main
enum Replay {
    static func main() {
        var inputs = CommandLine.arguments.dropFirst().compactMap { FileManager.default.contents(atPath: $0) }
        if inputs.isEmpty {
            // A chain, a fan, and a billion laughs (ten definitions of ten aliases each).
            // An alias of definition `target` when `count` definitions are open.
            func alias(_ target: Int, count: Int) -> UInt8 {
                UInt8((0x21...0xFF).first { $0 % 2 == 1 && ($0 / 2) % (count - 1) == target }!)
            }
            inputs = [Data([0x40, 0x01, alias(0, count: 2), 0x01, alias(1, count: 3)]), Data(repeating: 0x40, count: 300),
                      Data(Array(repeating: 0x40, count: 10) + (1...9).flatMap { level in
                          [UInt8(0x01)] + Array(repeating: alias(level - 1, count: level + 1), count: 10)
                      })]
        }
        for input in inputs { exercise(input) }
        print("xapi-gen-fuzz-aliases: \(inputs.count) input\(inputs.count == 1 ? "" : "s") ran clean")
    }
}
#endif
