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
    /// response body is read completely (a 2xx one is left unread when `streaming`). Returns the response and the credentials it was
    /// signed with.
    func exchange(
        _ request: HTTPRequest, body: HTTPBody?, operation: OperationDescriptor, attempt: Int, streaming: Bool = false
    ) async throws -> (ReceivedResponse, Context.Credentials) {
        let (opened, credentials) = try await open(request, body: body, operation: operation, attempt: attempt)
        if streaming, opened.response.status.kind == .successful {
            return (ReceivedResponse(response: opened.response, body: Data(), stream: opened.body ?? HTTPBody()), credentials)
        }
        let data = try await opened.collect(upTo: configuration.maximumResponseBytes)
        return (ReceivedResponse(response: opened.response, body: data), credentials)
    }

    /// One attempt, up to the response's head: signs and sends as `exchange` does
    /// does, and hands back the body unread, for a stream to read as it arrives.
    func open(
        _ request: HTTPRequest, body: HTTPBody?, operation: OperationDescriptor, attempt: Int
    ) async throws -> (OpenedResponse, Context.Credentials) {
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
        let failure = TransportFailure(operationID: operationID, secrets: secrets, logger: logger)
        do {
            let (response, responseBody) = try await next(request, body, serverURL)
            logger.debug("Received response", metadata: ["http.status": .stringConvertible(response.status.code)])
            logger.trace("Response headers", metadata: LogRedaction.responseMetadata(response.headerFields))
            return (OpenedResponse(response: response, body: responseBody, failure: failure), credentials)
        } catch {
            throw failure.translate(error)
        }
    }
}

extension XAPIClient {
    /// A failure's streamed body, read whole up to ``ClientConfiguration/maximumResponseBytes``.
    func collect(_ stream: HTTPBody, operation: OperationDescriptor) async throws -> Data {
        do {
            return try await Data(collecting: stream, upTo: configuration.maximumResponseBytes)
        } catch {
            let failure = TransportFailure(operationID: operation.id, secrets: Redaction.secrets(of: credentials), logger: configuration.logger)
            throw failure.translate(error, saying: "The response could not be read")
        }
    }
}

/// A response whose head arrived and whose body has not been read (a stream reads it as it
/// arrives).
struct OpenedResponse: Sendable {
    var response: HTTPResponse
    var body: HTTPBody?
    /// Turns a failure to read the body into the client's error.
    var failure: TransportFailure

    /// The whole body, up to `limit` bytes.
    func collect(upTo limit: Int) async throws -> Data {
        guard let body else { return Data() }
        do {
            return try await Data(collecting: body, upTo: limit)
        } catch {
            throw failure.translate(error)
        }
    }
}

/// What a transport error becomes: cancellation stays cancellation, an ``XAPIError`` stays as
/// it is, anything else is a ``XAPIError/Code/transport`` error with the secrets scrubbed.
struct TransportFailure: Sendable {
    var operationID: String
    var secrets: [String]
    var logger: Logger

    /// `error` as the client throws it; `saying` opens the message of a transport error.
    func translate(_ error: any Error, saying summary: String = "The request could not be completed") -> any Error {
        if let error = error as? XAPIError {
            logger.debug("Request failed", metadata: ["error": .string(error.description)])
            return error
        }
        if error is CancellationError || Task.isCancelled {
            logger.debug("Request cancelled")
            return CancellationError()
        }
        let text = Redaction.scrub(String(describing: error), secrets: secrets)
        logger.debug("Request failed", metadata: ["error": .string(text)])
        return XAPIError(
            code: .transport,
            operationID: operationID,
            message: "\(summary): \(text)",
            underlyingError: error
        ).scrubbingUnderlyingError(of: secrets)
    }
}
