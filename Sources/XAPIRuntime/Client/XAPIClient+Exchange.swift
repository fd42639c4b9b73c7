import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime

/// A response with its whole body read, or a 2xx body not read yet (`stream`).
struct ReceivedResponse: Sendable {
    var response: HTTPResponse
    var body: Data
    /// The body of a 2xx response the caller streams, unread; `nil` once read into `body`.
    var stream: HTTPBody?
}

extension XAPIClient {
    /// One attempt: the credentials to sign with are resolved (a session refreshes here when
    /// its token expires soon), then the caller's middlewares run (outermost first), then the
    /// request is signed with a fresh timestamp and nonce and handed to the transport; the
    /// response body is read completely. Returns the response and the credentials it was
    /// signed with.
    func exchange(
        _ request: HTTPRequest, body: HTTPBody?, operation: OperationDescriptor, attempt: Int, streaming: Bool = false
    ) async throws -> (ReceivedResponse, Context.Credentials) {
        let configuration = self.configuration
        let credentials = try await self.credentials.credentialsForSigning()
        let operationID = operation.id
        let serverURL = RequestURL.normalizedServerURL(configuration.serverURL)
        let secrets = Redaction.secrets(of: self.credentials) + Redaction.secrets(of: credentials)
        var logger = configuration.logger
        logger[metadataKey: "xapi.operation"] = .string(operationID)
        logger[metadataKey: "xapi.attempt"] = .stringConvertible(attempt)
        logger[metadataKey: "http.method"] = .string(request.method.rawValue)
        logger[metadataKey: "http.path"] = .string(request.path ?? "")
        let innerLogger = logger

        let signAndSend: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?) = {
            request, body, baseURL in
            var signed = request
            do {
                try credentials.authorize(&signed, baseURL: baseURL, signing: .fresh(at: configuration.clock.now()), for: operation)
            } catch let error as XAPIError {
                throw error
            } catch {
                throw XAPIError(
                    code: .invalidArgument,
                    operationID: operationID,
                    message: "The request cannot be signed: \(Redaction.scrub(String(describing: error), secrets: secrets))",
                    underlyingError: error
                ).scrubbingUnderlyingError(of: secrets)
            }
            innerLogger.trace("Request headers", metadata: ["http.headers": .string(
                Redaction.scrub(LogRedaction.headers(signed.headerFields), secrets: secrets))])
            return try await configuration.transport.send(signed, body: body, baseURL: baseURL, operationID: operationID)
        }
        let next = MiddlewareChain.wrap(signAndSend, in: configuration.middlewares, operationID: operationID)

        logger.debug("Sending request")
        do {
            let (response, responseBody) = try await next(request, body, serverURL)
            if streaming, response.status.kind == .successful {
                logger.debug("Received response", metadata: ["http.status": .stringConvertible(response.status.code)])
                return (ReceivedResponse(response: response, body: Data(), stream: responseBody ?? HTTPBody()), credentials)
            }
            let data: Data
            if let responseBody {
                data = try await Data(collecting: responseBody, upTo: configuration.maximumResponseBytes)
            } else {
                data = Data()
            }
            logger.debug("Received response", metadata: ["http.status": .stringConvertible(response.status.code)])
            logger.trace("Response headers", metadata: ["http.headers": .string(LogRedaction.headers(response.headerFields))])
            return (ReceivedResponse(response: response, body: data), credentials)
        } catch let error as XAPIError {
            logger.debug("Request failed", metadata: ["error": .string(error.description)])
            throw error
        } catch {
            if error is CancellationError || Task.isCancelled {
                logger.debug("Request cancelled")
                throw CancellationError()
            }
            let text = Redaction.scrub(String(describing: error), secrets: secrets)
            logger.debug("Request failed", metadata: ["error": .string(text)])
            throw XAPIError(
                code: .transport,
                operationID: operationID,
                message: "The request could not be completed: \(text)",
                underlyingError: error
            ).scrubbingUnderlyingError(of: secrets)
        }
    }
}

extension XAPIClient {
    /// A failure's streamed body, read whole up to ``ClientConfiguration/maximumResponseBytes``.
    func collect(_ stream: HTTPBody, operation: OperationDescriptor) async throws -> Data {
        do {
            return try await Data(collecting: stream, upTo: configuration.maximumResponseBytes)
        } catch {
            if error is CancellationError || Task.isCancelled { throw CancellationError() }
            let text = Redaction.scrub(String(describing: error), secrets: Redaction.secrets(of: credentials))
            throw XAPIError(code: .transport, operationID: operation.id,
                            message: "The response could not be read: \(text)", underlyingError: error)
                .scrubbingUnderlyingError(of: Redaction.secrets(of: credentials))
        }
    }
}
