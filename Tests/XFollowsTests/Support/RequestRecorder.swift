import Foundation
import HTTPTypes
import OpenAPIRuntime
import XFollows

/// The requests a client let through its middlewares, before signing.
actor RequestRecorder {
    struct Entry: Sendable {
        var operationID: String
        var method: HTTPRequest.Method
        var path: String

        /// The decoded query items.
        var query: [String: String] {
            guard let query = path.split(separator: "?", maxSplits: 1).dropFirst().first else { return [:] }
            return Dictionary(OAuth1Signature.formParameters(String(query)).map { ($0.name, $0.value) },
                              uniquingKeysWith: { first, _ in first })
        }
    }

    private(set) var entries: [Entry] = []

    func record(_ entry: Entry) {
        entries.append(entry)
    }

    /// A middleware recording into this recorder.
    nonisolated var middleware: RecordingMiddleware { RecordingMiddleware(recorder: self) }
}

/// Records every request that passes, then lets it through unchanged.
struct RecordingMiddleware: ClientMiddleware {
    let recorder: RequestRecorder

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        await recorder.record(.init(operationID: operationID, method: request.method, path: request.path ?? ""))
        return try await next(request, body, baseURL)
    }
}
