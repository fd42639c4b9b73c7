// The generator in process: spec/follows.yaml through every stage (load,
// parse, check, model, render) with no process start-up and no file writes.
// G1 measures the same work process to process, beside swift-openapi-generator
// (Benchmarks/Scripts/generation); this one shows what is left without exec,
// dynamic linking and I/O, with its allocations.
//
//     swift package --package-path Benchmarks benchmark --target GeneratorBenchmarks
import Benchmark
import Foundation
import XAPIGenerator

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 3,
        maxDuration: .seconds(10),
        maxIterations: 300
    )
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let specText: String
    do {
        specText = try String(contentsOf: root.appendingPathComponent("spec/follows.yaml"), encoding: .utf8)
    } catch {
        fatalError("spec/follows.yaml: \(error)")
    }

    Benchmark("generate spec/follows.yaml in process") { benchmark in
        for _ in benchmark.scaledIterations {
            let result = try Generator().generate(yaml: specText, file: "follows.yaml")
            precondition(result.files.count == 4)
            blackHole(result)
        }
    }
}
