import Foundation
import HTTPTypes

/// A body that is not JSON, as a server receives or sends it: its bytes and content type
/// (a file, text, a form or a multipart form as sent).
///
/// ```swift
/// func downloadFile(_ input: ServerOperations.DownloadFile, context: Context) async throws -> ServerResponse<RawBody> {
///     ServerResponse(RawBody(try Data(contentsOf: path), contentType: "application/octet-stream"))
/// }
/// ```
public struct RawBody: Sendable, Hashable, Encodable {
    /// The bytes.
    public var data: Data
    /// The content type, `application/octet-stream` unless given.
    public var contentType: String

    /// Creates a body.
    public init(_ data: Data, contentType: String = "application/octet-stream") {
        self.data = data
        self.contentType = contentType
    }

    /// The text, when the bytes are UTF-8.
    public var text: String? { String(data: data, encoding: .utf8) }

    /// Encodes the bytes as base64, for a value that ends up inside JSON; a server answering
    /// `ServerResponse<RawBody>` sends the bytes themselves.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(data.base64EncodedString())
    }
}

extension ServerInputDecoder {
    /// The body as received, with its `Content-Type`; `nil` (and an error when `required`)
    /// when there is none.
    public mutating func rawBody(required: Bool = true) -> RawBody? {
        guard !request.body.isEmpty else {
            if required {
                record(InvalidParameter(parameter: nil, value: nil, message: "The request body is missing"))
            }
            return nil
        }
        return RawBody(request.body, contentType: request.headerFields[.contentType] ?? "application/octet-stream")
    }
}
