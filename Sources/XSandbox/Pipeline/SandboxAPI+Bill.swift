import Foundation
import XAPIServerRuntime
import XFollows

/// The sandbox's own pages, under `/_sandbox/` (X has no such paths): what each App was
/// billed, and adding credits to an App, for developers and tests.
///
/// | Request | Answers |
/// | --- | --- |
/// | `GET /_sandbox/bill` | ``SandboxBill`` as JSON: each App's plan, credits, spending today and every charge |
/// | `POST /_sandbox/credits` with `{"app": "29012345", "amount": "5.00"}` | adds credits to the App; answers the bill |
extension SandboxAPI {
    /// The prefix of the sandbox's own paths.
    static let ownPrefix = "/_sandbox/"

    /// Answers a request to one of the sandbox's own paths.
    func respondToOwnPage(_ request: Request, at now: Date) async -> SandboxHTTPResponse {
        switch (request.method, request.path) {
        case ("GET", "/_sandbox/bill"), ("HEAD", "/_sandbox/bill"):
            return .json(await store.bill(of: authenticator.orderedApps, at: now))
        case ("POST", "/_sandbox/credits"):
            struct Credits: Decodable { var app: String; var amount: USD }
            guard let credits = try? XAPIJSON.makeDecoder().decode(Credits.self, from: request.body) else {
                return .problem(.invalidRequest([InvalidParameter(
                    parameter: nil, value: nil,
                    message: "The body must be {\"app\": \"<App ID>\", \"amount\": \"<dollars, e.g. 5.00>\"}")]), status: 400)
            }
            guard let app = authenticator.orderedApps.first(where: { $0.id == credits.app }) else {
                return .problem(.invalidRequest([InvalidParameter(
                    parameter: "app", value: credits.app,
                    message: "No App has the ID [\(credits.app)]; the bill (GET /_sandbox/bill) lists them")]), status: 400)
            }
            await store.addCredits(credits.amount, to: app.key)
            return .json(await store.bill(of: authenticator.orderedApps, at: now))
        case (_, "/_sandbox/bill"), (_, "/_sandbox/credits"):
            var response = SandboxHTTPResponse.problem(SandboxProblems.methodNotAllowed(request.method, path: request.path), status: 405)
            response.headers.append(("allow", request.path == "/_sandbox/bill" ? "GET, HEAD" : "POST"))
            return response
        default:
            return .problem(SandboxProblems.notFound(request.path), status: 404)
        }
    }
}
