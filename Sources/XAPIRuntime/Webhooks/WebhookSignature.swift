import Crypto
import Foundation

/// X's webhook security: the challenge-response check (CRC) a webhook answers, and the
/// `x-twitter-webhooks-signature` header every delivery carries. Both are
/// `sha256=` followed by the base64 of an HMAC-SHA256 keyed with the App's consumer secret
/// (its API secret key), over the `crc_token` for a CRC and over the raw request body for a
/// delivery (X's webhooks quickstart, docs.x.com/x-api/webhooks/quickstart).
///
/// A receiver answers a CRC and checks a delivery:
///
/// ```swift
/// // GET /webhook?crc_token=…
/// let answer = WebhookSignature.crcResponse(to: crcToken, consumerSecret: secret)
/// // → {"response_token": answer}
///
/// // POST /webhook
/// guard WebhookSignature.isValid(signatureHeader, body: rawBody, consumerSecret: secret) else {
///     // 401: not from X
/// }
/// ```
///
/// x-sandbox signs its deliveries and checks a webhook's CRC answer with the same functions.
public enum WebhookSignature {
    /// The request header that carries a delivery's signature.
    public static let headerName = "x-twitter-webhooks-signature"

    /// The query parameter of X's CRC request.
    public static let crcTokenParameter = "crc_token"

    /// The member of the CRC answer's JSON object that carries the response token.
    public static let responseTokenMember = "response_token"

    /// The scheme prefix of a response token and of a signature.
    public static let prefix = "sha256="

    /// The `response_token` that answers a CRC challenge: `sha256=` + base64(HMAC-SHA256(consumer
    /// secret, crc_token)).
    public static func crcResponse(to crcToken: String, consumerSecret: String) -> String {
        signature(of: Data(crcToken.utf8), consumerSecret: consumerSecret)
    }

    /// The signature X sends with a delivery whose raw body is `body`.
    public static func signature(of body: some DataProtocol, consumerSecret: String) -> String {
        let key = SymmetricKey(data: Data(consumerSecret.utf8))
        let code = HMAC<SHA256>.authenticationCode(for: Data(body), using: key)
        return prefix + Data(code).base64EncodedString()
    }

    /// Whether `header` is the signature of `body` under `consumerSecret`, compared in constant
    /// time. A missing header is not valid.
    public static func isValid(_ header: String?, body: some DataProtocol, consumerSecret: String) -> Bool {
        guard let header else { return false }
        return ConstantTime.equals(header, signature(of: body, consumerSecret: consumerSecret))
    }

    /// Whether `responseToken` correctly answers the challenge `crcToken`, compared in constant
    /// time: what X (and x-sandbox) checks when a webhook is registered or re-validated.
    public static func isValidCRCResponse(_ responseToken: String?, to crcToken: String, consumerSecret: String) -> Bool {
        guard let responseToken else { return false }
        return ConstantTime.equals(responseToken, crcResponse(to: crcToken, consumerSecret: consumerSecret))
    }
}
