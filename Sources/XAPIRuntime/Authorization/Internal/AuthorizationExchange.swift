import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime

/// One request to an authorization endpoint (token, revocation, request token, …) through the
/// configured transport and middlewares, like every API request, with its logging redacted.
///
/// Unlike API requests these are never retried: a refresh token rotates when it is used, so
/// sending a refresh twice after a lost response could leave the client holding a dead one.
struct AuthorizationExchange: Sendable {
    /// A response with its whole body read.
    struct Response: Sendable {
        var status: Int
        var reason: String
        var headers: HTTPFields
        var body: Data
    }

    let configuration: ClientConfiguration
    /// The name the transport, middlewares, logs and errors see, e.g. `oauth2Token`.
    let operationID: String
    /// Every secret the request carries, scrubbed from logs and error texts.
    let secrets: [String]

    init(configuration: ClientConfiguration, operationID: String, secrets: [String]) {
        self.configuration = configuration
        self.operationID = operationID
        self.secrets = secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    /// Sends `POST url` with a form body (when `form` is not `nil`) and the given headers.
    func post(_ url: URL, form: [(name: String, value: String)]?, headers: HTTPFields = [:]) async throws -> Response {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: true),
              let scheme = components.scheme, let host = components.host
        else {
            throw XAPIError(code: .invalidArgument, operationID: operationID,
                            message: "The endpoint URL \(url.absoluteString) has no scheme or host.")
        }
        let hostPart = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        let baseURL = URL(string: "\(scheme)://\(hostPart)\(components.port.map { ":\($0)" } ?? "")")!
        var path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { path += "?" + query }

        var fields = headers
        fields[.accept] = "application/json"
        fields[.userAgent] = "XAPIRuntime"
        var body: HTTPBody?
        if let form {
            fields[.contentType] = "application/x-www-form-urlencoded"
            body = HTTPBody(FormEncoding.encode(form))
        }
        let request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: path, headerFields: fields)

        var logger = configuration.logger
        logger[metadataKey: "xapi.operation"] = .string(operationID)
        logger[metadataKey: "http.method"] = "POST"
        logger[metadataKey: "http.path"] = .string(components.percentEncodedPath)
        let innerLogger = logger
        let transport = configuration.transport
        let operationID = self.operationID
        let next = MiddlewareChain.wrap({ request, body, baseURL in
            innerLogger.trace("Request headers", metadata: ["http.headers": .string(LogRedaction.headers(request.headerFields))])
            return try await transport.send(request, body: body, baseURL: baseURL, operationID: operationID)
        }, in: configuration.middlewares, operationID: operationID)

        logger.debug("Sending request")
        do {
            let (response, responseBody) = try await next(request, body, baseURL)
            var data = Data()
            if let responseBody {
                data = try await Data(collecting: responseBody, upTo: configuration.maximumResponseBytes)
            }
            logger.debug("Received response", metadata: ["http.status": .stringConvertible(response.status.code)])
            return Response(status: response.status.code, reason: response.status.reasonPhrase,
                            headers: response.headerFields, body: data)
        } catch let error as XAPIError {
            throw error
        } catch {
            if error is CancellationError || Task.isCancelled { throw CancellationError() }
            let text = Redaction.scrub(String(describing: error), secrets: secrets)
            logger.debug("Request failed", metadata: ["error": .string(text)])
            throw XAPIError(code: .transport, operationID: operationID,
                            message: "The request could not be completed: \(text)", underlyingError: error)
                .scrubbingUnderlyingError(of: secrets)
        }
    }

    // MARK: Reading answers

    /// A 2xx JSON body decoded as `Body`.
    func decode<Body: Decodable>(_ type: Body.Type, from response: Response) throws -> Body {
        try ResponseInterpreter(operationID: operationID, secrets: secrets)
            .decodeSuccess(Body.self, status: response.status, headers: response.headers, data: response.body)
    }

    /// A 2xx form-encoded body (`oauth_token=…&oauth_token_secret=…`) as a dictionary; the
    /// first value of a repeated name wins.
    func formValues(of response: Response) -> [String: String] {
        let text = String(decoding: response.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        var values: [String: String] = [:]
        for parameter in OAuth1Signature.formParameters(text) where values[parameter.name] == nil {
            values[parameter.name] = parameter.value
        }
        return values
    }

    /// The error for a refused request: ``XAPIError/Code/rateLimited`` for 429, otherwise
    /// `code`; with what the server said as ``XAPIError/oauthError`` when it said it in a form
    /// this runtime reads, a scrubbed excerpt of the body otherwise.
    func failure(_ response: Response, code: XAPIError.Code = .http, context: String) -> XAPIError {
        var error = ResponseInterpreter(operationID: operationID, secrets: secrets).failure(
            status: response.status, reason: response.reason, headers: response.headers, data: response.body)
        if let said = OAuthErrorResponse(body: response.body, scrubbing: secrets) {
            error.oauthError = said
            error.bodyExcerpt = nil
            error.problem = nil
        }
        if response.status != 429 { error.code = code }
        error.message = "\(context) The server answered HTTP \(response.status)"
            + (error.oauthError.map { ": \($0)." } ?? ".")
        return error
    }
}

extension OAuthErrorResponse {
    /// Reads what an authorization server said from a refusal's body: OAuth 2.0 JSON
    /// (`error`, `error_description`), X's older JSON (`errors[0].code/label/message`) or X's
    /// older XML (`<error code="415">…</error>`); `nil` for anything else. Known secrets are
    /// removed from the texts.
    init?(body: Data, scrubbing secrets: [String]) {
        func clean(_ text: String?) -> String? {
            guard let text else { return nil }
            let scrubbed = Redaction.scrub(text, secrets: secrets)
            return scrubbed.count > 300 ? String(scrubbed.prefix(300)) + "…" : scrubbed
        }
        if let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] {
            if let code = object["error"] as? String {
                self.init(error: clean(code), errorDescription: clean(object["error_description"] as? String),
                          errorURI: clean(object["error_uri"] as? String))
                return
            }
            if let first = (object["errors"] as? [[String: Any]])?.first {
                self.init(error: clean(first["label"] as? String), errorDescription: clean(first["message"] as? String),
                          legacyCode: first["code"] as? Int)
                return
            }
            return nil
        }
        let text = String(decoding: body, as: UTF8.self)
        if let start = text.range(of: "<error ") ?? text.range(of: "<error>"),
           let close = text[start.lowerBound...].firstIndex(of: ">"),
           let end = text[close...].range(of: "</error>")
        {
            let attributes = text[start.lowerBound..<close]
            var code: Int?
            if let codeStart = attributes.range(of: "code=\"") {
                code = Int(attributes[codeStart.upperBound...].prefix { $0.isNumber })
            }
            let message = text[text.index(after: close)..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            self.init(error: nil, errorDescription: clean(message), legacyCode: code)
            return
        }
        return nil
    }
}
