import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime

extension XAPIClient {
    /// Sends one operation request and decodes a 2xx body as `Body` with the X JSON coders.
    ///
    /// In order: checks the credentials against `request.operation.security` (method and
    /// OAuth 2.0 scopes) before any I/O; reserves a slot in the configured ``DailyCapLedger``
    /// (refusing before any I/O when a cap is used up); sends, each attempt passing through
    /// the caller's middlewares and then signed afresh right before the transport (an
    /// ``OAuth2Session`` refreshes its token first when it expires soon, and once more after a
    /// 401, which is then sent again); retries
    /// transport errors, 5xx (waiting at least their `Retry-After`) and 2xx bodies that are not
    /// JSON (cut off) of resendable operations (``OperationDescriptor/isResendable``) per
    /// ``ClientConfiguration/retryPolicy``, and throws ``XAPIError/Code/outcomeUnknown`` for
    /// those of an action X charges or caps per request, whose slot and worst-case price stay
    /// reserved until the caller settles its ``XAPIError/lostAction``;
    /// waits out a 429 per ``ClientConfiguration/rateLimitPolicy``; commits the daily-cap slot
    /// on a 2xx and releases it otherwise; decodes the body.
    ///
    /// ```swift
    /// var request = OperationRequest(.usersIdFollowers)
    /// request.setPathParameter("id", to: "2244994945")
    /// let response = try await client.send(request, decoding: FollowsLookupResponse.self)
    /// response.rateLimit?.remaining
    /// ```
    ///
    /// - Throws: ``XAPIError``: ``XAPIError/Code/authentication``,
    ///   ``XAPIError/Code/dailyCapExhausted`` or ``XAPIError/Code/invalidArgument`` before any
    ///   request; ``XAPIError/Code/http`` or ``XAPIError/Code/rateLimited`` with the decoded
    ///   ``Problem`` for a non-2xx status; ``XAPIError/Code/decoding`` or
    ///   ``XAPIError/Code/malformedResponse`` when a 2xx body is not the expected JSON;
    ///   ``XAPIError/Code/transport`` when nothing came back;
    ///   ``XAPIError/Code/reauthorizationRequired`` when a session's authorization is gone.
    ///   `CancellationError` when the task is cancelled.
    public func send<Body: Decodable & Sendable>(
        _ request: OperationRequest, decoding body: Body.Type
    ) async throws -> APIResponse<Body> {
        try await perform(request, streaming: false) { received in
            try interpret(received, decoding: Body.self, operation: request.operation)
        }
    }

    /// Sends one operation request as ``send(_:decoding:)`` does, the 2xx response read by
    /// `interpret`; with `streaming`, a 2xx body is handed over unread (`received.stream`).
    func perform<Body: Sendable>(
        _ request: OperationRequest, streaming: Bool, interpret: (ReceivedResponse) throws -> APIResponse<Body>
    ) async throws -> APIResponse<Body> {
        let operation = request.operation
        try SecurityCheck.verify(credentials, for: operation)
        let httpRequest = try makeHTTPRequest(request)

        // What it can cost, refused before any I/O when the budget cannot pay for it.
        let actingUserID = request.actingUserID ?? credentials.userID ?? lookedUpUserID.current
        let cost = operation.pricing.map { RequestCost(pricing: $0, request: request, actingUserID: actingUserID,
                                                       appOwnerID: configuration.appOwnerID) }
        let spending = configuration.spending
        let spendReservation = try await cost.asyncMap {
            try await spending.reserve($0.worstCase, budget: configuration.budget, operation: operation, at: configuration.clock.now())
        }

        var reservation: DailyCapReservation?
        let decoded: Result<APIResponse<Body>, any Error>
        do {
            if let ledger = configuration.dailyCaps {
                reservation = try await ledger.reserve(operation, userID: request.actingUserID ?? credentials.userID)
            }
            decoded = try await receive(httpRequest, body: request.httpBody, operation: operation, streaming: streaming,
                                        interpret: interpret)
        } catch var error as XAPIError where error.code == .outcomeUnknown {
            // An answer lost on the way: X may have counted and charged it. The slot and the
            // worst case stay reserved until the caller looks it up and settles it.
            error.lostAction = LostAction(operationID: operation.id, operation: operation, capReservation: reservation,
                                          spendReservation: spendReservation, cost: cost)
            throw error
        } catch {
            if let ledger = configuration.dailyCaps, let reservation {
                await releaseQuietly(reservation, in: ledger, operation: operation)
            }
            if let spendReservation { await releaseQuietly(spendReservation, operation: operation) }
            throw error
        }
        if let ledger = configuration.dailyCaps, let reservation {
            await commitQuietly(reservation, in: ledger, operation: operation)
        }
        var response: APIResponse<Body>
        switch decoded {
        case .success(let value):
            response = value
        case .failure(let error):
            // X charges for what it sent, decodable or not; without the IDs the worst case is recorded.
            if let cost, let spendReservation {
                _ = await settle(spendReservation, cost: cost, resourceIDs: nil, operation: operation)
            }
            if let failure = error as? XAPIError, failure.code == .malformedResponse, operation.isIdempotent, !operation.isResendable {
                // A 2xx came, so X did it; what it did (following or pending) was cut off. Its
                // slot and price are counted: nothing is left to settle.
                throw Self.outcomeUnknown(failure)
            }
            throw error
        }
        if let cost, let spendReservation {
            let ids = (response.body as? any BillableResponse)?.billableResourceIDs ?? []
            response.charge = await settle(spendReservation, cost: cost, resourceIDs: ids, operation: operation)
        }
        return response
    }

