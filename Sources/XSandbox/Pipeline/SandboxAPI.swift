import Foundation
import HTTPTypes
import Logging
import XAPIServerRuntime
import XFollows
import XFollowsServer

/// The sandbox's request pipeline, independent of HTTP plumbing: route (the generated
/// router), authenticate (401), check the authentication method and scopes (403), check the
/// App's plan includes the operation (X's `client-forbidden` 403), its credits (X's 402) and
/// usage cap (X's `usage-capped` 429), count the request in its rate-limit window (429), then
/// decode and check the operation's input and run it (the generated dispatch into
/// ``SandboxHandlers``), and bill what it returned. Every answer carries X's limit headers and
/// lands in the journal.
struct SandboxAPI: Sendable {
    /// A received request, as the HTTP layer hands it over.
    struct Request: Sendable {
        var method: String
        /// The path as received, percent-encoded.
        var path: String
        /// The query as received, percent-encoded, without `?`.
        var query: String?
        /// The `Host` header, which the client signed.
        var host: String?
        var authorization: String?
        var body: Data
    }

    let authenticator: SandboxAuthenticator
    let handlers: SandboxHandlers
    let store: SandboxStore
    let clock: SandboxClock
    /// The scheme clients reach the sandbox with (the signature covers it).
    let scheme: String
    /// Logs one line per request at `info`.
    let logger: Logger
    /// The kept state, which `/_sandbox/state/` exports, imports and resets.
    let state: SandboxStateKeeper?
    /// Draws the faults injected (``SandboxFaults``); `nil` injects none.
    let faults: FaultInjector?

    init(
        directory: SandboxDirectory, authenticator: SandboxAuthenticator, tokens: PageTokenCodec, store: SandboxStore,
        activity: SandboxActivity? = nil, clock: SandboxClock, scheme: String, logger: Logger,
        state: SandboxStateKeeper? = nil,
        faults: SandboxFaults = .none
    ) {
        self.faults = faults.rate > 0 ? FaultInjector(plan: faults) : nil
        self.authenticator = authenticator
        let activity = activity ?? SandboxActivity(apps: authenticator.orderedApps, directory: directory, store: store,
                                                   options: SandboxActivityOptions())
        self.handlers = SandboxHandlers(directory: directory, tokens: tokens, store: store, activity: activity)
        self.store = store
        self.clock = clock
        self.scheme = scheme
        self.logger = logger
        self.state = state
    }

    func respond(to request: Request) async -> SandboxHTTPResponse {
        let now = clock.now()
        let items = (request.query.map(OAuth1Signature.formParameters) ?? []).map {
            OperationRequest.QueryItem(name: $0.name, value: $0.value)
        }
        var trace = Trace()
        let response = await handle(request, items: items, at: now, trace: &trace)
        var metadata: Logger.Metadata = [
            "x-sandbox.operation": .string(trace.operationID ?? "none"),
            "x-sandbox.user": .string(trace.principal?.userID ?? (trace.principal == nil ? "unauthenticated" : "app")),
        ]
        if let fault = trace.fault { metadata["x-sandbox.fault"] = .string(fault.rawValue) }
        logger.info("\(request.method) \(request.path) → \(response.status)", metadata: metadata)
        // What the request changed is written already; it is answered once it is synced too.
        await state?.durable()
        guard !Self.unjournaledPaths.contains(request.path) else { return response }
        await store.record(SandboxRequestRecord(
            method: request.method, path: request.path, query: items, operationID: trace.operationID,
            status: response.status, authentication: trace.principal?.method, userID: trace.principal?.userID, date: now,
            charge: trace.charge, fault: trace.fault
        ))
        return response
    }

    /// What the journal records about a request besides its status.
    private struct Trace {
        var operationID: String?
        var principal: SandboxPrincipal?
        var charge: Charge?
        var fault: SandboxFault?
    }

    private func handle(
        _ request: Request, items: [OperationRequest.QueryItem], at now: Date, trace: inout Trace
    ) async -> SandboxHTTPResponse {
        if request.path.hasPrefix(Self.ownPrefix) {
            trace.operationID = "sandbox"
            trace.fault = await drawFault(request, items: items, operation: nil)
            if let answer = faultAnswer(trace.fault, at: now) { return answer }
            return applying(trace.fault, to: await respondToOwnPage(request, at: now), items: items, operation: nil)
        }
        if SandboxAuthorizationPaths.all.contains(request.path) {
            trace.fault = await drawFault(request, items: items, operation: nil)
            if let answer = faultAnswer(trace.fault, at: now) { return answer }
        }
        // The authorization endpoints (Authorization/) answer their own paths.
        if let answer = await authenticator.authorization.respond(to: request, scheme: scheme, directory: handlers.directory, at: now) {
            trace.operationID = answer.operationID
            return applying(trace.fault, to: answer.response, items: items, operation: nil)
        }
        let route: ServerRoute
        let method = HTTPRequest.Method(request.method)
        switch method.map({ ServerOperations.router.match($0, path: request.path) }) ?? .failure(.unknownPath) {
        case .success(let matched):
            route = matched
        case .failure(.unknownPath):
            return .problem(SandboxProblems.notFound(request.path), status: 404)
        case .failure(.methodNotAllowed(let allowed)):
            var response = SandboxHTTPResponse.problem(
                SandboxProblems.methodNotAllowed(request.method, path: request.path), status: 405)
            response.headers.append(("allow", allowed.map(\.rawValue).joined(separator: ", ")))
            return response
        }
        let operation = route.operation
        trace.operationID = operation.id
        trace.fault = await drawFault(request, items: items, operation: operation)
        if let answer = faultAnswer(trace.fault, at: now) { return answer }
        let fault = trace.fault
        let response = await handle(request, route: route, method: method, at: now, trace: &trace)
        return applying(fault, to: response, items: items, operation: operation)
    }

