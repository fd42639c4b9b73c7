import Foundation
import Hummingbird
import HTTPTypes
import XAPIRuntime
import XAPIServerRuntime

/// Every answer the receiver gives, in X's shapes: the CRC's `{"response_token": …}` as
/// `application/json`, refusals as X's problem JSON (`application/problem+json`, encoded by
/// XAPIServerRuntime's `EncodedResponse(problem:status:headerFields:)`, the helper the
/// generated server code shares), and an empty `200` for every delivery X should not retry.
enum WebhookAnswers {
    static let problemsBase = "https://api.x.com/2/problems/"

    /// `200 {"response_token":"sha256=…"}`.
    static func crc(responseToken: String) -> Response {
        let body = (try? XAPIJSON.makeEncoder().encode([WebhookSignature.responseTokenMember: responseToken])) ?? Data()
        return response(EncodedResponse(status: .ok, headerFields: [.contentType: "application/json"], body: body))
    }

    /// `400`: the CRC request has no `crc_token`, or an empty one. The shape of X's own
    /// invalid-request problems (X API, response codes and errors).
    static var missingCRCToken: Response {
        problem(.badRequest, Problem(
            type: problemsBase + "invalid-request",
            title: "Invalid Request",
            detail: "The `\(WebhookSignature.crcTokenParameter)` query parameter is missing or empty."
        ))
    }

    /// `401`: the delivery's signature is missing or wrong. The shape of X's own 401.
    static func forged(_ detail: String) -> Response {
        problem(.unauthorized, Problem(type: "about:blank", title: "Unauthorized", detail: detail, status: 401))
    }

    /// `413`: the body is longer than the limit. The rest of it is not read, so the connection
    /// closes after the answer.
    static func tooLarge(limit: Int) -> Response {
        problem(.contentTooLarge, Problem(
            type: "about:blank", title: "Content Too Large",
            detail: "The request body is longer than \(limit) bytes.", status: 413
        ), headerFields: [.connection: "close"])
    }

    /// `400`: the body could not be read (the connection broke, say).
    static var unreadable: Response {
        problem(.badRequest, Problem(
            type: "about:blank", title: "Bad Request", detail: "The request body could not be read.", status: 400
        ), headerFields: [.connection: "close"])
    }

    /// `200` with no body: received (delivered, or deliberately not).
    static var acknowledged: Response {
        Response(status: .ok)
    }

    private static func problem(_ status: HTTPResponse.Status, _ problem: Problem, headerFields: HTTPFields = [:]) -> Response {
        response(EncodedResponse(problem: problem, status: status, headerFields: headerFields))
    }

    private static func response(_ encoded: EncodedResponse) -> Response {
        Response(status: encoded.status, headers: encoded.headerFields,
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: encoded.body)))
    }
}
