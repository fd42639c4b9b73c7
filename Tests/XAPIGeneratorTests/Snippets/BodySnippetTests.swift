import Foundation
import Testing
@testable import XAPIGenerator

/// Bodies and responses that are not JSON: multipart parts as arguments, forms, text and
/// binary bodies, downloads; nothing left out, no warning.
@Suite("Snippets: bodies of every content type")
struct BodySnippetTests {
    static let document = """
    openapi: 3.0.3
    info: {title: Files, version: '1'}
    paths:
      /upload:
        post:
          operationId: upload
          requestBody:
            required: true
            content:
              multipart/form-data:
                schema:
                  type: object
                  required: [file, attributes]
                  properties:
                    attributes: {type: object, properties: {name: {type: string}}}
                    file: {type: string, format: binary}
                    extra: {type: array, items: {type: string, format: binary}}
                    count: {type: integer}
                    tags: {type: array, items: {type: string}}
          responses: {'201': {description: Created}}
      /token:
        post:
          operationId: token
          requestBody:
            content:
              application/x-www-form-urlencoded:
                schema: {type: object, properties: {grant_type: {type: string}, code: {type: string}}}
          responses: {'200': {description: OK}}
      /raw:
        put:
          operationId: putRaw
          requestBody:
            required: true
            content: {application/octet-stream: {schema: {type: string, format: binary}}}
          responses: {'204': {description: Stored}}
      /notes:
        put:
          operationId: putNote
          requestBody:
            required: true
            content: {text/plain: {schema: {type: string}}}
          responses:
            '200':
              description: The calendar
              content: {text/calendar: {schema: {type: string}}}
      /download:
        get:
          operationId: download
          responses:
            '200':
              description: The bytes
              content: {image/png: {}, image/jpeg: {}}
      /anything:
        post:
          operationId: anything
          requestBody:
            content: {'*/*': {}}
          responses: {'200': {description: OK, content: {'*/*': {}}}}
    """

    @Test("No content type is left out: no warning")
    func noWarnings() {
        #expect(diagnostics(Self.document).isEmpty, "\(diagnostics(Self.document))")
    }

    @Test("Multipart parts are arguments of their own: files streamed, values as text, objects as JSON")
    func multipart() throws {
        let clients = try #require(try generate(Self.document)[.clients])
        #expect(clients.contains("""
            public func upload(
                attributes: UploadAttributes,
                file: MultipartFile,
                extra: [MultipartFile] = [],
                count: Int? = nil,
                tags: [String] = []
            ) async throws -> APIResponse<NoContent> {
        """), "\(clients)")
        #expect(clients.contains("""
                var form = MultipartForm()
                try form.append("attributes", json: attributes)
                form.append("file", file: file)
                form.append("extra", files: extra)
                form.append("count", value: count)
                form.append("tags", values: tags)
                try request.setMultipartBody(form)
        """))
    }

    @Test("A form body is encoded from its object; binary and text bodies are sent with their type")
    func otherBodies() throws {
        let clients = try #require(try generate(Self.document)[.clients])
        #expect(clients.contains("try request.setFormBody(TokenRequest(grantType: grantType, code: code))"), "\(clients)")
        #expect(clients.contains("public func putRaw(body: HTTPBody) async throws -> APIResponse<NoContent> {"))
        #expect(clients.contains("request.setBinaryBody(body, contentType: \"application/octet-stream\")"))
        #expect(clients.contains("request.setTextBody(body, contentType: \"text/plain\")"))
        #expect(clients.contains("if let body {\n            request.setBinaryBody(body, contentType: \"application/octet-stream\")"))
    }

    @Test("Downloads stream as HTTPBody with their Accept; text responses read as String")
    func responses() throws {
        let clients = try #require(try generate(Self.document)[.clients])
        #expect(clients.contains("public func download() async throws -> APIResponse<HTTPBody> {"))
        #expect(clients.contains("request.accept = \"image/png, image/jpeg\"\n        return try await sendReceivingBody(request)"))
        #expect(clients.contains("public func putNote(body: String) async throws -> APIResponse<String> {"))
        #expect(clients.contains("return try await sendReceivingText(request)"))
    }

    @Test("The server side takes such bodies as RawBody and answers RawBody")
    func server() throws {
        let server = try Generator(mode: .server).generate(yaml: Self.document, file: "spec.yaml").files[0].contents
        #expect(server.contains("let body = decoder.rawBody()"), "\(server)")
        #expect(server.contains("func download(_ input: ServerOperations.Download, context: Context) async throws -> ServerResponse<RawBody>"))
        #expect(server.contains("public var body: RawBody"))
    }

    @Test("A body of several content types gives a function per kind, for the caller to choose; alternatives of parts pick the one with a file")
    func alternatives() throws {
        let text = """
        openapi: 3.0.3
        info: {title: Media, version: '1'}
        paths:
          /media/{id}/append:
            post:
              operationId: append
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              requestBody:
                required: true
                content:
                  application/json: {schema: {$ref: '#/components/schemas/Append'}}
                  multipart/form-data: {schema: {$ref: '#/components/schemas/Append'}}
              responses: {'200': {description: OK}}
        components:
          schemas:
            Append:
              anyOf:
                - {type: object, required: [media], properties: {media: {type: string, format: byte}, segment: {type: integer}}}
                - {type: object, required: [media], properties: {media: {type: string, format: binary}, segment: {type: integer}}}
        """
        let clients = try #require(try generate(text)[.clients])
        #expect(clients.contains("public func append(id: String, body: Append) async throws -> APIResponse<NoContent> {"), "\(clients)")
        #expect(clients.contains("""
            public func appendMultipart(
                id: String,
                media: MultipartFile,
                segment: Int? = nil
            ) async throws -> APIResponse<NoContent> {
        """))
        #expect(clients.contains("let operation = OperationDescriptor.append\n"))
        #expect(!clients.contains("OperationDescriptor.appendMultipart"))
    }
}
