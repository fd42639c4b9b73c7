import Foundation
import OpenAPIRuntime

/// Bodies that are not JSON: binary and multipart bodies streamed as they are sent, text and
/// `application/x-www-form-urlencoded` bodies encoded whole.
///
/// ```swift
/// request.setBinaryBody(HTTPBody(fileBytes), contentType: "application/octet-stream")
/// try request.setFormBody(Token(grantType: "refresh_token", refreshToken: token))
/// var form = MultipartForm()
/// form.append("file", file: MultipartFile(HTTPBody(data), filename: "cat.jpg"))
/// try request.setMultipartBody(form)
/// ```
extension OperationRequest {
    /// The body as the transport sends it.
    var httpBody: HTTPBody? {
        streamingBody ?? body.map { HTTPBody($0) }
    }

    /// Sends `body` as it streams, never read whole first, with its content type
    /// (`application/octet-stream`, `image/png`, …).
    public mutating func setBinaryBody(_ body: HTTPBody, contentType: String) {
        self.body = nil
        streamingBody = body
        bodyContentType = contentType
    }

    /// Sends text in UTF-8 with its content type (`text/plain`, `application/xml`, …); a
    /// `charset` parameter is added when the type has none.
    public mutating func setTextBody(_ text: String, contentType: String) {
        self.body = Data(text.utf8)
        streamingBody = nil
        bodyContentType = contentType.contains("charset=") ? contentType : contentType + "; charset=utf-8"
    }

    /// Sends a value as `application/x-www-form-urlencoded`: its members as `name=value`
    /// (encoded as JSON first, with the X coders, so the names and date formats are the
    /// JSON's), in name order; a list as the name repeated, an object's members as
    /// `name[member]`; `null` members left out.
    ///
    /// - Throws: ``XAPIError`` (``XAPIError/Code/invalidArgument``) when the value is not an
    ///   object or cannot be encoded.
    public mutating func setFormBody(_ value: some Encodable & Sendable) throws {
        let json: JSONValue
        do {
            json = try XAPIJSON.makeDecoder().decode(JSONValue.self, from: XAPIJSON.makeEncoder().encode(value))
        } catch {
            throw XAPIError(code: .invalidArgument, operationID: operation.id,
                            message: "The request body cannot be encoded as a form: \(error)")
        }
        guard case .object(let members) = json else {
            throw XAPIError(code: .invalidArgument, operationID: operation.id,
                            message: "A form body must be an object of members, not \(json).")
        }
        var pairs: [(name: String, value: String)] = []
        for name in members.keys.sorted() {
            Self.flatten(members[name]!, name: name, into: &pairs)
        }
        self.body = Data(FormEncoding.encode(pairs).utf8)
        streamingBody = nil
        bodyContentType = "application/x-www-form-urlencoded"
    }

    /// Sends the form's parts as `multipart/form-data`, file parts streamed.
    ///
    /// - Throws: Never today; encoding is lazy, and a part that fails fails the send.
    public mutating func setMultipartBody(_ form: MultipartForm) throws {
        let (encoded, contentType) = try form.encoded()
        body = nil
        streamingBody = encoded
        bodyContentType = contentType
    }

    private static func flatten(_ value: JSONValue, name: String, into pairs: inout [(name: String, value: String)]) {
        switch value {
        case .null:
            break
        case .bool(let flag):
            pairs.append((name, flag ? "true" : "false"))
        case .number(let number):
            pairs.append((name, number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)))
        case .string(let text):
            pairs.append((name, text))
        case .array(let elements):
            for element in elements { flatten(element, name: name, into: &pairs) }
        case .object(let members):
            for member in members.keys.sorted() { flatten(members[member]!, name: "\(name)[\(member)]", into: &pairs) }
        }
    }
}
