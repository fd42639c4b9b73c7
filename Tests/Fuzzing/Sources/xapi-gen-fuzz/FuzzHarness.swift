// The fuzz harness of the spec loader and checker.
//
// Built with `--sanitize=fuzzer` and `-D XAPI_FUZZING` (see .ci/fuzz), it is a
// libFuzzer target: every input must give generated files or located
// diagnostics, never a crash, a hang or a diagnostic without a place.
// Built normally, it replays inputs (files or directories of files) through
// the same check, so a crash libFuzzer found reproduces in a debug build:
//
//     swift run --package-path Tests/Fuzzing xapi-gen-fuzz crash-0123abcd
import Foundation
import XAPIGenerator

/// Runs one input through the whole pipeline and checks what came out.
func exercise(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    let diagnostics: [Diagnostic]
    do {
        let result = try Generator().generate(yaml: text, file: "fuzz.yaml")
        precondition(result.files.map(\.name) == Generator.Mode.client.files, "the fixed file set changed")
        diagnostics = result.diagnostics
    } catch let error as GeneratorError {
        precondition(error.diagnostics.contains { $0.severity == .error }, "a failure without an error diagnostic")
        diagnostics = error.diagnostics
    } catch {
        preconditionFailure("an error that is not a GeneratorError: \(error)")
    }
    for diagnostic in diagnostics {
        precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "an unlocated diagnostic: \(diagnostic)")
        precondition(!diagnostic.message.isEmpty, "an empty diagnostic at \(diagnostic.location)")
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
/// Replays inputs through ``exercise(_:)`` in a normal build.
@main
enum Replay {
    static func main() {
        var inputs: [URL] = []
        for argument in CommandLine.arguments.dropFirst() {
            let url = URL(fileURLWithPath: argument)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("xapi-gen-fuzz: no such file: \(argument)\n".utf8))
                exit(2)
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
                inputs.append(contentsOf: names.sorted().map { url.appendingPathComponent($0) })
            } else {
                inputs.append(url)
            }
        }
        if inputs.isEmpty {
            print("usage: xapi-gen-fuzz FILE_OR_DIRECTORY...")
            exit(2)
        }
        for input in inputs {
            guard let data = FileManager.default.contents(atPath: input.path) else { continue }
            exercise(data)
        }
        print("xapi-gen-fuzz: \(inputs.count) input\(inputs.count == 1 ? "" : "s") ran clean")
    }
}
#endif
