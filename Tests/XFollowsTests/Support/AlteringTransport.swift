import Foundation
import HTTPTypes
import OpenAPIRuntime

/// The test's transport (``TestTransport``), with a change made to each request after the client
/// signed it (middlewares run before signing, so only a transport sees the signed request),
/// or each request sent twice (a replay).
struct AlteringTransport: ClientTransport {
    enum Alteration: Sendable {
        /// Rewrites the signed request.
        case rewrite(@Sendable (HTTPRequest) -> HTTPRequest)
        /// Sends the signed request, then the very same request again, and answers with the
        /// second response.
        case replay
    }

    let alteration: Alteration
    let base: any ClientTransport = TestTransport.transport

    func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        switch alteration {
        case .rewrite(let rewrite):
            return try await base.send(rewrite(request), body: body, baseURL: baseURL, operationID: operationID)
        case .replay:
            var bytes: Data?
            if let body { bytes = try await Data(collecting: body, upTo: 1 << 20) }
            _ = try await base.send(request, body: bytes.map { HTTPBody($0) }, baseURL: baseURL, operationID: operationID)
            return try await base.send(request, body: bytes.map { HTTPBody($0) }, baseURL: baseURL, operationID: operationID)
        }
    }
}