    /// Authenticates, checks and runs an operation the router matched, and bills it.
    private func handle(
        _ request: Request, route: ServerRoute, method: HTTPRequest.Method?, at now: Date, trace: inout Trace
    ) async -> SandboxHTTPResponse {
        let operation = route.operation

        guard let principal = await authenticate(request, at: now) else {
            return .problem(SandboxProblems.unauthorized, status: 401)
        }
        trace.principal = principal
        if let refusal = Self.securityRefusal(principal, operation) {
            var response = SandboxHTTPResponse.problem(refusal, status: 403)
            response.add(await store.windowStatus(operation, principal: principal, at: now), .rateLimit)
            return response
        }
        let app = authenticator.app(of: principal)
        if let refusal = await billingRefusal(operation, app: app, principal: principal, at: now) {
            return refusal
        }

        let window = await store.admit(operation, principal: principal, at: now)
        if let window, !window.isAllowed {
            var response = SandboxHTTPResponse.problem(SandboxProblems.tooManyRequests, status: 429)
            response.add(window.status, .rateLimit)
            return response
        }

        let serverRequest = ServerRequest(method: method ?? .get, path: request.path, query: request.query, body: request.body)
        var response: SandboxHTTPResponse
        do {
            response = SandboxHTTPResponse(try await handlers.handle(route, request: serverRequest,
                                                                      context: SandboxCall(principal: principal, now: now, app: app)))
        } catch let error as InvalidRequestError {
            response = .problem(error.problem, status: 400)
        } catch let refusal as ProblemResponse {
            response = SandboxHTTPResponse(EncodedResponse(refusal))
        } catch {
            response = .problem(Problem(type: "about:blank", title: "Internal Server Error",
                                        detail: "The sandbox could not answer: \(error)", status: 500), status: 500)
        }
        response.add(window?.status, .rateLimit)
        // A stream's events are billed one by one as they are delivered (SandboxActivity).
        if let pricing = operation.pricing, operation.streaming == nil, let app, (200..<300).contains(response.status) {
            let ownedRead = pricing.isOwnedRead(
                parameterValue: pricing.ownedRead.flatMap { route.pathParameters[$0.parameter] },
                authenticatedUserID: principal.userID, appOwnerID: app.ownerID)
            trace.charge = await store.charge(app: app.key, operation: operation, pricing: pricing,
                                              resourceIDs: response.billableResourceIDs ?? [], ownedRead: ownedRead, at: now)
        }
        return response
    }

    /// X's refusals of an App rather than of a request: a plan without the operation (403
    /// `client-forbidden`), spent credits (402), a usage cap (429 `usage-capped`, its rate-limit
    /// headers untouched). Waiting fixes none of them.
    private func billingRefusal(
        _ operation: OperationDescriptor, app: SandboxApp?, principal: SandboxPrincipal, at now: Date
    ) async -> SandboxHTTPResponse? {
        guard let app else { return nil }
        let status: Int
        let problem: Problem
        if !app.includes(operation) {
            (status, problem) = (403, SandboxProblems.clientForbidden(app: app))
        } else if operation.pricing != nil, let refusal = await store.billingRefusal(for: app.key, at: now) {
            switch refusal {
            case .creditsDepleted: (status, problem) = (402, SandboxProblems.creditsDepleted)
            case .usageCapped: (status, problem) = (429, SandboxProblems.usageCapped(app: app))
            }
        } else {
            return nil
        }
        var response = SandboxHTTPResponse.problem(problem, status: status)
        response.add(await store.windowStatus(operation, principal: principal, at: now), .rateLimit)
        return response
    }

    // MARK: Authentication

    private func authenticate(_ request: Request, at now: Date) async -> SandboxPrincipal? {
        switch await authenticator.classify(request.authorization, at: now) {
        case .refused:
            return nil
        case .principal(let principal):
            return principal
        case .oauth1(let header):
            guard let url = signedURL(of: request) else { return nil }
            let result = await store.verify(authenticator.verifier(for: header), method: request.method, url: url,
                                            authorization: header, at: now)
            guard case .success(let identity) = result else { return nil }
            return authenticator.principal(for: identity)
        }
    }

    /// The URL the client requested and signed: the scheme, the `Host` header, the path and
    /// the query exactly as received.
    private func signedURL(of request: Request) -> URL? {
        guard let host = request.host, !host.isEmpty else { return nil }
        let query = request.query.map { "?\($0)" } ?? ""
        return URL(string: "\(scheme)://\(host)\(request.path)\(query)")
    }

    /// 403 when the operation does not accept the method (App-only on a write) or an OAuth
    /// 2.0 token lacks a scope the operation requires.
    static func securityRefusal(_ principal: SandboxPrincipal, _ operation: OperationDescriptor) -> Problem? {
        guard !operation.security.isEmpty else { return nil }
        let sameMethod = operation.security.filter { $0.method == principal.method }
        guard !sameMethod.isEmpty else {
            return SandboxProblems.unsupportedAuthentication(principal.method, supported: operation.security)
        }
        guard principal.method == .oauth2UserContext else { return nil }
        let granted = principal.scopes ?? []
        let satisfied = sameMethod.contains { requirement in
            guard case .oauth2UserContext(let required) = requirement else { return true }
            return Set(required.map(\.rawValue)).isSubset(of: granted)
        }
        return satisfied ? nil : SandboxProblems.forbidden()
    }
}
