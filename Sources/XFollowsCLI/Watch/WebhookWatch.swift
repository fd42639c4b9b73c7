import Foundation
import XAPIWebhooks
import XFollows

/// `watch --webhook URL`: the receiver listens, the App registers (or reuses) the webhook,
/// which X checks by challenge-response, the subscriptions point at it, and each verified
/// delivery is printed and charged.
struct WebhookWatch: Sendable {
    let runner: WatchRunner
    let url: URL
    let host: String
    let port: Int
    let consumerSecret: String

    init(runner: WatchRunner, url text: String, listen: String?, credentials: AppCredentials) throws {
        guard let url = URL(string: text), let urlHost = url.host else { throw CLIFailure.usage("--webhook takes a URL, not \"\(text)\".") }
        guard let secret = credentials.consumerSecret else {
            throw CLIFailure.notLoggedIn("--webhook needs the App's API secret, which X's challenge-response check and signatures are "
                + "keyed with: set API_SECRET (with \(EnvironmentCredentials.bearerVariable) or API_KEY), or log in with `xfollows login --pin`.")
        }
        let endpoint = listen.flatMap(Self.endpoint) ?? url.port.map { (urlHost, $0) }
        guard let (host, port) = endpoint else {
            throw CLIFailure.usage("--webhook \(text) has no port to listen on: give --listen HOST:PORT, where the proxy in front of it forwards.")
        }
        self.runner = runner
        self.url = url
        self.host = host
        self.port = port
        self.consumerSecret = secret
    }

    /// `HOST:PORT` (`[::1]:8443` for IPv6).
    static func endpoint(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }

    /// Serves until the task is cancelled or the budget is spent.
    func run(introduction: String) async throws -> WatchTally {
        let context = runner.context
        var configuration = WebhookReceiverConfiguration()
        configuration.path = url.path.isEmpty ? WebhookReceiverConfiguration.defaultPath : url.path
        let receiver = WebhookReceiver<ActivityStreamMessage>(consumerSecret: consumerSecret, configuration: configuration,
                                                              logger: context.logger)
        let server = try await receiver.start(host: host, port: port, logger: context.logger)
        do {
            let tally = try await receive(receiver, introduction: introduction)
            await server.shutdown()
            return tally
        } catch {
            await server.shutdown()
            throw error
        }
    }

    private func receive(_ receiver: WebhookReceiver<ActivityStreamMessage>, introduction: String) async throws -> WatchTally {
        let context = runner.context
        let client = runner.client
        let webhook = try await register(client)
        let (reused, created) = try await runner.subscribe(webhookID: webhook.id)
        context.errors.line("Watching \(runner.watched) at webhook \(webhook.id) (\(url.absoluteString), listening on \(host):\(port); "
            + "\(WatchCommand.subscriptions(reused: reused, created: created))); \(introduction). Ctrl-C stops.")
        let encoder = XAPIJSON.makeEncoder()
        let pricing = OperationDescriptor.activityStream.pricing
        var tally = WatchTally()
        for await message in receiver.events {
            guard let event = try runner.print(message, encoder: encoder) else { continue }
            tally.count(event)
            // X charges webhook deliveries as it charges the stream's events.
            if let pricing {
                let result = try await client.configuration.spending.chargeEvent(
                    id: event.eventUUID, type: event.eventType.rawValue, pricing: pricing, budget: client.configuration.budget,
                    operation: .activityStream)
                if let exhausted = result.budgetExhausted { throw exhausted }
            }
        }
        let statistics = receiver.statistics
        if statistics.forged + statistics.replayed + statistics.dropped + statistics.undecodable > 0 {
            context.errors.line("Refused \(Formatting.count(statistics.forged, "forged delivery", "forged deliveries")) and "
                + "\(Formatting.count(statistics.replayed, "replay")); dropped \(statistics.dropped); \(statistics.undecodable) undecodable.")
        }
        return tally
    }

    /// The App's webhook for the URL: reused (checked again when it is not valid) or registered.
    private func register(_ client: AppOnlyClient) async throws -> WebhookConfig {
        if let existing = try await client.webhooks().data?.first(where: { $0.url == url.absoluteString }) {
            if !existing.valid, try await client.validateWebhook(existing.id).data?.valid != true {
                throw CLIFailure.failure("Webhook \(existing.id) (\(url.absoluteString)) does not pass X's challenge-response check.")
            }
            return existing
        }
        guard let created = try await client.registerWebhook(url: url.absoluteString).data else {
            throw CLIFailure.failure("The server registered no webhook for \(url.absoluteString).")
        }
        return created
    }
}
