import Foundation
import Testing
import XAPIWebhooks

@Suite("Webhook CRC over HTTP", .timeLimit(.minutes(3)))
struct CRCTests {
    /// X's Python recipe (webhooks quickstart, `handle_crc`) run with CPython:
    /// python3 -c "import hmac,hashlib,base64; print('sha256='+base64.b64encode(hmac.new(b'webhook-consumer-secret-7Qx2', b'bWFkZS11cCBjaGFsbGVuZ2U', hashlib.sha256).digest()).decode())"
    static let pythonAnswer = "sha256=dyeuHRrc/qtT2FCQHI8IVlTRCXkidvKnYdueSxtVi7s="

    @Test("GET ?crc_token= answers 200 application/json with the response token X's Python recipe computes")
    func answersTheChallenge() async throws {
        try await withReceiver { _, server in
            #expect(server.port > 0)
            #expect(server.url.absoluteString == "http://127.0.0.1:\(server.port)/webhooks/x")
            let reply = try await HTTP.get(URL(string: server.url.absoluteString + "?crc_token=bWFkZS11cCBjaGFsbGVuZ2U")!)
            #expect(reply.status == 200)
            #expect(reply.contentType == "application/json")
            #expect(reply.object == ["response_token": Self.pythonAnswer])
        }
    }

    /// The token is read as Flask's `request.args` reads it (`+` is a space, `%2B` a plus),
    /// so the answer is the one X's recipe gives for the same request:
    /// python3 -c "import hmac,hashlib,base64,urllib.parse; t=urllib.parse.parse_qs('crc_token=a%2Bb+c/d%3D')['crc_token'][0]; print('sha256='+base64.b64encode(hmac.new(b'webhook-consumer-secret-7Qx2', t.encode(), hashlib.sha256).digest()).decode())"
    @Test("An encoded token is decoded as Flask decodes it")
    func decodesTheTokenLikeXsRecipe() async throws {
        try await withReceiver { _, server in
            let reply = try await HTTP.get(URL(string: server.url.absoluteString + "?other=1&crc_token=a%2Bb+c/d%3D")!)
            #expect(reply.object["response_token"] == "sha256=1n68ecIMsfOxReqklb/1gBNon520p7nofK/9PYkrggQ=")
        }
    }

    @Test("A missing or empty crc_token is 400 in X's invalid-request problem shape", arguments: ["", "?crc_token=", "?crc=abc"])
    func missingTokenIsAProblem(query: String) async throws {
        try await withReceiver { receiver, server in
            let reply = try await HTTP.get(URL(string: server.url.absoluteString + query)!)
            #expect(reply.status == 400)
            #expect(reply.contentType == "application/problem+json")
            #expect(reply.object["type"] == "https://api.x.com/2/problems/invalid-request")
            #expect(reply.object["title"] == "Invalid Request")
            #expect(reply.object["detail"]?.contains("crc_token") == true)
            #expect(receiver.statistics == WebhookStatistics())
        }
    }

    @Test("Another path is not the receiver's")
    func otherPathsAreNotServed() async throws {
        try await withReceiver { _, server in
            let reply = try await HTTP.get(URL(string: "http://127.0.0.1:\(server.port)/webhooks/y?crc_token=abc")!)
            #expect(reply.status == 404)
        }
    }
}
