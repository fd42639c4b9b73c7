import Foundation
import HTTPTypes
@_spi(Generated) import OpenAPIRuntime
import Testing
import XAPICurrentDocument

/// X's chunked media upload (INIT, APPEND as multipart with the chunk streamed as a file part,
/// FINALIZE) and media download (bytes streamed back), through the client generated from X's
/// current document, against a test server that reads what goes on the wire: the multipart
/// bodies parsed by swift-openapi-runtime's own multipart parser.
@Suite("X's media upload and download through the generated client (2.167)", .timeLimit(.minutes(3)))
struct MediaEndToEndTests {
    /// Emulates X's media endpoints: uploads by ID, their chunks by segment index.
    actor MediaServer: ClientTransport {
        struct Upload { var totalBytes: Int; var mediaType: String; var segments: [Int: Data] = [:]; var finalized = false }
        private(set) var uploads: [String: Upload] = [:]
        private(set) var log: [String] = []
        private var nextID = 1_880_028_106_020_515_840

        nonisolated func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
            try await handle(request, body: body, operationID: operationID)
        }

        private func handle(_ request: HTTPRequest, body: HTTPBody?, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
            let path = request.path ?? ""
            log.append("\(request.method) \(path) \(request.headerFields[.contentType] ?? "-")")
            guard request.headerFields[.authorization] == "Bearer media-token" else { return Self.json(#"{"title":"Unauthorized"}"#, status: .unauthorized) }
            let segments = path.split(separator: "/").map(String.init)
            let route = (request.method == .get ? "GET " : request.method == .post ? "POST " : "OTHER ")
                + segments.enumerated().map { index, segment in
                    // The IDs in a path are its variable parts.
                    (segments.count == 5 && index == 3 && segments[2] == "upload") || (segments.count == 6 && index >= 3) ? "*" : segment
                }.joined(separator: "/")
            let id = segments.count >= 5 ? segments[segments.count == 6 ? 4 : 3] : ""
            switch route {
            case "POST 2/media/upload/initialize":
                let data = try await Data(collecting: try #require(body), upTo: 1 << 20)
                let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
                let id = String(nextID)
                nextID += 1
                uploads[id] = Upload(totalBytes: object?["total_bytes"] as? Int ?? 0, mediaType: object?["media_type"] as? String ?? "")
                return Self.json(#"{"data":{"id":"\#(id)","media_key":"7_\#(id)","expires_after_secs":86400}}"#)
            case "POST 2/media/upload/*/append":
                guard uploads[id] != nil else { return Self.json(#"{"title":"Not Found"}"#, status: .notFound) }
                let type = try #require(request.headerFields[.contentType])
                #expect(type.hasPrefix("multipart/form-data; boundary="))
                let boundary = String(type.dropFirst("multipart/form-data; boundary=".count))
                let parts = try Converter(configuration: .init()).getRequiredRequestBodyAsMultipart(
                    MultipartBody<MultipartRawPart>.self, from: body, transforming: { $0 }, boundary: boundary,
                    allowsUnknownParts: false, requiredExactlyOncePartNames: ["media", "segment_index"],
                    requiredAtLeastOncePartNames: [], atMostOncePartNames: [], zeroOrMoreTimesPartNames: [], decoding: { $0 })
                var media: Data?
                var segment: Int?
                for try await part in parts {
                    let disposition = part.headerFields[HTTPField.Name("Content-Disposition")!] ?? ""
                    let bytes = try await Data(collecting: part.body, upTo: 1 << 22)
                    if disposition.contains("name=\"media\"") {
                        #expect(part.headerFields[.contentType] == "video/mp4")
                        media = bytes
                    } else if disposition.contains("name=\"segment_index\"") {
                        segment = Int(String(decoding: bytes, as: UTF8.self))
                    }
                }
                guard let segment, let media else { return Self.json(#"{"title":"Invalid Request"}"#, status: .badRequest) }
                uploads[id]?.segments[segment] = media
                return Self.json(#"{"data":{"expires_at":1700086400}}"#)
            case "POST 2/media/upload/*/finalize":
                guard var upload = uploads[id] else { return Self.json(#"{"title":"Not Found"}"#, status: .notFound) }
                let size = upload.segments.values.reduce(0) { $0 + $1.count }
                guard size == upload.totalBytes else { return Self.json(#"{"title":"Invalid Request","detail":"size \#(size)"}"#, status: .badRequest) }
                upload.finalized = true
                uploads[id] = upload
                return Self.json(#"{"data":{"id":"\#(id)","media_key":"7_\#(id)","size":\#(size),"processing_info":{"state":"succeeded"}}}"#)
            case "GET 2/dm_conversations/media/*/*/*":
                guard let upload = uploads[id], upload.finalized else { return Self.json(#"{"title":"Not Found"}"#, status: .notFound) }
                #expect(request.headerFields[.accept] == "application/octet-stream")
                // The bytes in chunks of the segments, as a stream.
                let chunks = upload.segments.keys.sorted().map { ArraySlice(upload.segments[$0]!) }
                let stream = AsyncStream<ArraySlice<UInt8>> { continuation in
                    for chunk in chunks { continuation.yield(chunk) }
                    continuation.finish()
                }
                return (HTTPResponse(status: .ok, headerFields: [.contentType: "application/octet-stream"]),
                        HTTPBody(stream, length: .unknown, iterationBehavior: .single))
            default:
                return Self.json(#"{"title":"Not Found"}"#, status: .notFound)
            }
        }

        private static func json(_ text: String, status: HTTPResponse.Status = .ok) -> (HTTPResponse, HTTPBody?) {
            (HTTPResponse(status: status, headerFields: [.contentType: "application/json"]), HTTPBody(text))
        }
    }

    @Test("INIT, APPEND each chunk as a multipart file part, FINALIZE; then the download streams the same bytes back")
    func uploadAndDownload() async throws {
        let server = MediaServer()
        let client = UserClient(credentials: .oauth2(accessToken: "media-token", userID: "2244994945"),
                                configuration: ClientConfiguration(serverURL: URL(string: "https://api.x.com")!, transport: server))
        let video = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let chunkSize = 128 * 1024

        let initialized = try await client.initializeMediaUpload(body: InitializeMediaUploadRequest(
            mediaCategory: .tweetVideo, mediaType: .videoMp4, totalBytes: video.count))
        let id = try #require(initialized.data?.id)

        for (index, start) in stride(from: 0, to: video.count, by: chunkSize).enumerated() {
            let chunk = video[start..<min(start + chunkSize, video.count)]
            // Each chunk streams from an async sequence: nothing reads it whole before sending.
            let stream = AsyncStream<ArraySlice<UInt8>> { continuation in
                continuation.yield(ArraySlice(chunk.prefix(1000)))
                continuation.yield(ArraySlice(chunk.dropFirst(1000)))
                continuation.finish()
            }
            let file = MultipartFile(HTTPBody(stream, length: .unknown, iterationBehavior: .single),
                                     filename: "video.mp4", contentType: "video/mp4")
            let appended = try await client.appendMediaUploadMultipart(id: id, media: file, segmentIndex: index)
            #expect(appended.status == 200)
        }

        let finalized = try await client.finalizeMediaUpload(id: id)
        #expect(finalized.data?.size == video.count)
        #expect(finalized.data?.mediaKey == "7_\(id)")

        let download = try await client.dmConversationsMediaDownload(dmID: "1-2", mediaID: id, resourceID: "video.mp4")
        var received = Data()
        for try await chunk in download.body { received.append(contentsOf: chunk) }
        #expect(received == video)
        #expect(download.headers[.contentType] == "application/octet-stream")

        let log = await server.log
        #expect(log.count == 6)
        #expect(log[0] == "POST /2/media/upload/initialize application/json")
        #expect(log[1].hasPrefix("POST /2/media/upload/\(id)/append multipart/form-data; boundary="))
        #expect(log[4] == "POST /2/media/upload/\(id)/finalize -")
    }

    @Test("A download the server refuses is an XAPIError with its problem; nothing is streamed")
    func refusedDownload() async throws {
        let client = UserClient(credentials: .oauth2(accessToken: "media-token", userID: "2244994945"),
                                configuration: ClientConfiguration(serverURL: URL(string: "https://api.x.com")!, transport: MediaServer()))
        let error = await #expect(throws: XAPIError.self) {
            _ = try await client.dmConversationsMediaDownload(dmID: "1-2", mediaID: "404", resourceID: "x")
        }
        #expect(error?.status == 404)
        #expect(error?.problem?.title == "Not Found")
    }
}
