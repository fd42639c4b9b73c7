import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XAPIRuntime

/// How x-sandbox talks to a webhook, as X does: a challenge-response check (a `GET` with
/// `crc_token`, whose answer must be `{"response_token": "sha256=…"}` keyed with the App's
/// consumer secret) and signed deliveries (a `POST` of the event with
/// `x-twitter-webhooks-signature`).
struct WebhookClient: Sendable {
    let timeout: Duration

    /// Why a check failed, in X's words (`CrcValidationFailed`).
    struct CheckFailure: Error, Sendable {
        var detail: String
    }

    /// Sends a challenge to `url` and checks the answer.
    func check(_ url: URL, consumerSecret: String) async throws(CheckFailure) {
        let token = Self.challengeToken()
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            throw CheckFailure(detail: "The URL cannot carry a query.")
        }
        components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: WebhookSignature.crcTokenParameter, value: token)]
        guard let challengeURL = components.url else { throw CheckFailure(detail: "The URL cannot carry a query.") }
        var request = URLRequest(url: challengeURL, timeoutInterval: timeout.timeInterval)
        request.httpMethod = "GET"
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw CheckFailure(detail: "The webhook did not answer the challenge-response check: \(error.localizedDescription)")
        }
        guard let status = (response as? HTTPURLResponse)?.statusCode, (200..<300).contains(status) else {
            throw CheckFailure(detail: "The webhook answered the challenge-response check with HTTP \((response as? HTTPURLResponse)?.statusCode ?? 0).")
        }
        let answer = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        let responseToken = answer?[WebhookSignature.responseTokenMember] as? String
        guard WebhookSignature.isValidCRCResponse(responseToken, to: token, consumerSecret: consumerSecret) else {
            throw CheckFailure(detail: "The webhook's `\(WebhookSignature.responseTokenMember)` does not answer the challenge: "
                + "it must be `sha256=` and the base64 HMAC-SHA256 of the `crc_token`, keyed with the App's consumer secret.")
        }
    }

    /// POSTs `body`, signed, to `url`; answers the status, or `nil` when nothing came back.
    func deliver(_ body: Data, to url: URL, consumerSecret: String) async -> Int? {
        var request = URLRequest(url: url, timeoutInterval: timeout.timeInterval)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "content-type")
        request.setValue(WebhookSignature.signature(of: body, consumerSecret: consumerSecret), forHTTPHeaderField: WebhookSignature.headerName)
        guard let (_, response) = try? await URLSession.shared.data(for: request) else { return nil }
        return (response as? HTTPURLResponse)?.statusCode
    }

    /// A fresh challenge: 32 random bytes, base64url.
    static func challengeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
