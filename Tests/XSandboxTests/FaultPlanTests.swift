import Foundation
import Testing
@testable import XSandbox

@Suite("Fault plans (--faults)")
struct FaultPlanTests {
    @Test("Settings read with their defaults")
    func reads() throws {
        let plan = try SandboxFaults(parsing: "rate=0.1, seed=42,kinds=503-retry-after+reset-mid-body,delay=1.5,retry-after=2,burst=4")
        #expect(plan.rate == 0.1)
        #expect(plan.seed == 42)
        #expect(plan.kinds == [.unavailableRetryAfter, .resetMidBody])
        #expect(plan.delay == .milliseconds(1500))
        #expect(plan.retryAfterSeconds == 2)
        #expect(plan.burstLength == 4)
        #expect(!plan.includesSandboxPaths)
        #expect(try SandboxFaults(parsing: "rate=1").kinds == SandboxFault.allCases)
        #expect(try SandboxFaults(parsing: "rate=1,sandbox-paths=yes").includesSandboxPaths)
        #expect(try SandboxFaults(parsing: "rate=1,operations=usersIdFollow+usersIdUnfollow").operations == ["usersIdFollow", "usersIdUnfollow"])
    }

    @Test("Bad settings say what and where", arguments: [
        ("seed=1", "--faults: no rate"),
        ("rate=2", "--faults: rate takes a share between 0 and 1"),
        ("rate=0.1,kinds=503+teapot", "--faults: unknown fault \"teapot\""),
        ("rate=0.1,colour=red", "--faults: unknown setting \"colour\""),
        ("rate=0.1,seed", "--faults: \"seed\" is not a name=value setting"),
        ("rate=0.1,delay=-1", "--faults: delay takes seconds"),
        ("rate=0.1,operations=usersIdFollow+follow", "--faults: unknown operation \"follow\""),
    ])
    func refuses(text: String, message: String) {
        #expect {
            try SandboxFaults(parsing: text)
        } throws: { error in
            String(describing: error).hasPrefix(message)
        }
    }

    @Test("A file's settings read line by line, and its errors name the line")
    func file() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("faults-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try "# X on a bad day\nrate=0.25\nseed=7, kinds=500+429-burst\n".write(to: url, atomically: true, encoding: .utf8)
        let plan = try SandboxFaults(contentsOf: url)
        #expect(plan.rate == 0.25 && plan.seed == 7 && plan.kinds == [.serverError, .rateLimitBurst])
        try "rate=0.25\n\nburst=0\n".write(to: url, atomically: true, encoding: .utf8)
        #expect {
            try SandboxFaults(contentsOf: url)
        } throws: { error in
            String(describing: error).hasPrefix("\(url.path) line 3: burst takes")
        }
    }
}
