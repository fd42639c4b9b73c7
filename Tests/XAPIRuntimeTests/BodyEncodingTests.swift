import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing
@testable import XAPIRuntime

/// Bodies that are not JSON, on the wire exactly: multipart forms (text, JSON and file parts),
/// forms, text and binary bodies, downloads; streamed both ways, never read whole first.
@Suite("Bodies and downloads", .timeLimit(.minutes(3)))
struct BodyEncodingTests {
    static let upload = OperationDescriptor(id: "upload", method: .post, path: "/files", security: [], isIdempotent: true)
    static let download = OperationDescriptor(id: "download", method: .get, path: "/files/1", security: [], isIdempotent: true)

    /// A transport that hands the request to `handler` unread and answers what it returns.
    struct StreamingTransport: ClientTransport {
        var handler: @Sendable (HTTPRequest, HTTPBody?) async throws -> (HTTPResponse, HTTPBody?)
        func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
            try await handler(request, body)
        }
    }

    /// Echoes the request's content type and body (read whole) back.
    static func echo() -> (StreamingTransport, LockedValue<(String?, Data)>) {
        let seen = LockedValue<(String?, Data)>((nil, Data()))
        let transport = StreamingTransport { request, body in
            var data = Data()
            if let body { data = try await Data(collecting: body, upTo: 1 << 20) }
            seen.set((request.headerFields[.contentType], data))
            return (HTTPResponse(status: .ok, headerFields: [.contentType: "application/json"]), HTTPBody("{}"))
        }
        return (transport, seen)
    }

    static func client(_ transport: some ClientTransport) -> XAPIClient<SchemeContext> {
        var configuration = ClientConfiguration(serverURL: URL(string: "https://api.example.com")!, transport: transport)
        configuration.retryPolicy = RetryPolicy(maximumAttempts: 2, baseDelay: .milliseconds(1), maximumDelay: .milliseconds(1))
        return SchemeClient(credentials: SchemeCredentials(named: [:]), configuration: configuration)
    }

    struct Attributes: Codable, Sendable { var name: String }

    @Test("A multipart form sends each part with its disposition and type, in order, with the boundary it declares")
    func multipart() async throws {
        let (transport, seen) = Self.echo()
        var form = MultipartForm()
        form.append("attributes", try: Attributes(name: "cat \"1\".jpg"))
        form.append("count", value: 3)
        form.append("tags", values: ["a", "b"])
        form.append("file", file: MultipartFile(HTTPBody(Data([0, 1, 2, 255])), filename: "cat.jpg", contentType: "image/jpeg"))
        form.append("absent", file: nil)
        var request = OperationRequest(Self.upload)
        try request.setMultipartBody(form)
        _ = try await Self.client(transport).send(request, decoding: JSONValue.self)
        let (contentType, body) = seen.current
        let type = try #require(contentType)
        #expect(type.hasPrefix("multipart/form-data; boundary="))
        let boundary = String(type.dropFirst("multipart/form-data; boundary=".count))
        let expected = [
            "--\(boundary)\r\ncontent-disposition: form-data; name=\"attributes\"\r\ncontent-length: 24\r\ncontent-type: application/json\r\n\r\n{\"name\":\"cat \\\"1\\\".jpg\"}",
            "\r\n--\(boundary)\r\ncontent-disposition: form-data; name=\"count\"\r\ncontent-length: 1\r\ncontent-type: text/plain; charset=utf-8\r\n\r\n3",
            "\r\n--\(boundary)\r\ncontent-disposition: form-data; name=\"tags\"\r\ncontent-length: 1\r\ncontent-type: text/plain; charset=utf-8\r\n\r\na",
            "\r\n--\(boundary)\r\ncontent-disposition: form-data; name=\"tags\"\r\ncontent-length: 1\r\ncontent-type: text/plain; charset=utf-8\r\n\r\nb",
            "\r\n--\(boundary)\r\ncontent-disposition: form-data; name=\"file\"; filename=\"cat.jpg\"\r\ncontent-length: 4\r\ncontent-type: image/jpeg\r\n\r\n",
        ].joined()
        var wanted = Data(expected.utf8)
        wanted.append(contentsOf: [0, 1, 2, 255])
        // swift-openapi-runtime's encoder ends the body with an empty line after the close.
        wanted.append(contentsOf: Array("\r\n--\(boundary)--\r\n\r\n".utf8))
        #expect(body == wanted, "\(String(decoding: body, as: UTF8.self))")
    }

    @Test("A form body is its members as name=value, in name order, lists repeated, objects as name[member], nulls left out")
    func form() async throws {
        struct Token: Encodable, Sendable {
            var grantType = "refresh_token"
            var scope = ["a b", "c&d"]
            var limit = 5
            var nested = ["x": true]
            var gone: String?
            enum CodingKeys: String, CodingKey { case grantType = "grant_type", scope, limit, nested, gone }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(grantType, forKey: .grantType)
                try container.encode(scope, forKey: .scope)
                try container.encode(limit, forKey: .limit)
                try container.encode(nested, forKey: .nested)
                try container.encode(gone, forKey: .gone)
            }
        }
        let (transport, seen) = Self.echo()
        var request = OperationRequest(Self.upload)
        try request.setFormBody(Token())
        _ = try await Self.client(transport).send(request, decoding: JSONValue.self)
        #expect(seen.current.0 == "application/x-www-form-urlencoded")
        #expect(String(decoding: seen.current.1, as: UTF8.self) == "grant_type=refresh_token&limit=5&nested%5Bx%5D=true&scope=a%20b&scope=c%26d")
        #expect(throws: XAPIError.self) { try request.setFormBody([1, 2]) }
    }

    @Test("Text goes as UTF-8 with its charset; a text response reads as a String")
    func text() async throws {
        let transport = StreamingTransport { request, body in
            var data = Data()
            if let body { data = try await Data(collecting: body, upTo: 1 << 20) }
            #expect(request.headerFields[.contentType] == "text/plain; charset=utf-8")
            #expect(request.headerFields[.accept] == "text/calendar")
            return (HTTPResponse(status: .ok, headerFields: [.contentType: "text/calendar"]), HTTPBody("BEGIN:VCALENDAR " + String(decoding: data, as: UTF8.self)))
        }
        var request = OperationRequest(Self.upload)
        request.setTextBody("naïve ✓", contentType: "text/plain")
        request.accept = "text/calendar"
        let response = try await Self.client(transport).sendReceivingText(request)
        #expect(response.body == "BEGIN:VCALENDAR naïve ✓")
    }

    @Test("A binary upload streams: the transport reads its first chunk before the second exists")
    func uploadStreams() async throws {
        let (chunks, producer) = AsyncStream<ArraySlice<UInt8>>.makeStream()
        let firstArrived = AsyncStream<Void>.makeStream()
        let transport = StreamingTransport { request, body in
            #expect(request.headerFields[.contentType] == "application/octet-stream")
            var iterator = try #require(body).makeAsyncIterator()
            var received: [UInt8] = []
            received += try await iterator.next() ?? []
            firstArrived.continuation.yield()
            while let chunk = try await iterator.next() { received += chunk }
            #expect(received == [1, 2, 3, 4])
            return (HTTPResponse(status: .ok, headerFields: [.contentType: "application/json"]), HTTPBody("{}"))
        }
        var request = OperationRequest(Self.upload)
        request.setBinaryBody(HTTPBody(chunks, length: .unknown, iterationBehavior: .single), contentType: "application/octet-stream")
        async let sent = Self.client(transport).send(request, decoding: JSONValue.self)
        producer.yield([1, 2])
        // Only once the transport holds the first chunk is the second made: a client that read
        // the body whole before sending would wait here forever (the suite's time limit).
        for await _ in firstArrived.stream { break }
        producer.yield([3, 4])
        producer.finish()
        _ = try await sent
    }

    @Test("A download streams: the caller gets the body before the server has sent all of it")
    func downloadStreams() async throws {
        let (chunks, producer) = AsyncStream<ArraySlice<UInt8>>.makeStream()
        let transport = StreamingTransport { request, _ in
            #expect(request.headerFields[.accept] == "application/octet-stream")
            return (HTTPResponse(status: .ok, headerFields: [.contentType: "application/octet-stream"]),
                    HTTPBody(chunks, length: .unknown, iterationBehavior: .single))
        }
        var request = OperationRequest(Self.download)
        request.accept = "application/octet-stream"
        producer.yield([9, 8])
        // Returns while the rest is still to come: the client did not wait for the end.
        let response = try await Self.client(transport).sendReceivingBody(request)
        var iterator = response.body.makeAsyncIterator()
        #expect(try await iterator.next() == [9, 8])
        producer.yield([7])
        producer.finish()
        #expect(try await iterator.next() == [7])
        #expect(try await iterator.next() == nil)
    }

    @Test("A failed download's body is read for its problem; a body that streams once is not sent again after a 503")
    func failures() async throws {
        let count = LockedValue(0)
        let transport = StreamingTransport { _, body in
            count.set(count.current + 1)
            if let body { _ = try await Data(collecting: body, upTo: 1 << 20) }
            return (HTTPResponse(status: .serviceUnavailable, headerFields: [.contentType: "application/problem+json"]),
                    HTTPBody(#"{"title":"Service Unavailable","detail":"try later","status":503}"#))
        }
        let client = Self.client(transport)
        let error = await #expect(throws: XAPIError.self) { _ = try await client.sendReceivingBody(OperationRequest(Self.download)) }
        #expect(error?.status == 503)
        #expect(error?.problem?.detail == "try later")
        let retried = count.current
        #expect(retried == 2)  // an idempotent GET without a body is retried

        count.set(0)
        var upload = OperationRequest(Self.upload)
        let (chunks, producer) = AsyncStream<ArraySlice<UInt8>>.makeStream()
        producer.yield([1])
        producer.finish()
        upload.setBinaryBody(HTTPBody(chunks, length: .unknown, iterationBehavior: .single), contentType: "application/octet-stream")
        await #expect(throws: XAPIError.self) { _ = try await client.send(upload, decoding: JSONValue.self) }
        #expect(count.current == 1)
    }
}

extension MultipartForm {
    /// `append(_:json:)` for tests that build a form inline.
    mutating func append(_ name: String, try value: some Encodable & Sendable) {
        try! append(name, json: value)
    }
}
