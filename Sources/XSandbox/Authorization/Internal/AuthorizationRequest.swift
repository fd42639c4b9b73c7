import Foundation
import XFollows

/// A request to an authorization endpoint, read once: its query and form body parameters
/// (decoded, in order) and its `Authorization` header.
struct AuthorizationRequest: Sendable {
    var method: String
    var path: String
    /// The URL the client requested (scheme, `Host`, path and query as received), which an
    /// OAuth 1.0a signature covers.
    var url: URL?
    var query: [(name: String, value: String)]
    var form: [(name: String, value: String)]
    var authorization: String?

    init(_ request: SandboxAPI.Request, scheme: String) {
        method = request.method
        path = request.path
        query = request.query.map(OAuth1Signature.formParameters) ?? []
        let body = String(decoding: request.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        form = body.isEmpty || body.hasPrefix("{") ? [] : OAuth1Signature.formParameters(body)
        authorization = request.authorization
        if let host = request.host, !host.isEmpty {
            url = URL(string: "\(scheme)://\(host)\(request.path)\(request.query.map { "?\($0)" } ?? "")")
        }
    }

    /// The parameters of the form body, or of the query for a `GET`.
    var parameters: [(name: String, value: String)] {
        method == "GET" ? query : form + query
    }

    /// The one value of a parameter; `.repeated` when it appears more than once.
    func value(_ name: String) -> ParameterValue {
        let values = parameters.filter { $0.name == name }.map(\.value)
        switch values.count {
        case 0: return .missing
        case 1: return values[0].isEmpty ? .missing : .value(values[0])
        default: return .repeated
        }
    }

    enum ParameterValue: Equatable {
        case missing
        case repeated
        case value(String)

        var string: String? {
            if case .value(let value) = self { return value }
            return nil
        }
    }

    /// The user and password of `Authorization: Basic …`, each form-decoded (RFC 6749,
    /// 2.3.1); `nil` without such a header or when it is malformed.
    var basicCredentials: (user: String, password: String)? {
        authorization.flatMap(FormEncoding.basicCredentials(from:))
    }
}
