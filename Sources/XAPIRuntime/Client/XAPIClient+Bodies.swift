import Foundation
import OpenAPIRuntime

/// Responses that are not JSON: binary bodies streamed to the caller, text read whole.
///
/// ```swift
/// let download = try await client.send(request, receiving: .stream)
/// for try await chunk in download.body { try file.write(contentsOf: chunk) }
/// ```
extension XAPIClient {
    /// Sends one operation request as ``send(_:decoding:)`` does, and hands over a 2xx body
    /// unread, to be streamed (`for try await chunk in response.body`): a large download is
    /// never held in memory. A failure's body is read (bounded) into the ``XAPIError``.
    ///
    /// - Throws: ``XAPIError`` as ``send(_:decoding:)`` does, but never for decoding.
    public func sendReceivingBody(_ request: OperationRequest) async throws -> APIResponse<HTTPBody> {
        try await perform(request, streaming: true) { received in
            APIResponse(body: received.stream ?? HTTPBody(received.body), status: Int(received.response.status.code),
                        headers: received.response.headerFields)
        }
    }

    /// Sends one operation request as ``send(_:decoding:)`` does, and reads a 2xx body as
    /// UTF-8 text (up to ``ClientConfiguration/maximumResponseBytes``).
    ///
    /// - Throws: ``XAPIError`` as ``send(_:decoding:)`` does; ``XAPIError/Code/malformedResponse``
    ///   when the body is not UTF-8.
    public func sendReceivingText(_ request: OperationRequest) async throws -> APIResponse<String> {
        let response = try await sendReceivingBody(request)
        let data = try await collect(response.body, operation: request.operation)
        guard let text = String(data: data, encoding: .utf8) else {
            throw XAPIError(code: .malformedResponse, operationID: request.operation.id,
                            message: "The \(response.status) response is not UTF-8 text.", status: response.status)
        }
        return response.map { _ in text }
    }
}
