import Foundation
import HTTPTypes

extension XAPIClient {
    /// Sends one operation request and decodes a 2xx body as `Body` with the X JSON coders.
    ///
    /// Before any I/O it checks the credentials against `request.operation.security` (method
    /// and OAuth 2.0 scopes). Each attempt passes through the configured middlewares and is
    /// signed right before the transport.
    ///
    /// ```swift
    /// var request = OperationRequest(.usersIdFollowers)
    /// request.setPathParameter("id", to: "2244994945")
    /// let response = try await client.send(request, decoding: FollowsLookupResponse.self)
    /// response.rateLimit?.remaining
    /// ```
    ///
    /// - Throws: ``XAPIError``: ``XAPIError/Code/authentication`` before any request when the
    ///   credentials are not accepted; ``XAPIError/Code/http`` or ``XAPIError/Code/rateLimited``
    ///   with the decoded ``Problem`` for a non-2xx status; ``XAPIError/Code/decoding`` or
    ///   ``XAPIError/Code/malformedResponse`` when a 2xx body is not the expected JSON;
    ///   ``XAPIError/Code/transport`` when nothing came back. `CancellationError` when the task
    ///   is cancelled.
    public func send<Body: Decodable & Sendable>(
        _ request: OperationRequest, decoding body: Body.Type
    ) async throws -> APIResponse<Body> {
        let operation = request.operation
        try SecurityCheck.verify(credentials, for: operation)
        let httpRequest = try makeHTTPRequest(request)
        let received = try await exchange(httpRequest, body: request.body, operation: operation, attempt: 1)
        return try interpret(received, decoding: Body.self, operation: operation)
    }

    func makeHTTPRequest(_ request: OperationRequest) throws -> HTTPRequest {
        var fields = HTTPFields()
        fields[.accept] = "application/json"
        fields[.userAgent] = "XAPIRuntime"
        if request.body != nil { fields[.contentType] = "application/json" }
        return HTTPRequest(
            method: request.operation.method,
            scheme: nil,
            authority: nil,
            path: try request.encodedPathAndQuery(),
            headerFields: fields
        )
    }

    func interpreter(for operation: OperationDescriptor) -> ResponseInterpreter {
        ResponseInterpreter(operationID: operation.id, secrets: Redaction.secrets(of: credentials))
    }

    func interpret<Body: Decodable & Sendable>(
        _ received: ReceivedResponse, decoding: Body.Type, operation: OperationDescriptor
    ) throws -> APIResponse<Body> {
        let status = received.response.status
        let interpreter = interpreter(for: operation)
        guard status.kind == .successful else {
            throw interpreter.failure(
                status: status.code,
                reason: status.reasonPhrase,
                headers: received.response.headerFields,
                data: received.body,
                now: configuration.clock.now()
            )
        }
        let body = try interpreter.decodeSuccess(
            Body.self, status: status.code, headers: received.response.headerFields, data: received.body
        )
        return APIResponse(body: body, status: status.code, headers: received.response.headerFields)
    }
}
