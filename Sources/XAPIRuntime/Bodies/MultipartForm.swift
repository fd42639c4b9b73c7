import Foundation
import HTTPTypes
@_spi(Generated) import OpenAPIRuntime

/// The parts of a `multipart/form-data` request body, in order: text values, JSON values and
/// files. Generated functions fill one from their typed part arguments; it is serialized by
/// swift-openapi-runtime's multipart encoder as the request is sent, file parts streamed.
///
/// ```swift
/// var form = MultipartForm()
/// form.append("attributes", json: Attributes(name: "cat.jpg", parent: .init(id: "0")))
/// form.append("file", file: MultipartFile(HTTPBody(data), filename: "cat.jpg"))
/// try request.setMultipartBody(form)
/// ```
public struct MultipartForm: Sendable {
    /// The raw parts, with their header fields (`Content-Disposition`, `Content-Type`).
    public private(set) var parts: [MultipartRawPart] = []

    /// Creates an empty form.
    public init() {}

    /// Appends a text part (`text/plain`); `nil` appends nothing.
    public mutating func append(_ name: String, text: String?) {
        guard let text else { return }
        parts.append(Self.part(name, filename: nil, contentType: "text/plain; charset=utf-8", body: HTTPBody(text)))
    }

    /// Appends a value as a text part of its parameter text (numbers, Booleans, enums, dates).
    public mutating func append<Value: ParameterValue>(_ name: String, value: Value?) {
        append(name, text: value?.parameterText)
    }

    /// Appends each value as a text part of the same name.
    public mutating func append<Values: Sequence>(_ name: String, values: Values) where Values.Element: ParameterValue {
        for value in values { append(name, value: value) }
    }

    /// Appends a JSON part (`application/json`), encoded with the X JSON coders; `nil`
    /// appends nothing.
    ///
    /// - Throws: `EncodingError` when the value cannot be encoded.
    public mutating func append(_ name: String, json value: (some Encodable & Sendable)?) throws {
        guard let value else { return }
        let data = try XAPIJSON.makeEncoder().encode(value)
        parts.append(Self.part(name, filename: nil, contentType: "application/json", body: HTTPBody(data)))
    }

    /// Appends a file part, its bytes streamed; `nil` appends nothing.
    public mutating func append(_ name: String, file: MultipartFile?) {
        guard let file else { return }
        parts.append(Self.part(name, filename: file.filename, contentType: file.contentType, body: file.body))
    }

    /// Appends each file as a part of the same name.
    public mutating func append(_ name: String, files: [MultipartFile]) {
        for file in files { append(name, file: file) }
    }

    private static let contentDisposition = HTTPField.Name("Content-Disposition")!

    private static func part(_ name: String, filename: String?, contentType: String, body: HTTPBody) -> MultipartRawPart {
        var disposition = "form-data; name=\"\(escaped(name))\""
        if let filename { disposition += "; filename=\"\(escaped(filename))\"" }
        return MultipartRawPart(
            headerFields: [contentDisposition: disposition, .contentType: contentType],
            body: body
        )
    }

    /// A quoted-string's content: `"` and `\` escaped, line breaks dropped (they would end the header).
    private static func escaped(_ text: String) -> String {
        var result = ""
        for character in text where character != "\r" && character != "\n" {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// The form as a streaming body and its content type with a fresh boundary.
    func encoded() throws -> (body: HTTPBody, contentType: String) {
        var fields = HTTPFields()
        let names = Set(parts.compactMap { Self.name(of: $0) })
        let body = try Converter(configuration: .init()).setRequiredRequestBodyAsMultipart(
            MultipartBody(parts),
            headerFields: &fields,
            contentType: "multipart/form-data",
            allowsUnknownParts: true,
            requiredExactlyOncePartNames: [],
            requiredAtLeastOncePartNames: [],
            atMostOncePartNames: [],
            zeroOrMoreTimesPartNames: names,
            encoding: { $0 }
        )
        // A part that streams once (a file) makes the whole body stream once: it is never retried.
        let once = parts.contains { $0.body.iterationBehavior == .single }
        return (once ? HTTPBody(body, length: .unknown, iterationBehavior: .single) : body, fields[.contentType] ?? "multipart/form-data")
    }

    private static func name(of part: MultipartRawPart) -> String? {
        guard let disposition = part.headerFields[contentDisposition], let start = disposition.range(of: "name=\"") else { return nil }
        let rest = disposition[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