    /// Sends until a 2xx arrives and decodes it; a 2xx body that is not JSON at all (cut off,
    /// empty) is fetched again like a 5xx when the operation ``OperationDescriptor/isResendable``,
    /// within the retry policy's attempts. Answers the decoded body, or why the last
    /// one did not decode.
    private func receive<Body: Sendable>(
        _ httpRequest: HTTPRequest, body: HTTPBody?, operation: OperationDescriptor, streaming: Bool,
        interpret: (ReceivedResponse) throws -> APIResponse<Body>
    ) async throws -> Result<APIResponse<Body>, any Error> {
        var retries = 0
        while true {
            let received = try await sendAttempts(httpRequest, body: body, operation: operation, streaming: streaming)
            do {
                return .success(try interpret(received))
            } catch let error as XAPIError
                where error.code == .malformedResponse && operation.isResendable && body?.iterationBehavior != .single
                && retries + 1 < configuration.retryPolicy.maximumAttempts {
                retries += 1
                let delay = configuration.retryPolicy.delay(beforeRetry: retries)
                configuration.logger.debug("Retrying after a malformed body", metadata: retryMetadata(operation, retries, delay))
                try await configuration.clock.sleep(delay)
            } catch {
                return .failure(error)
            }
        }
    }

    func commitQuietly(_ reservation: DailyCapReservation, in ledger: DailyCapLedger, operation: OperationDescriptor) async {
        do {
            try await ledger.commit(reservation)
        } catch {
            configuration.logger.error(
                "Daily-cap ledger could not record a successful action",
                metadata: ["xapi.operation": .string(operation.id), "error": .string(String(describing: error))]
            )
        }
    }

    /// Attempts until a 2xx arrives or the failure is final; returns the 2xx response.
    func sendAttempts(
        _ httpRequest: HTTPRequest, body: HTTPBody?, operation: OperationDescriptor, streaming: Bool = false
    ) async throws -> ReceivedResponse {
        // A body that streams once (a file, a multipart form of one) cannot be sent again.
        let repeatable = body?.iterationBehavior != .single
        let retryPolicy = configuration.retryPolicy
        let clock = configuration.clock
        let logger = configuration.logger
        var attempt = 0
        var waited: Duration = .zero
        var renewed = false
        while true {
            attempt += 1
            try Task.checkCancellation()
            var received: ReceivedResponse
            let signedWith: Context.Credentials
            do {
                (received, signedWith) = try await exchange(httpRequest, body: body, operation: operation, attempt: attempt,
                                                            streaming: streaming)
            } catch let error as XAPIError where error.code == .transport {
                guard operation.isIdempotent else { throw error }
                guard operation.isResendable else { throw Self.outcomeUnknown(error) }
                guard repeatable, attempt < retryPolicy.maximumAttempts else { throw error }
                let delay = retryPolicy.delay(beforeRetry: attempt)
                logger.debug("Retrying after a transport error", metadata: retryMetadata(operation, attempt, delay))
                try await clock.sleep(delay)
                continue
            }

            let status = received.response.status
            if status.kind == .successful { return received }
            // A failure's body is read whole (bounded), streamed or not, to tell what went wrong.
            if let stream = received.stream {
                received.body = try await collect(stream, operation: operation)
                received.stream = nil
            }

            // A refused token: credentials that can renew themselves (a session) refresh once,
            // and the request goes again; a second 401 stands.
            if status.code == 401, !renewed, repeatable, try await credentials.renew(afterRejecting: signedWith) {
                renewed = true
                attempt -= 1
                logger.debug("Retrying with renewed credentials after a 401", metadata: ["xapi.operation": .string(operation.id)])
                continue
            }

            var failure = interpreter(for: operation).failure(
                status: status.code,
                reason: status.reasonPhrase,
                headers: received.response.headerFields,
                data: received.body
            )
            if failure.code == .rateLimited {
                guard case .wait(let maximum) = configuration.rateLimitPolicy, repeatable else { throw failure }
                guard let reset = failure.retryAfter else { throw failure }
                let delay = Duration.clamped(seconds: reset.timeIntervalSince(clock.now())) + RateLimitPolicy.resetMargin
                guard waited + delay <= maximum else {
                    failure.message += " Waiting until the reset would exceed the maximum wait of \(maximum)."
                    throw failure
                }
                waited += delay
                logger.debug("Waiting for the rate limit to reset", metadata: retryMetadata(operation, attempt, delay))
                try await clock.sleep(delay)
                attempt -= 1
                continue
            }
            // A 5xx, or a 408 (the server never got the whole request, maybe because the transport
            // silently sent it again on a new connection after the first one died): no clear answer.
            let unclear = status.kind == .serverError || status.code == 408
            if unclear, operation.isIdempotent, !operation.isResendable {
                throw Self.outcomeUnknown(failure)
            }
            if unclear, operation.isIdempotent, repeatable, attempt < retryPolicy.maximumAttempts {
                // X's Retry-After, when it sends one, is waited for (up to the policy's longest delay).
                let asked = received.response.headerFields[.retryAfter].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                let delay = max(retryPolicy.delay(beforeRetry: attempt),
                                min(.seconds(max(0, asked ?? 0)), retryPolicy.maximumDelay))
                logger.debug("Retrying after a server error", metadata: retryMetadata(operation, attempt, delay))
                try await clock.sleep(delay)
                continue
            }
            throw failure
        }
    }

