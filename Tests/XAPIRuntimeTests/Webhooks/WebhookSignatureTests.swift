import Foundation
import Testing
import XAPIRuntime

@Suite("Webhook CRC and signatures")
struct WebhookSignatureTests {
    /// RFC 4231, test case 2 (key "Jefe"): HMAC-SHA256 5bdcc146…3843, here in X's
    /// `sha256=` + base64 form.
    @Test func rfc4231Vector() {
        #expect(WebhookSignature.crcResponse(to: "what do ya want for nothing?", consumerSecret: "Jefe")
            == "sha256=W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=")
    }

    /// The answer X's own Python recipe (webhooks quickstart, `handle_crc`) computes for the
    /// same token and secret, run with CPython's `hmac`.
    @Test func crcAnswerMatchesXsRecipe() {
        #expect(WebhookSignature.crcResponse(to: "challenge_string", consumerSecret: "consumer-secret")
            == "sha256=S/mG8E9n5SjoGuCqHguvP8K8uuu5ogCPF0dOpIdyZlk=")
    }

    @Test func signatureOfTheRawBody() {
        let body = Data(#"{"data":{}}"#.utf8)
        let header = "sha256=RgUBLfcxMY9p4IskLCtHGW9zP0y1XBbPueX/xCFu94Y="
        #expect(WebhookSignature.signature(of: body, consumerSecret: "consumer-secret") == header)
        #expect(WebhookSignature.isValid(header, body: body, consumerSecret: "consumer-secret"))
    }

    @Test func forgeriesAreRefused() {
        let body = Data(#"{"data":{}}"#.utf8)
        let header = WebhookSignature.signature(of: body, consumerSecret: "consumer-secret")
        #expect(!WebhookSignature.isValid(nil, body: body, consumerSecret: "consumer-secret"))
        #expect(!WebhookSignature.isValid("", body: body, consumerSecret: "consumer-secret"))
        #expect(!WebhookSignature.isValid(header, body: Data(#"{"data":{ }}"#.utf8), consumerSecret: "consumer-secret"))
        #expect(!WebhookSignature.isValid(header, body: body, consumerSecret: "another-secret"))
        #expect(!WebhookSignature.isValid(String(header.dropLast()), body: body, consumerSecret: "consumer-secret"))
        #expect(!WebhookSignature.isValidCRCResponse("sha256=", to: "t", consumerSecret: "s"))
        #expect(WebhookSignature.isValidCRCResponse(
            WebhookSignature.crcResponse(to: "t", consumerSecret: "s"), to: "t", consumerSecret: "s"))
    }
}
