import Foundation
import XFollows

/// The answers of the faults that stand in for an operation (5xx, a 429 burst), and the
/// rewrite of a page whose `next_token` repeats the token it was requested with.
enum FaultResponses {
    /// The answer to a fault that does not run the operation; `nil` for one that does.
    static func answer(_ fault: SandboxFault, plan: SandboxFaults, at now: Date) -> SandboxHTTPResponse? {
        let retryAfter = ("retry-after", String(plan.retryAfterSeconds))
        switch fault {
        case .serverError, .serverErrorRetryAfter:
            var response = SandboxHTTPResponse.problem(Problem(
                type: "about:blank", title: "Internal Server Error",
                detail: "Something went wrong on X's side (an injected fault).", status: 500), status: 500)
            if fault == .serverErrorRetryAfter { response.headers.append(retryAfter) }
            return response
        case .unavailable, .unavailableRetryAfter:
            var response = SandboxHTTPResponse.problem(Problem(
                type: "about:blank", title: "Service Unavailable",
                detail: "X is over capacity (an injected fault).", status: 503), status: 503)
            if fault == .unavailableRetryAfter { response.headers.append(retryAfter) }
            return response
        case .rateLimitBurst:
            var response = SandboxHTTPResponse.problem(SandboxProblems.tooManyRequests, status: 429)
            let reset = Date(timeIntervalSince1970: (now.timeIntervalSince1970 + Double(plan.retryAfterSeconds)).rounded(.up))
            response.add(RateLimitStatus(limit: 1, remaining: 0, reset: reset), .rateLimit)
            return response
        case .resetBeforeResponse, .resetMidBody, .truncatedBody, .slowFirstByte, .slowBody, .duplicatePage:
            return nil
        }
    }

    /// A page's JSON with `meta.next_token` set to `token`, the token it was requested with;
    /// the body as it was when it is not a JSON object.
    static func repeatingToken(_ token: String, in body: Data) -> Data {
        guard var object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else { return body }
        var meta = object["meta"] as? [String: Any] ?? [:]
        meta["next_token"] = token
        object["meta"] = meta
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? body
    }
}
