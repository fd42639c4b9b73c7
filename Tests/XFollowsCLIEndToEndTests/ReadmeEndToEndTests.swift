import Foundation
import Testing

@Suite("Article: the xfollows walk-through", .timeLimit(.minutes(3)))
struct ReadmeEndToEndTests {
    @Test("The client ID the xfollows article exports is the one the sandbox prints")
    func clientID() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/XFollows/XFollows.docc/TheXFollowsTool.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let sandbox = try await Sandbox()
        #expect(!sandbox.publicClientID.isEmpty)
        #expect(readme.contains("export CLIENT_ID=\(sandbox.publicClientID)\nswift run xfollows login --server http://127.0.0.1:8080"))
    }
}
