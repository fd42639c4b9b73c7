import ArgumentParser
import Foundation
import XFollows

/// `xfollows watch @name`: each follow and unfollow of an account, as it happens.
public struct WatchCommand: AsyncParsableCommand {
    /// Help and examples.
    public static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Print each follow and unfollow of an account as it happens (X Activity API).",
        discussion: """
            Subscribes the App to follow.follow and follow.unfollow events of the account (reusing the App's \
            subscriptions when it has them), then prints one line per event from X's activity stream: \
            "+ @a (id) followed @b (id)" or "- @a (id) unfollowed @b (id)", or with --json one object per \
            line. The stream survives disconnections: it reconnects as X asks and fetches the missed minutes \
            again, and prints nothing twice. Ctrl-C stops it; the subscriptions stay for the next watch.

            With --webhook URL, events come to a webhook instead: xfollows answers X's challenge-response \
            check and checks every delivery's signature (refusing forged and replayed ones), listening on \
            --listen (default: the URL's own host and port, for a local server); X itself calls only \
            https:// URLs without a port, so put a tunnel or proxy in front.

            What it costs: X charges $0.010 for each follow or unfollow event delivered (pay-per-usage, once \
            per event per UTC day); subscribing is free. Watching costs $0.010 per change, where exporting a \
            follower list to compare with `xfollows diff` costs $0.010 per follower each time: watch is \
            cheaper unless the account changes more often than it has followers between two exports. \
            --max-cost stops the watch before passing an amount.

            The X Activity API takes the App's bearer token: BEARER_TOKEN, or the App's API key and secret \
            (API_KEY and API_SECRET, or a profile from `xfollows login --pin` or `--app`).

            Examples:
              xfollows watch @XDevelopers
              xfollows watch @me --json > changes.jsonl
              xfollows watch @XDevelopers --max-cost 1.00
              xfollows watch @XDevelopers --webhook https://example.com/webhooks/x --listen 127.0.0.1:8443
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The account to watch: @handle, a numeric ID, or @me (the logged-in account).", valueName: "user"))
    var user: String

    @Flag(help: "One JSON object per event.")
    var json = false

    @Option(help: ArgumentHelp("Receive events at this webhook URL instead of the stream.", valueName: "url"))
    var webhook: String?

    @Option(help: ArgumentHelp("Where the webhook receiver listens, HOST:PORT (default: the --webhook URL's).", valueName: "host:port"))
    var listen: String?

    @Option(name: .customLong("max-cost"), help: ArgumentHelp(
        "Stop before spending more than DOLLARS on events in this run (e.g. 1.00).", valueName: "dollars"))
    var maxCost: String?

    /// Parsed.
    public init() {}

    /// Checks the options.
    public func validate() throws {
        if let maxCost, USD(maxCost) == nil {
            throw ValidationError("--max-cost takes an amount of dollars such as 1.00, not \"\(maxCost)\".")
        }
        if listen != nil, webhook == nil {
            throw ValidationError("--listen goes with --webhook.")
        }
        if let webhook, URL(string: webhook)?.host == nil {
            throw ValidationError("--webhook takes a URL such as https://example.com/webhooks/x, not \"\(webhook)\".")
        }
        if let listen, WebhookWatch.endpoint(listen) == nil {
            throw ValidationError("--listen takes HOST:PORT such as 127.0.0.1:8443, not \"\(listen)\".")
        }
    }

    /// Watches.
    public func run() async throws {
        let (user, json, webhook, listen) = (self.user, self.json, self.webhook, self.listen)
        let budget = maxCost.flatMap(USD.init).map { SpendBudget(lifetime: $0) }
        try await CommandRunner.run(global) { context in
            var configuration = context.configuration()
            // Foundation's URLSession cannot stream on Linux; the executable's transport can.
            if context.transport == nil, let make = StreamingTransport.make { configuration.transport = make() }
            let credentials = try await context.appCredentials(configuration: configuration)
            configuration.spending = try context.spendLedger(app: credentials.app)
            configuration.budget = budget
            let client = AppOnlyClient(credentials: credentials.bearer, configuration: configuration)
            let watched = try await Self.account(user, credentials: credentials, client: client, server: context.server)
            let runner = WatchRunner(context: context, client: client, watched: watched, kinds: [.followFollow, .followUnfollow],
                                     json: json)
            let pricing = OperationDescriptor.activityStream.pricing
            let price = pricing.map { "each event costs \($0.eventPrice(for: ActivityEventType.followFollow.rawValue).priceDescription)" } ?? "events are free"
            let cap = budget?.lifetime.map { "; this watch stops before passing \($0)" } ?? "; --max-cost caps it"
            let started = Date()
            var tally = WatchTally()
            var failure: (any Error)?
            do {
                if let webhook {
                    let watch = try WebhookWatch(runner: runner, url: webhook, listen: listen, credentials: credentials)
                    tally = try await watch.run(introduction: "\(price)\(cap)")
                } else {
                    let (reused, created) = try await runner.subscribe()
                    context.errors.line("Watching \(watched.description) (\(Self.subscriptions(reused: reused, created: created))); \(price)\(cap). Ctrl-C stops.")
                    tally = try await runner.stream()
                }
            } catch {
                failure = error
            }
            let spent = await configuration.spending.lifetimeSpent
            let minutes = Int(Date().timeIntervalSince(started) / 60)
            context.errors.line("Watched \(watched.description) for \(Formatting.count(minutes, "minute")): \(tally.summary); this run spent \(spent).")
            if let failure { throw failure }
            return .success
        }
    }

    /// The account `user` names; `@me` is the profile's.
    static func account(_ user: String, credentials: AppCredentials, client: AppOnlyClient, server: ServerTarget) async throws -> Account {
        if user.lowercased() == "@me" || user.lowercased() == "me" {
            guard let id = credentials.userID else {
                throw CLIFailure.usage("@me needs a profile logged in as a user (`xfollows login --pin`); name the account instead.")
            }
            let found = try await UserReference.id(id).lookUp(with: client, fields: [], server: server)
            return Account(id: found.id, username: found.username)
        }
        let found = try await UserReference(parsing: user, what: "user").lookUp(with: client, fields: [], server: server)
        return Account(id: found.id, username: found.username)
    }

    /// `2 subscriptions reused` / `2 subscriptions made`.
    static func subscriptions(reused: Int, created: Int) -> String {
        [reused > 0 ? "\(Formatting.count(reused, "subscription")) reused" : nil,
         created > 0 ? "\(Formatting.count(created, "subscription")) made" : nil].compactMap { $0 }.joined(separator: ", ")
    }
}
