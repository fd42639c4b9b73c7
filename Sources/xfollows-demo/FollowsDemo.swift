import ArgumentParser
import Foundation
import XFollows
import XSandbox

/// `xfollows-demo`: the generated client against a running `x-sandbox`.
///
/// It lists followers with fields and an expansion, follows a public and a
/// protected account, unfollows, and pages through every follower of an
/// account with 10,000 of them — everything a newcomer does on day one.
@main
struct FollowsDemo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xfollows-demo",
        abstract: "List, page, follow and unfollow through the generated XFollows client against x-sandbox.",
        discussion: """
            Start the sandbox first, then point the demo at it:

              swift run x-sandbox --port 8080 --no-limits &
              swift run xfollows-demo http://127.0.0.1:8080

            The demo uses the sandbox's demo credentials for its seed (the ones x-sandbox prints).
            """
    )

    @Argument(help: "The sandbox's base URL.")
    var server: String = "http://127.0.0.1:8080"

    @Option(help: "The seed the sandbox was started with (its credentials depend on it).")
    var seed: UInt64 = SandboxGraph.defaultSeed

    func run() async throws {
        guard let serverURL = URL(string: server), serverURL.scheme != nil else {
            throw ValidationError("'\(server)' is not a URL such as http://127.0.0.1:8080")
        }
        let credentials = SandboxGraph.seeded(seed: seed).credentials
        let configuration = ClientConfiguration(serverURL: serverURL)

        do {
            // App-only: lookups only. `app.follow(_:)` would not compile.
            let app = AppOnlyClient(credentials: AppOnlyCredentials(bearerToken: credentials.bearerToken), configuration: configuration)
            let page = try await app.followers(
                of: SandboxAccounts.xDevelopers,
                maxResults: 5,
                userFields: [.createdAt, .publicMetrics, .verified],
                expansions: [.pinnedPostID],
                postFields: [.createdAt]
            )
            print("First followers of @XDevelopers (\(page.rateLimit?.remaining.map { "\($0) requests left in this window" } ?? "no rate-limit headers")):")
            for user in page.data ?? [] {
                let followers = user.publicMetrics?.followersCount ?? 0
                let pinned = user.pinnedTweet.map { " — pinned: \"\($0.text.prefix(40))\"" } ?? ""
                print("  @\(user.username) (\(followers) followers)\(pinned)")
            }

            // A user: OAuth 1.0a as @sandbox_alice; she is the source user by default.
            guard let alice = credentials.userCredentials(for: SandboxAccounts.alice) else {
                throw ValidationError("the sandbox graph has no credentials for @sandbox_alice")
            }
            let user = UserClient(credentials: alice, configuration: configuration)
            for target in [SandboxAccounts.xDevelopers, SandboxAccounts.lockedLucy] {
                switch try await user.follow(target).data {
                case .following?: print("Alice now follows \(target).")
                case .pending?: print("Alice asked to follow \(target); the account is protected, so it is pending.")
                case nil: print("The follow of \(target) came back without data.")
                }
            }
            let unfollowed = try await user.unfollow(SandboxAccounts.xDevelopers)
            print("Alice unfollowed \(SandboxAccounts.xDevelopers): following = \(unfollowed.data?.following ?? true).")

            // Every follower of an account with 10,000, a thousand per page.
            var count = 0
            var pages = 0
            for try await page in user.followersPages(of: SandboxAccounts.tenThousandClub, maxResults: 1000) {
                count += page.items.count
                pages += 1
            }
            print("Paged through \(count) followers of @tenk_club in \(pages) pages.")
        } catch let error as XAPIError where error.code == .rateLimited {
            print("Rate limited: \(error). Restart the sandbox with --no-limits to run the demo again at once.")
            throw ExitCode(1)
        } catch let error as XAPIError where error.code == .transport {
            print("Cannot reach the sandbox at \(serverURL): \(error). Is `swift run x-sandbox --port 8080` running?")
            throw ExitCode(1)
        }
    }
}
