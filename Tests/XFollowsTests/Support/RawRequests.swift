import Foundation
import HTTPTypes
import OpenAPIRuntime
import XFollows
import XSandbox

/// A request sent straight through the test's transport (``TestTransport``): no validation, no credential
/// checks, no signing unless asked. What a client that bypasses the generated API sends.
struct RawResponse: Sendable {
    var status: Int
    var headers: HTTPFields
    var body: Data

    /// The body as a JSON object.
    var object: NSDictionary {
        ((try? JSONSerialization.jsonObject(with: body)) as? NSDictionary) ?? [:]
    }

    /// `errors[index].message` of an invalid-request problem.
    func errorMessage(_ index: Int = 0) -> String? {
        ((object["errors"] as? [NSDictionary])?[safe: index])?["message"] as? String
    }

    /// `errors[index].parameters` of an invalid-request problem.
    func errorParameters(_ index: Int = 0) -> [String: [String]]? {
        ((object["errors"] as? [NSDictionary])?[safe: index])?["parameters"] as? [String: [String]]
    }

    func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { headers[$0] }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension SandboxServer {
    /// Sends `method path` with an `Authorization` header (and a JSON body).
    func raw(
        _ method: HTTPRequest.Method, _ path: String, authorization: String?, json: String? = nil
    ) async throws -> RawResponse {
        var fields = HTTPFields()
        if let authorization { fields[.authorization] = authorization }
        if json != nil { fields[.contentType] = "application/json" }
        let request = HTTPRequest(method: method, scheme: nil, authority: nil, path: path, headerFields: fields)
        let (response, body) = try await TestTransport.transport.send(
            request, body: json.map { HTTPBody($0) }, baseURL: baseURL, operationID: "raw")
        var data = Data()
        if let body { data = try await Data(collecting: body, upTo: 1 << 24) }
        return RawResponse(status: response.status.code, headers: response.headerFields, body: data)
    }

    /// Sends `method path` signed with OAuth 1.0a as `userID`.
    func rawSigned(
        _ method: HTTPRequest.Method, _ path: String, as userID: String, json: String? = nil
    ) async throws -> RawResponse {
        guard case .oauth1(let user) = credentials.userCredentials(for: userID) else {
            throw SandboxGraphError("No OAuth 1.0a access token for \(userID)")
        }
        let url = URL(string: baseURL.absoluteString + path)!
        let header = user.authorizationHeader(method: method, url: url, signing: .fresh(at: Date()))
        return try await raw(method, path, authorization: header.headerValue, json: json)
    }

    /// The `Authorization` value of the App's bearer token.
    var appBearer: String { "Bearer \(credentials.bearerToken)" }

    /// The `Authorization` value of an OAuth 2.0 token of `userID` with exactly `scopes`.
    func oauth2Bearer(_ userID: String, scopes: Set<String>) -> String {
        "Bearer " + credentials.oauth2Tokens.first { $0.userID == userID && $0.scopes == scopes }!.accessToken
    }
}
