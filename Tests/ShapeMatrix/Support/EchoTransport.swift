import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing
import XAPIRuntime

/// A transport that answers every request itself: a body comes back as the
/// response body (200, with the request's content type), a request without one
/// gets a 204. It keeps what it was sent, header fields included.
actor EchoTransport: ClientTransport {
    struct Received: Sendable {
        var method: HTTPRequest.Method
        var path: String
        var contentType: String?
        var body: Data?
        var headerFields: HTTPFields = [:]
    }

    private(set) var received: [Received] = []

    nonisolated func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var bytes: Data?
        if let body { bytes = try await Data(collecting: body, upTo: 1 << 20) }
        await record(Received(method: request.method, path: request.path ?? "",
                              contentType: request.headerFields[.contentType], body: bytes, headerFields: request.headerFields))
        guard let bytes else { return (HTTPResponse(status: .noContent), nil) }
        var fields = HTTPFields()
        fields[.contentType] = request.headerFields[.contentType] ?? "application/json"
        return (HTTPResponse(status: .ok, headerFields: fields), HTTPBody(bytes))
    }

    private func record(_ entry: Received) {
        received.append(entry)
    }
}

extension AppOnlyClient {
    /// A client whose requests are answered by `transport`.
    static func echoing(_ transport: EchoTransport) -> AppOnlyClient {
        AppOnlyClient(
            credentials: AppOnlyCredentials(bearerToken: "shape-matrix"),
            configuration: ClientConfiguration(serverURL: URL(string: "https://shapes.example.com")!, transport: transport)
        )
    }
}

/// An echo operation, a body for it, and the call: the body is sent as
/// `encoded` (the sample itself unless the sample says otherwise, see
/// ``ShapeSample``).
struct EchoSample: Sendable, CustomTestStringConvertible {
    let operation: String
    let json: String
    let encoded: String
    let run: @Sendable (EchoTransport) async throws -> Void

    init<Body: Codable & Hashable & Sendable, Response: Codable & Hashable & Sendable>(
        _ operation: String, _ json: String, encoded: String? = nil,
        _ call: @escaping @Sendable (AppOnlyClient, Body) async throws -> APIResponse<Response>
    ) {
        let encoded = encoded ?? json
        self.operation = operation
        self.json = json
        self.encoded = encoded
        self.run = { transport in
            let body = try XAPIJSON.makeDecoder().decode(Body.self, from: Data(json.utf8))
            let response = try await call(.echoing(transport), body)
            // The response is the body as sent: it must decode to a value that encodes back to what was sent.
            try expectSameJSON(try XAPIJSON.makeEncoder().encode(response.body), Data(encoded.utf8))
        }
    }

    var testDescription: String { "\(operation): \(json.count > 60 ? json.prefix(60) + "…" : json)" }
}

/// A parameters operation, the call, and the path and query it must send.
struct ParameterSample: Sendable, CustomTestStringConvertible {
    let operation: String
    let expectedPath: String
    let call: @Sendable (AppOnlyClient) async throws -> APIResponse<NoContent>

    init(_ operation: String, _ expectedPath: String, _ call: @escaping @Sendable (AppOnlyClient) async throws -> APIResponse<NoContent>) {
        self.operation = operation
        self.expectedPath = expectedPath
        self.call = call
    }

    var testDescription: String { operation }
}