    /// A failure of an action that may have taken effect, as ``XAPIError/Code/outcomeUnknown``.
    static func outcomeUnknown(_ error: XAPIError) -> XAPIError {
        var unknown = error
        unknown.code = .outcomeUnknown
        unknown.message += " The action may or may not have taken effect; it was not sent again, as X charges and counts "
            + "every attempt. Look it up before sending it again."
        return unknown
    }

    private func retryMetadata(_ operation: OperationDescriptor, _ attempt: Int, _ delay: Duration) -> Logger.Metadata {
        [
            "xapi.operation": .string(operation.id),
            "xapi.attempt": .stringConvertible(attempt),
            "xapi.delay": .string(delay.description),
        ]
    }

    /// Settles a reservation into the response's charge; when the ledger's storage fails, the
    /// charge is still told (without same-day deduplication) and the failure logged.
    func settle(
        _ reservation: SpendReservation, cost: RequestCost, resourceIDs: [String]?, operation: OperationDescriptor
    ) async -> Charge {
        do {
            return try await configuration.spending.settle(reservation, pricing: cost.pricing, resourceIDs: resourceIDs,
                                                           ownedRead: cost.isOwnedRead, at: configuration.clock.now())
        } catch {
            configuration.logger.error(
                "Spend ledger could not record a charge",
                metadata: ["xapi.operation": .string(operation.id), "error": .string(String(describing: error))]
            )
            let units = if case .resource = cost.pricing.unit { resourceIDs?.count ?? cost.worstCaseUnits } else { 1 }
            return Charge(category: cost.pricing.category, billableUnits: units, chargedUnits: units,
                          unitPrice: cost.unitPrice, isOwnedRead: cost.isOwnedRead)
        }
    }

    func releaseQuietly(_ reservation: SpendReservation, operation: OperationDescriptor) async {
        do {
            try await configuration.spending.release(reservation)
        } catch {
            configuration.logger.error(
                "Spend ledger could not release a reservation; it expires after the reservation timeout",
                metadata: ["xapi.operation": .string(operation.id), "error": .string(String(describing: error))]
            )
        }
    }

    func releaseQuietly(_ reservation: DailyCapReservation, in ledger: DailyCapLedger, operation: OperationDescriptor) async {
        do {
            try await ledger.release(reservation)
        } catch {
            configuration.logger.error(
                "Daily-cap ledger could not release a reservation; it expires after the reservation timeout",
                metadata: ["xapi.operation": .string(operation.id), "error": .string(String(describing: error))]
            )
        }
    }

    func makeHTTPRequest(_ request: OperationRequest) throws -> HTTPRequest {
        var fields = HTTPFields()
        fields[.accept] = request.accept ?? "application/json"
        fields[.userAgent] = "XAPIRuntime"
        if request.body != nil || request.streamingBody != nil { fields[.contentType] = request.bodyContentType ?? "application/json" }
        for item in request.headerItems {
            guard let name = HTTPField.Name(item.name) else {
                throw XAPIError(code: .invalidArgument, operationID: request.operation.id,
                                message: "\"\(item.name)\" is not a valid header field name.", parameter: item.name)
            }
            fields[name] = item.value
        }
        if !request.cookieItems.isEmpty {
            fields[.cookie] = request.cookieItems.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
        }
        return HTTPRequest(
            method: request.operation.method,
            scheme: nil,
            authority: nil,
            path: try request.encodedPathAndQuery(),
            headerFields: fields
        )
    }

    func interpreter(for operation: OperationDescriptor) -> ResponseInterpreter {
        ResponseInterpreter(operationID: operation.id, secrets: Redaction.secrets(of: credentials),
                            availability: operation.availability)
    }

    func interpret<Body: Decodable & Sendable>(
        _ received: ReceivedResponse, decoding: Body.Type, operation: OperationDescriptor
    ) throws -> APIResponse<Body> {
        let status = received.response.status
        let body = try interpreter(for: operation).decodeSuccess(
            Body.self, status: status.code, headers: received.response.headerFields, data: received.body
        )
        return APIResponse(body: body, status: status.code, headers: received.response.headerFields)
    }
}
