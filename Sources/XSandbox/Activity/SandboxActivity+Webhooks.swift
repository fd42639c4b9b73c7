import Foundation
import XAPIRuntime
import XAPIServerRuntime
import XFollows

extension SandboxActivity {
    /// X's reasons a webhook is refused.
    enum WebhookRefusal: Error, Sendable {
        /// `UrlValidationFailed`: not a URL X (or, on loopback, the sandbox) delivers to.
        case invalidURL(String)
        /// `DuplicateUrlFailed`.
        case duplicateURL
        /// `CrcValidationFailed`.
        case challengeFailed(String)
        /// `WebhookIdInvalid`.
        case unknownWebhook(String)

        /// X's problem document for it, answered with 400.
        var problem: Problem {
            switch self {
            case .invalidURL(let detail): SandboxProblems.webhookRefused("UrlValidationFailed", detail)
            case .duplicateURL: SandboxProblems.webhookRefused("DuplicateUrlFailed", "A webhook is already registered by this App for this URL.")
            case .challengeFailed(let detail): SandboxProblems.webhookRefused("CrcValidationFailed", detail)
            case .unknownWebhook(let id): SandboxProblems.webhookRefused("WebhookIdInvalid", "No webhook [\(id)] belongs to this App.")
            }
        }
    }

    /// Registers `url` for `app` once it passes a challenge-response check.
    func register(_ url: String, app: SandboxApp, at now: Date) async throws(WebhookRefusal) -> WebhookConfig {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), let host = parsed.host?.lowercased() else {
            throw .invalidURL("The URL is not valid.")
        }
        let loopback = ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
        guard scheme == "https" || (scheme == "http" && loopback) else {
            throw .invalidURL("The URL must use HTTPS (x-sandbox also accepts http:// on loopback).")
        }
        guard loopback || parsed.port == nil else { throw .invalidURL("The URL cannot include a port.") }
        guard !webhooks.values.contains(where: { $0.app == app.key && $0.value.url == url }) else { throw .duplicateURL }
        do {
            try await webhookClient.check(parsed, consumerSecret: app.credentials.consumerSecret)
        } catch {
            throw .challengeFailed(error.detail)
        }
        // Checked again: another registration may have finished while this one waited.
        guard !webhooks.values.contains(where: { $0.app == app.key && $0.value.url == url }) else { throw .duplicateURL }
        let id = String(nextWebhookID)
        nextWebhookID += 1
        let webhook = WebhookConfig(id: id, url: url, valid: true, createdAt: now)
        webhooks[id] = Webhook(app: app.key, value: webhook)
        return webhook
    }

    /// `app`'s webhooks, oldest first.
    func webhooks(of app: String) -> [WebhookConfig] {
        webhooks.values.filter { $0.app == app }.map(\.value).sorted { (UInt64($0.id) ?? 0) < (UInt64($1.id) ?? 0) }
    }

    /// Checks a webhook again; it is valid (delivered to) only when it passes.
    func revalidate(_ id: String, app: SandboxApp) async throws(WebhookRefusal) -> Bool {
        guard let webhook = webhooks[id], webhook.app == app.key, let url = URL(string: webhook.value.url) else {
            throw .unknownWebhook(id)
        }
        var valid = true
        do {
            try await webhookClient.check(url, consumerSecret: app.credentials.consumerSecret)
        } catch {
            valid = false
        }
        webhooks[id]?.value.valid = valid
        return valid
    }

    /// Removes a webhook; subscriptions that named it keep only the stream.
    func removeWebhook(_ id: String, app: String) throws(WebhookRefusal) {
        guard webhooks[id]?.app == app else { throw .unknownWebhook(id) }
        webhooks[id] = nil
        for (key, subscription) in subscriptions where subscription.value.webhookID == id {
            subscriptions[key]?.value.webhookID = nil
        }
    }

    /// Posts an event to a webhook, signed with the App's consumer secret, without waiting
    /// for it.
    func deliver(_ message: ActivityStreamMessage, to webhook: WebhookConfig, app: SandboxApp) {
        guard let url = URL(string: webhook.url), let body = try? XAPIJSON.makeEncoder().encode(message) else { return }
        let client = webhookClient
        let secret = app.credentials.consumerSecret
        Task { _ = await client.deliver(body, to: url, consumerSecret: secret) }
    }
}
