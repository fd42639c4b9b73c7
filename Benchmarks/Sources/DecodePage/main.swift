// decode-page: decodes the G4 page a given number of times with one decoder,
// for instruction counts under callgrind, which stay the same from run to run
// whatever else the machine does (wall-clock medians on a shared 2-core VM
// do not). Benchmarks/Scripts/decode runs it with 1 and 3 decodes; the
// difference over 2 is the cost of one decode, without start-up.
//
//     decode-page floor|xfollows|openapi-generator|xfollows-resolving COUNT
import DecodeComparison
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, let side = PageDecoder(rawValue: arguments.first!), let count = Int(arguments.last!), count >= 0 else {
    let sides = PageDecoder.allCases.map(\.rawValue).joined(separator: "|")
    FileHandle.standardError.write(Data("usage: decode-page \(sides) COUNT\n".utf8))
    exit(64)
}
let page = FollowersPage.json
let decoder = side.makeDecoder()
do {
    try side.checkReadsWholePage(page)
    for _ in 0..<count {
        _ = try side.decode(page, with: decoder)
    }
} catch {
    FileHandle.standardError.write(Data("decode-page: \(error)\n".utf8))
    exit(1)
}
