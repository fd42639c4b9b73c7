import Foundation
import HTTPTypes
import OpenAPIURLSession

extension XAPIClient {
    /// The events of a streaming operation request, decoded as `Event` line by line as they
    /// arrive; see ``EventStream`` for reconnection, keep-alives, malformed lines and
    /// cancellation. Generated functions of streaming operations call it.
    ///
    /// The credentials are checked against the operation's security before anything is sent;
    /// nothing is sent until the stream is iterated. Each event of a priced stream is
    /// recorded in ``ClientConfiguration/spending`` (once per event ID and UTC day, as X
    /// charges), and the stream ends when ``ClientConfiguration/budget`` has no room left.
    ///
    /// ```swift
    /// var request = OperationRequest(.activityStream)
    /// request.appendQueryItem("backfill_minutes", value: 2)
    /// for try await event in try client.stream(request, decoding: ActivityStreamResponse.self) {
    ///     print(event)
    /// }
    /// ```
    ///
    /// - Throws: ``XAPIError`` with ``XAPIError/Code/authentication`` when the credentials do
    ///   not fit the operation, or ``XAPIError/Code/invalidArgument`` when the transport cannot
    ///   stream (`URLSessionTransport` on Linux).
    public func stream<Event: Decodable & Sendable>(
        _ request: OperationRequest, decoding event: Event.Type, options: StreamOptions = StreamOptions()
    ) throws -> EventStream<Event> {
        let operation = request.operation
        try SecurityCheck.verify(credentials, for: operation)
        #if !canImport(Darwin)
        if configuration.transport is URLSessionTransport {
            throw XAPIError(
                code: .invalidArgument, operationID: operation.id,
                message: "URLSessionTransport cannot stream on this platform: Foundation's URLSession here delivers a body only "
                    + "once it ends, and a stream never ends. Use a transport that streams, such as AsyncHTTPClientTransport "
                    + "(swift-openapi-async-http-client).")
        }
        #endif
        _ = try makeHTTPRequest(request)
        let client = self
        let environment = StreamEnvironment(
            request: request,
            options: options,
            clock: configuration.clock,
            logger: configuration.logger,
            spending: configuration.spending,
            budget: configuration.budget,
            interpreter: interpreter(for: operation),
            connect: { request, attempt in
                let httpRequest = try client.makeHTTPRequest(request)
                let (opened, signedWith) = try await client.open(httpRequest, body: request.httpBody, operation: operation, attempt: attempt)
                // A refused token: a session refreshes once and the connection is made again.
                if opened.response.status.code == 401, try await client.credentials.renew(afterRejecting: signedWith) {
                    return try await client.open(httpRequest, body: request.httpBody, operation: operation, attempt: attempt).0
                }
                return opened
            }
        )
        return EventStream(environment: environment)
    }
}
