import OpenAPIRuntime

/// A file part of a `multipart/form-data` body: its bytes, streamed as the request is sent
/// (an `HTTPBody` of a file or of any async sequence of bytes is never read whole first), with
/// the file name and content type its part declares.
///
/// ```swift
/// let file = MultipartFile(HTTPBody(data), filename: "cat.jpg", contentType: "image/jpeg")
/// try await client.uploadFile(attributes: attributes, file: file)
/// ```
public struct MultipartFile: Sendable, Hashable {
    /// The bytes.
    public var body: HTTPBody
    /// The file name sent in the part's `Content-Disposition`, if any.
    public var filename: String?
    /// The part's content type (`application/octet-stream` unless given).
    public var contentType: String

    /// Creates a file part.
    public init(_ body: HTTPBody, filename: String? = nil, contentType: String = "application/octet-stream") {
        self.body = body
        self.filename = filename
        self.contentType = contentType
    }
}
