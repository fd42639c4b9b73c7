// xapi-gen-plugin: the tool XAPIGeneratorPlugin and XAPIGeneratorCommand run.
//
// It is `xapi-gen generate` (``GenerateRun``, the same code, output and exit status) with
// the arguments only the plugins write, read without swift-argument-parser: SwiftPM builds a
// plugin's tool for the host as well as for the target, so every package that uses the
// plugins would otherwise compile the argument parser a second time (about 34 CPU-seconds
// on a 2-core machine, measured 2026-12-04). People run `xapi-gen`.
//
//     xapi-gen-plugin SPEC --output DIR [--mode client|server] [--import MODULE]... [--check] [--quiet]

import Foundation
import XAPIGenerator

do {
    let run = try GenerateRun(pluginArguments: Array(CommandLine.arguments.dropFirst()))
    exit(run.run())
} catch {
    FileHandle.standardError.write(Data("xapi-gen-plugin: error: \(error) (it takes the arguments the XAPIGenerator plugins pass; run xapi-gen yourself)\n".utf8))
    exit(64)
}
