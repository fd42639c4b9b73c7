import Foundation
import HTTPTypes
import OpenAPIRuntime

/// The caller's middlewares around a send: the first middleware is the outermost, as
/// swift-openapi-runtime's clients order them. API requests and token requests both go
/// through it.
enum MiddlewareChain {
    /// One send: a request, its body and the server URL, to a response and its body.
    typealias Send = @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)

    /// `innermost` wrapped in `middlewares`, outermost first.
    static func wrap(_ innermost: @escaping Send, in middlewares: [any ClientMiddleware], operationID: String) -> Send {
        var next = innermost
        for middleware in middlewares.reversed() {
            let inner = next
            next = { request, body, baseURL in
                try await middleware.intercept(request, body: body, baseURL: baseURL, operationID: operationID, next: inner)
            }
        }
        return next
    }
}
