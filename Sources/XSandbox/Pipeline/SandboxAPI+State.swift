import Foundation
import XAPIServerRuntime
import XFollows

/// The sandbox's own state and dashboard, under `/_sandbox/` (X has no such paths):
///
/// | Request | Answers |
/// | --- | --- |
/// | `GET /_sandbox/dashboard` | the dashboard page, which polls the next one |
/// | `GET /_sandbox/state` | the journal's latest requests, open windows, daily caps, the bill, grant counts (no secrets) |
/// | `GET /_sandbox/state/export` | the kept state as an export document (`--state` only; it holds tokens) |
/// | `POST /_sandbox/state/import` | replaces the state with an export document's, all or nothing |
/// | `POST /_sandbox/state/reset` | forgets every change since start |
extension SandboxAPI {
    /// Answers one of these paths; `nil` for any other.
    func respondToStatePage(_ request: Request, at now: Date) async -> SandboxHTTPResponse? {
        let allowed: String
        switch (request.method, request.path) {
        case ("GET", "/_sandbox/dashboard"), ("HEAD", "/_sandbox/dashboard"):
            return .html(DashboardPage.html)
        case ("GET", "/_sandbox/state"), ("HEAD", "/_sandbox/state"):
            let body = await DashboardSnapshot.json(store: store, authorization: authenticator.authorization.state,
                                                    apps: authenticator.orderedApps, keepsState: state?.journal != nil, at: now)
            return SandboxHTTPResponse(status: 200, headers: [("content-type", "application/json"), ("cache-control", "no-store")],
                                       body: body)
        case ("GET", "/_sandbox/state/export"):
            guard let state else { return Self.noState }
            do throws(SandboxStateError) {
                guard let document = try state.export(at: now) else { return Self.noState }
                return SandboxHTTPResponse(status: 200, headers: [("content-type", "application/json")], body: document)
            } catch {
                return Self.stateProblem(error, status: 500)
            }
        case ("POST", "/_sandbox/state/import"):
            guard let state else { return Self.noState }
            do throws(SandboxStateError) {
                try await state.import(request.body, source: "the request body")
                return .jsonObject(["imported": true])
            } catch {
                return Self.stateProblem(error, status: 400)
            }
        case ("POST", "/_sandbox/state/reset"):
            guard let state else { return Self.noState }
            do throws(SandboxStateError) {
                try await state.reset()
                return .jsonObject(["reset": true])
            } catch {
                return Self.stateProblem(error, status: 500)
            }
        case (_, "/_sandbox/dashboard"), (_, "/_sandbox/state"): allowed = "GET, HEAD"
        case (_, "/_sandbox/state/export"): allowed = "GET"
        case (_, "/_sandbox/state/import"), (_, "/_sandbox/state/reset"): allowed = "POST"
        default: return nil
        }
        var response = SandboxHTTPResponse.problem(SandboxProblems.methodNotAllowed(request.method, path: request.path), status: 405)
        response.headers.append(("allow", allowed))
        return response
    }

    /// The dashboard's own page and polls, which the journal leaves out (they would push
    /// out the requests it is there to show).
    static let unjournaledPaths: Set<String> = ["/_sandbox/dashboard", "/_sandbox/state"]

    private static var noState: SandboxHTTPResponse {
        .problem(Problem(type: "about:blank", title: "Conflict",
                         detail: "This sandbox keeps no state: start it with --state DIR to export, import or reset it.",
                         status: 409), status: 409)
    }

    private static func stateProblem(_ error: SandboxStateError, status: Int) -> SandboxHTTPResponse {
        .problem(.invalidRequest([InvalidParameter(parameter: nil, value: nil, message: error.description)]), status: status)
    }
}
